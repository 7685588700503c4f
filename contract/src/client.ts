// The smallest typed GraphQL client a frontend might write over the generated documents: what the README's examples
// send, with the result and variables types GraphQL Code Generator derives from each operation.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** A GraphQL response: data (possibly partial) and errors, each with its stable extensions.code. */
export interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: { code?: string } }>;
}

/** POSTs `document` with `variables` to /graphql, signed in when `token` is given. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<GraphQLResponse<TResult>> {
  const response = await fetch("http://localhost:8080/graphql", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLResponse<TResult>;
}
