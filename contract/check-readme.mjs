// The README's example operations are the ones the build type-checks: each GraphQL document (and its variables) in
// README.md's shell and JavaScript examples must be the text of a file in operations/, and every file there must
// come from the README, so neither drifts. Run by `npm run check-readme` in the Maven build, before codegen.
import { readFileSync, readdirSync } from "node:fs";
import { parse } from "graphql";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const operationsDir = new URL("./operations/", import.meta.url);
const problems = [];

// The examples, in README order: curl bodies (-d '<json>'), GET queries (--data-urlencode 'query=...'), and the
// fetch example's template literal (query: `...`). Only fenced sh/js blocks count.
const examples = [];
for (const [, lang, block] of readme.matchAll(/^```(sh|js)\n([\s\S]*?)^```$/gm)) {
  if (lang === "sh") {
    for (const [, body] of block.matchAll(/ -d '([^']*)'/g)) {
      const { query, variables } = JSON.parse(body);
      examples.push({ query, variables });
    }
    for (const [, query] of block.matchAll(/--data-urlencode 'query=([^']*)'/g)) examples.push({ query });
  } else {
    for (const [, query] of block.matchAll(/\bquery: `([^`]*)`/g)) examples.push({ query });
  }
}

const files = new Map();
for (const name of readdirSync(operationsDir).filter((n) => n.endsWith(".graphql")).sort()) {
  const query = readFileSync(new URL(name, operationsDir), "utf8").replace(/\n$/, "");
  let variables;
  try {
    variables = JSON.parse(readFileSync(new URL(name.replace(/\.graphql$/, ".variables.json"), operationsDir), "utf8"));
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  files.set(name, { query, variables });
}

const matched = new Set();
for (const example of examples) {
  const hit = [...files].find(([, file]) => file.query === example.query);
  if (!hit) {
    problems.push(`README.md has an operation no file in contract/operations/ holds (copy it there verbatim):\n  ${example.query}`);
    continue;
  }
  const [name, file] = hit;
  matched.add(name);
  if (JSON.stringify(file.variables) !== JSON.stringify(example.variables)) {
    problems.push(`${name}: README.md's variables ${JSON.stringify(example.variables)} differ from ` +
      `${name.replace(/\.graphql$/, ".variables.json")}'s ${JSON.stringify(file.variables)}`);
  }
}
for (const [name, file] of files) {
  if (!matched.has(name)) problems.push(`contract/operations/${name} is not in README.md (any more?):\n  ${file.query}`);
  // The client preset skips an anonymous operation with only a warning, so a frontend team would get no type for it.
  for (const definition of parse(file.query).definitions) {
    if (definition.kind === "OperationDefinition" && !definition.name) {
      problems.push(`contract/operations/${name}: the operation has no name; GraphQL Code Generator's client preset skips anonymous operations`);
    }
  }
}

// The fetch example itself is type-checked too: src/readme-fetch.ts holds it verbatim between two marker lines.
const fetchExample = readme.match(/^```js\n([\s\S]*?)^```$/m)[1];
const fetchSource = readFileSync(new URL("./src/readme-fetch.ts", import.meta.url), "utf8");
const copied = fetchSource.match(/^\/\/ README\.md, verbatim:\n([\s\S]*?)^\/\/ End of README\.md\.$/m);
if (!copied || copied[1] !== fetchExample) {
  problems.push("src/readme-fetch.ts does not hold README.md's fetch example verbatim between its marker lines");
}

if (examples.length === 0) problems.push("found no example operation in README.md: did its examples move?");
if (problems.length > 0) {
  console.error(`README.md and contract/ disagree:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`README.md's ${examples.length} example operations match contract/operations/ and src/readme-fetch.ts`);
