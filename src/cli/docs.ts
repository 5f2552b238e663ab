// Regenerates the front-matter reference in README.md from the guide schema: `npm run docs`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withGeneratedReference } from "../authoring/reference.ts";
import { projectRoot } from "../paths.ts";
import { loadRegistry } from "../taxonomy/registry.ts";

const readmePath = path.join(projectRoot, "README.md");
const before = readFileSync(readmePath, "utf8");
const after = withGeneratedReference(before, loadRegistry());
if (after === before) {
  console.log("README.md: the front-matter reference is up to date.");
} else {
  writeFileSync(readmePath, after);
  console.log("README.md: front-matter reference regenerated from src/content/schema.ts.");
}
