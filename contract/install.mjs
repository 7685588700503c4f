// `npm ci`, unless node_modules already holds exactly what package-lock.json pins: npm keeps a copy of the lock it
// installed in node_modules/.package-lock.json, so equal entries mean a reinstall would change nothing (and saves
// the build some 15 seconds). Offline first: a warm npm cache (~/.npm) needs no network.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

function packages(file) {
  try {
    const { "": root, ...installed } = JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")).packages;
    return JSON.stringify(installed);
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
}

if (packages("./node_modules/.package-lock.json") === packages("./package-lock.json")) {
  console.log("contract/: node_modules matches package-lock.json, npm ci skipped");
} else {
  const npm = spawnSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    { stdio: "inherit", cwd: new URL(".", import.meta.url) });
  process.exit(npm.status ?? 1);
}
