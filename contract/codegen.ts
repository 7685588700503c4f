// GraphQL Code Generator, as a frontend team runs it (README, "Codegen"): the client preset over the contract and
// the README's example operations. The build then type-checks src/ against what it generates (tsc --strict).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphqls",
  documents: ["operations/*.graphql"],
  // Every document must fit the schema: an example the schema no longer accepts fails the build here.
  ignoreNoDocuments: false,
  generates: {
    "target/gql/": {
      preset: "client",
      config: {
        // The wire format of the custom scalars; strictScalars fails the run for a scalar added without a mapping.
        strictScalars: true,
        scalars: { Date: "string", DateTime: "string", JSON: "unknown" },
        useTypeImports: true,
      },
    },
  },
};

export default config;
