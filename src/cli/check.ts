// Validates guides without building: `npm run check [files or folders…]` (default: guides/).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readGuideSources } from "../content/plugin.ts";
import { readGuides, type GuideSource } from "../content/guide.ts";
import { formatProblem } from "../content/problems.ts";
import { defaultGuidesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { loadRegistry } from "../taxonomy/registry.ts";

function sourcesFor(target: string): GuideSource[] {
  if (statSync(target).isDirectory()) return readGuideSources(target);
  const file = path.resolve(target);
  return [{ path: file, displayPath: path.relative(process.cwd(), file), text: readFileSync(file, "utf8") }];
}

const targets = process.argv.slice(2);
const sources = (targets.length > 0 ? targets : [defaultGuidesDir]).flatMap(sourcesFor);
const { guides, problems } = readGuides(sources, loadRegistry(), loadSiteSettings());
for (const problem of problems) console.error(formatProblem(problem));
const checked = `${sources.length} guide file${sources.length === 1 ? "" : "s"} checked`;
if (problems.length > 0) {
  console.error(`${checked}: ${problems.length} problem${problems.length === 1 ? "" : "s"}.`);
  process.exitCode = 1;
} else {
  console.log(`${checked}: ${guides.length} valid, no problems.`);
}
