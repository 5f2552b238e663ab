// Validates guides without building: `npm run check [--strict] [files or folders…]` (default: guides/).
// Exit code 0 when there is no error (warnings alone pass unless --strict), 1 otherwise, 2 for a command-line mistake.
import { statSync } from "node:fs";
import path from "node:path";
import { defaultGuidesDir } from "../paths.ts";
import { exitWithUsage, parseCommandLine, requireExisting } from "./command-line.ts";
import { describeFailure } from "./failure.ts";

const usage = `Usage: npm run check -- [--strict] [files or folders…]

Validates guides without building the site (default: guides/). Prints each error as
file:line: field: what is wrong: how to fix it, then warnings: a reviewed date older than 180 days,
sections not written yet or still holding a placeholder, legacy_content left to sort out, links to
guides that do not exist. --strict fails on warnings too.
Exit code 0 when there is no error (and, with --strict, no warning), 1 otherwise, 2 for a command-line mistake.`;

const { values, positionals } = parseCommandLine({ usage, options: { strict: { type: "boolean", default: false } }, positionals: true });
const targets = positionals.length > 0 ? positionals : [defaultGuidesDir];
requireExisting(targets, usage);
const notGuides = targets.filter((target) => !statSync(target).isDirectory() && path.extname(target) !== ".md");
if (notGuides.length > 0) exitWithUsage(`not a .md file or a folder: ${notGuides.join(", ")}`, usage);
// Loaded once the arguments are good, so a mistake in them is answered at once.
const [
  { collectGuides, readGuide },
  { markdownFiles, sourcesFor },
  { formatProblem },
  { reviewGuides },
  { loadSiteSettings },
  { loadRegistry },
] = await Promise.all([
  import("../content/guide.ts"),
  import("../content/sources.ts"),
  import("../messages/problems.ts"),
  import("../content/review.ts"),
  import("../site-settings.ts"),
  import("../taxonomy/registry.ts"),
]);
try {
  process.exitCode = checkTargets(values.strict) ? 0 : 1;
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}

/** Prints every problem and warning of the targets and a summary; true when they pass. */
function checkTargets(strict: boolean): boolean {
  const sources = targets.flatMap(sourcesFor);
  const registry = loadRegistry();
  const site = loadSiteSettings();
  const read = sources.map((source) => ({ source, result: readGuide(source, registry, site) }));
  const { problems } = collectGuides(read);

  // Links may point at any guide of the site, not only those checked now.
  const knownSlugs = new Set(
    [...sources.map((source) => source.path), ...markdownFiles(defaultGuidesDir)].map((file) => path.basename(file, ".md")),
  );
  const warnings = reviewGuides(
    read.flatMap(({ source, result: { guide, frontMatter } }) => (guide ? [{ source, guide, frontMatter }] : [])),
    knownSlugs,
    new Date(),
  );

  for (const problem of problems) console.error(formatProblem(problem));
  for (const warning of warnings) console.error(`warning: ${formatProblem(warning)}`);
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  const summary = `${plural(sources.length, "guide file")} checked: ${plural(problems.length, "problem")}, ${plural(warnings.length, "warning")}.`;
  const passed = problems.length === 0 && !(strict && warnings.length > 0);
  if (passed) console.log(summary);
  else console.error(summary);
  return passed;
}
