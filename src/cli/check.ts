// Validates guides without building: `npm run check [--strict] [files or folders…]` (default: guides/).
// Exit code 0 when there is no error (warnings alone pass unless --strict), 1 otherwise, 2 for a command-line mistake.
import path from "node:path";
import { defaultGuidesDir } from "../paths.ts";
import { plural } from "../text/plural.ts";
import { parseCommandLine } from "./command-line.ts";
import { checkCommand, pathsToCheck } from "./commands.ts";
import { describeFailure } from "./failure.ts";

const { values, positionals } = parseCommandLine(checkCommand);
const targets = pathsToCheck(positionals);
// Loaded once the arguments are good, so a mistake in them is answered at once.
const [
  { readGuide },
  { collectGuides },
  { checkedSourcesFor, declaredStatuses },
  { formatProblem },
  { reviewGuides },
  { loadSiteSettings },
  { loadRegistry },
] = await Promise.all([
  import("../content/guide.ts"),
  import("../content/guide-set.ts"),
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
  const checked = targets.map(checkedSourcesFor);
  const sources = checked.flatMap((target) => target.sources);
  const registry = loadRegistry();
  const site = loadSiteSettings();
  const read = sources.map((source) => ({ source, result: readGuide(source, registry, site) }));
  // Links may point at any guide of the site, not only those checked now.
  const siteStatuses = declaredStatuses(defaultGuidesDir);
  const collected = collectGuides(read, siteStatuses);
  const problems = [...checked.flatMap((target) => target.problems), ...collected.problems];
  const knownSlugs = new Set([...sources.map((source) => path.basename(source.path, ".md")), ...siteStatuses.keys()]);
  const warnings = [
    ...read.flatMap(({ result }) => result.warnings ?? []),
    ...reviewGuides(
      read.flatMap(({ source, result: { guide, frontMatter } }) => (guide ? [{ source, guide, frontMatter }] : [])),
      knownSlugs,
      new Date(),
    ),
  ];

  for (const problem of problems) console.error(formatProblem(problem));
  for (const warning of warnings) console.error(`warning: ${formatProblem(warning)}`);
  const summary = `${plural(sources.length, "guide file")} checked: ${plural(problems.length, "problem")}, ${plural(warnings.length, "warning")}.`;
  const passed = problems.length === 0 && !(strict && warnings.length > 0);
  if (passed) console.log(summary);
  else console.error(summary);
  return passed;
}
