// Validates guides without building: `npm run check -- [--strict] [--commands] [files or folders…]` (default: guides/).
// Exit code 0 when there is no error (warnings alone pass unless --strict), 1 otherwise, 2 for a command-line mistake.
import path from "node:path";
import { defaultGuidesDir } from "../paths.ts";
import { plural } from "../text/plural.ts";
import { parseCommandLine } from "./command-line.ts";
import { checkCommand, pathsToCheck } from "./commands.ts";
import { describeFailure } from "./failure.ts";
import type { CheckedGuide } from "../commands/check/blocks.ts";

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
  const { passed, guides } = checkTargets(values.strict);
  const commandsPassed = values.commands ? await checkGuideCommands(guides) : true;
  process.exitCode = passed && commandsPassed ? 0 : 1;
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}

/** Prints every problem and warning of the targets and a summary; whether they pass, and the guides that validated. */
function checkTargets(strict: boolean) {
  const checked = targets.map(checkedSourcesFor);
  const sources = checked.flatMap((target) => target.sources);
  const registry = loadRegistry();
  const site = loadSiteSettings();
  const read = sources.map((source) => ({ source, result: readGuide(source, registry, site) }));
  // Links may point at any guide of the site, not only those checked now; those were just read in full.
  const siteStatuses = declaredStatuses(defaultGuidesDir, new Set(sources.map((source) => source.path)));
  const collected = collectGuides(read, siteStatuses);
  const problems = [...checked.flatMap((target) => target.problems), ...collected.problems];
  const knownSlugs = new Set([...sources.map((source) => path.basename(source.path, ".md")), ...siteStatuses.keys()]);
  const guides = read.flatMap(({ source, result: { guide, frontMatter } }) => (guide ? [{ source, guide, frontMatter }] : []));
  const warnings = [...read.flatMap(({ result }) => result.warnings ?? []), ...reviewGuides(guides, knownSlugs, new Date())];

  for (const problem of problems) console.error(formatProblem(problem));
  for (const warning of warnings) console.error(`warning: ${formatProblem(warning)}`);
  const summary = `${plural(sources.length, "guide file")} checked: ${plural(problems.length, "problem")}, ${plural(warnings.length, "warning")}.`;
  const passed = problems.length === 0 && !(strict && warnings.length > 0);
  if (passed) console.log(summary);
  else console.error(summary);
  return { passed, guides };
}

/** Prints what the command check found in the guides' command blocks (see src/commands/check/); true when they pass. */
async function checkGuideCommands(guides: CheckedGuide[]): Promise<boolean> {
  const { checkCommands } = await import("../commands/check/check-commands.ts");
  const { problems, notes, offLoopback, summary } = await checkCommands(guides, process.env.COMMAND_CHECK_CACHE);
  for (const problem of problems) console.error(formatProblem(problem));
  for (const note of notes) console.error(note);
  const passed = problems.length === 0 && offLoopback.length === 0;
  if (passed) console.log(summary);
  else console.error(summary);
  return passed;
}
