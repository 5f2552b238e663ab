// Creates a new guide with every section stubbed:
//   npm run new -- --action detect --platform snowflake --subject pii [--title …] [--risk …] [--regulation …] [--out guides/]
// Run in a terminal with no flags, it asks for each value instead, and asks again until the answer is good.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultGuidesDir } from "../paths.ts";
import { loadRegistry, type ActionTerm, type RegulationTerm, type TaxonomyKind, type Term } from "../taxonomy/registry.ts";
import { exitWithUsage, parseCommandLine } from "./command-line.ts";
import { newCommand } from "./commands.ts";
import { createPrompter, PromptEnded } from "./prompt.ts";

const registry = loadRegistry();
const command = newCommand(registry);
const { values } = parseCommandLine(command);
// Loaded once the command line is good, so a mistake in it is answered at once.
const [
  { scaffoldGuide, siblingDefaults, suggestedTitle },
  { readGuide },
  { readGuides },
  { readGuideSources },
  { formatProblem },
  { loadSiteSettings },
] = await Promise.all([
  import("../authoring/scaffold.ts"),
  import("../content/guide.ts"),
  import("../content/guide-set.ts"),
  import("../content/sources.ts"),
  import("../messages/problems.ts"),
  import("../site-settings.ts"),
]);
const site = loadSiteSettings();

const interactive = process.stdin.isTTY && !values.action && !values.platform && !values.subject;
const prompter = interactive ? createPrompter(process.stdin, process.stdout) : undefined;

// The guide is not created for a reason the message explains in full, so no stack is printed.
class Refusal extends Error {}

/** The term a value names, or what is wrong with it in words that fit a prompt and, after `--<flag>: `, a flag. */
function readTerm<T extends Term>(kind: TaxonomyKind, noun: string, value: string): { value: T } | { problem: string } {
  const term = registry.resolve(kind, value);
  if (term) return { value: term as T };
  const suggestion = registry.suggest(kind, value);
  return {
    problem: `unknown ${noun} "${value}": ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${registry.slugs(kind).join(", ")}`}`,
  };
}

/**
 * A value from its flag, else from the prompt, else its fallback (`noFallback` says why there is none);
 * a flag's mistake ends the command as any command-line mistake does.
 */
async function termFor<T extends Term>(
  kind: TaxonomyKind,
  noun: string,
  given: string | undefined,
  fallback?: T,
  noFallback = "",
): Promise<T> {
  if (given !== undefined) {
    const reading = readTerm<T>(kind, noun, given);
    if ("value" in reading) return reading.value;
    exitWithUsage(`--${noun}: ${reading.problem}`, command.usage);
  }
  if (prompter) {
    return prompter.ask({
      name: noun,
      choices: registry.slugs(kind),
      fallback: fallback && { value: fallback, shown: fallback.slug },
      read: (answer) => readTerm<T>(kind, noun, answer),
    });
  }
  if (fallback) return fallback;
  exitWithUsage(`--${noun}: is missing: ${noFallback}pass --${noun} with one of ${registry.slugs(kind).join(", ")}`, command.usage);
}

try {
  const action = await termFor<ActionTerm>("actions", "action", values.action);
  const platform = await termFor("platforms", "platform", values.platform);
  const subject = await termFor("subjects", "subject", values.subject);
  const existing = readGuides(readGuideSources(defaultGuidesDir), registry, site).guides;
  const defaults = siblingDefaults(existing, subject);
  const noSiblings = `no guide on ${subject.label} yet to take it from, so `;
  const risk = await termFor("risks", "risk", values.risk, defaults.risk, noSiblings);
  const regulation = await termFor<RegulationTerm>("regulations", "regulation", values.regulation, defaults.regulation, noSiblings);
  const suggested = suggestedTitle(action, subject, platform);
  const title =
    values.title ??
    (await prompter?.ask({
      name: "title",
      fallback: { value: suggested, shown: `"${suggested}"` },
      read: (answer) => ({ value: answer }),
    })) ??
    suggested;

  const { fileName, text } = scaffoldGuide({ action, platform, subject, risk, regulation, title });
  const file = path.join(values.out, fileName);
  if (existsSync(file)) {
    throw new Refusal(`${path.relative(process.cwd(), file)}: file: already exists: edit it, or remove it first if you mean to start over`);
  }
  const check = readGuide({ path: path.resolve(file), displayPath: file, text }, registry, site);
  if (check.problems.length > 0) throw new Error(`the scaffold does not validate:\n${check.problems.map(formatProblem).join("\n")}`);
  writeFileSync(file, text);
  console.log(`Created ${path.relative(process.cwd(), file)} (draft, URL /guides/${fileName.replace(/\.md$/, "")}/).`);
  console.log(
    `Replace every TODO, then \`npm run check -- ${path.relative(process.cwd(), file)}\` lists what is left; \`npm start\` previews it.`,
  );
} catch (error) {
  if (error instanceof PromptEnded) {
    // Ctrl+C is the author's choice to leave: no stack, and the shell's exit code for an interrupt.
    process.stdout.write("\n");
    if (error.reason === "input ended") console.error("no guide created: the input ended before every value was given");
    process.exitCode = error.reason === "interrupted" ? 130 : 1;
  } else {
    console.error(error instanceof Refusal ? error.message : error);
    process.exitCode = 1;
  }
} finally {
  prompter?.close();
}
