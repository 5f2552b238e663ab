// Creates a new guide with every section stubbed:
//   npm run new -- --action fix --platform gcp --subject "API keys, secrets & tokens" [--title …] [--risk …] [--regulation …] [--out guides/]
// Run in a terminal with no flags, it asks for each value instead.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { defaultGuidesDir } from "../paths.ts";
import { loadRegistry, type ActionTerm, type RegulationTerm, type TaxonomyKind, type Term } from "../taxonomy/registry.ts";
import { exitWithUsage, parseCommandLine } from "./command-line.ts";
import { newCommand } from "./commands.ts";

const registry = loadRegistry();
const command = newCommand(registry);
const { values } = parseCommandLine(command);
// Loaded once the command line is good, so a mistake in it is answered at once.
const [{ scaffoldGuide, siblingDefaults }, { readGuide }, { readGuides }, { readGuideSources }, { formatProblem }, { loadSiteSettings }] =
  await Promise.all([
    import("../authoring/scaffold.ts"),
    import("../content/guide.ts"),
    import("../content/guide-set.ts"),
    import("../content/sources.ts"),
    import("../messages/problems.ts"),
    import("../site-settings.ts"),
  ]);
const site = loadSiteSettings();

const interactive = process.stdin.isTTY && !values.action && !values.platform && !values.subject;
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

// The guide is not created for a reason the message explains in full, so no stack is printed.
class Refusal extends Error {}

/** Resolves a value through the registry, or explains what would: in a terminal it asks again. */
async function termFor<T extends Term>(kind: TaxonomyKind, noun: string, given: string | undefined, fallback?: T): Promise<T> {
  const choices = registry.terms[kind].map((term) => term.slug).join(", ");
  for (;;) {
    let value = given;
    if (value === undefined && prompt) {
      const answer = (await prompt.question(`${noun} (${choices})${fallback ? ` [${fallback.slug}]` : ""}: `)).trim();
      value = answer || fallback?.slug;
    }
    if (value === undefined) {
      if (fallback) return fallback;
      exitWithUsage(`--${noun}: is missing: pass --${noun} with one of ${choices}`, command.usage);
    }
    const term = registry.resolve(kind, value);
    if (term) return term as T;
    const suggestion = registry.suggest(kind, value);
    const message = `--${noun}: unknown ${noun} "${value}": ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${choices}`}`;
    if (!prompt) exitWithUsage(message, command.usage);
    console.log(message);
    given = undefined;
  }
}

try {
  const action = await termFor<ActionTerm>("actions", "action", values.action);
  const platform = await termFor("platforms", "platform", values.platform);
  const subject = await termFor("subjects", "subject", values.subject);
  const existing = readGuides(readGuideSources(defaultGuidesDir), registry, site).guides;
  const defaults = siblingDefaults(existing, subject);
  const risk = await termFor("risks", "risk", values.risk, defaults.risk);
  const regulation = await termFor<RegulationTerm>("regulations", "regulation", values.regulation, defaults.regulation);
  const title = values.title ?? (prompt ? (await prompt.question("title (Enter for a suggested one): ")).trim() || undefined : undefined);

  const { fileName, text } = scaffoldGuide({ action, platform, subject, risk, regulation, title });
  const file = path.join(values.out, fileName);
  if (existsSync(file)) {
    throw new Refusal(`${path.relative(process.cwd(), file)}: file: already exists: edit it, or remove it first if you mean to start over`);
  }
  const check = readGuide({ path: path.resolve(file), displayPath: file, text }, registry, site);
  if (check.problems.length > 0) throw new Error(`the scaffold does not validate:\n${check.problems.map(formatProblem).join("\n")}`);
  writeFileSync(file, text);
  console.log(`Created ${path.relative(process.cwd(), file)} (draft, URL /guides/${fileName.replace(/\.md$/, "")}/).`);
  console.log("Replace every TODO, then `npm run check` lists what is left; `npm start` previews it.");
} catch (error) {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = 1;
} finally {
  prompt?.close();
}
