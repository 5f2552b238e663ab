// Validates guides without building: `npm run check [--strict] [files or folders…]` (default: guides/).
// Exit code 0 when there is no error (warnings alone pass unless --strict), 1 otherwise.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readGuides, type GuideSource } from "../content/guide.ts";
import { markdownFiles, readGuideSources } from "../content/plugin.ts";
import { formatProblem } from "../content/problems.ts";
import { reviewGuides } from "../content/review.ts";
import { defaultGuidesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { loadRegistry } from "../taxonomy/registry.ts";

function sourcesFor(target: string): GuideSource[] {
  if (statSync(target).isDirectory()) return readGuideSources(target);
  const file = path.resolve(target);
  return [{ path: file, displayPath: path.relative(process.cwd(), file), text: readFileSync(file, "utf8") }];
}

const { values, positionals } = parseArgs({
  options: { strict: { type: "boolean", default: false } },
  allowPositionals: true,
});
const targets = positionals.length > 0 ? positionals : [defaultGuidesDir];
const sources = targets.flatMap(sourcesFor);
const { guides, problems } = readGuides(sources, loadRegistry(), loadSiteSettings());

// Links may point at any guide of the site, not only those checked now.
const knownSlugs = new Set(
  [...sources.map((source) => source.path), ...markdownFiles(defaultGuidesDir)].map((file) => path.basename(file, ".md")),
);
const sourceByPath = new Map(sources.map((source) => [source.path, source]));
const warnings = reviewGuides(
  guides.flatMap((guide) => {
    const source = sourceByPath.get(guide.inputPath);
    return source ? [{ source, guide }] : [];
  }),
  knownSlugs,
  new Date(),
);

for (const problem of problems) console.error(formatProblem(problem));
for (const warning of warnings) console.error(`warning: ${formatProblem(warning)}`);
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
const summary = `${plural(sources.length, "guide file")} checked: ${plural(problems.length, "problem")}, ${plural(warnings.length, "warning")}.`;
const failed = problems.length > 0 || (values.strict && warnings.length > 0);
if (failed) {
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
