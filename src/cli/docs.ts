// Regenerates the front-matter reference in README.md from the guide schema: `npm run docs`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.ts";
import { parseCommandLine } from "./command-line.ts";
import { docsCommand } from "./commands.ts";

parseCommandLine(docsCommand);
// Loaded once the command line is good, so a mistake in it is answered at once.
const [{ withGeneratedReference }, { loadRegistry }] = await Promise.all([
  import("../authoring/reference.ts"),
  import("../taxonomy/registry.ts"),
]);

const readmePath = path.join(projectRoot, "README.md");
const before = readFileSync(readmePath, "utf8");
const after = withGeneratedReference(before, loadRegistry());
if (after === before) {
  console.log("README.md: the front-matter reference is up to date.");
} else {
  writeFileSync(readmePath, after);
  console.log("README.md: front-matter reference regenerated from src/content/schema.ts.");
}
