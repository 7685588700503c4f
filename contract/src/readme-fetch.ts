// README.md's fetch example ("For frontend developers"), type-checked with tsc --strict as a browser app would
// compile it. check-readme.mjs fails the build when the text between the marker lines differs from the README's.
import type { PageQuery } from "../target/gql/graphql";

// What the example takes from its surroundings: the signed-in user's token, if any.
declare const token: string | null;

// README.md, verbatim:
// In a browser app (its origin listed in CORS_ALLOWED_ORIGINS)
const response = await fetch("http://localhost:8080/graphql", {
  method: "POST",
  headers: {"Content-Type": "application/json", "Accept": "application/graphql-response+json",
            ...(token ? {"Authorization": `Bearer ${token}`} : {})},
  body: JSON.stringify({
    query: `query Page($after: String, $filter: MovieFilter) {
              movies(first: 20, after: $after, filter: $filter) {
                totalCount edges { node { id title releaseDate } } pageInfo { hasNextPage endCursor } } }`,
    variables: {after: null, filter: {titleContains: "godfather", releaseYear: {min: 1970}}},
  }),
});
const {data, errors} = await response.json();
// End of README.md.

// The answer has the shape the generated type gives the same operation (operations/page.graphql).
const page: PageQuery | null | undefined = data;
console.log(page?.movies?.edges.map((edge) => edge.node.title), errors);

export {};
