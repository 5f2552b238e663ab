// Regenerates the front-matter reference in README.md from the guide schema: `npm run docs`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withGeneratedReference } from "../authoring/reference.ts";
import { projectRoot } from "../paths.ts";
import { loadRegistry } from "../taxonomy/registry.ts";
import { parseCommandLine } from "./command-line.ts";

parseCommandLine({
  usage: `Usage: npm run docs

Regenerates the front-matter reference in README.md from the guide schema (src/content/schema.ts) and
the taxonomy registry. Takes no options. Exit code 0 when README.md is up to date or was rewritten,
2 for a command-line mistake.`,
  options: {},
  positionals: false,
});

const readmePath = path.join(projectRoot, "README.md");
const before = readFileSync(readmePath, "utf8");
const after = withGeneratedReference(before, loadRegistry());
if (after === before) {
  console.log("README.md: the front-matter reference is up to date.");
} else {
  writeFileSync(readmePath, after);
  console.log("README.md: front-matter reference regenerated from src/content/schema.ts.");
}
