// Creates a new guide with every section stubbed:
//   npm run new -- --action fix --platform gcp --subject "API keys, secrets & tokens" [--title …] [--risk …] [--regulation …] [--out guides/]
// Run in a terminal with no flags, it asks for each value instead.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { scaffoldGuide, siblingDefaults } from "../authoring/scaffold.ts";
import { readGuide, readGuides } from "../content/guide.ts";
import { readGuideSources } from "../content/plugin.ts";
import { formatProblem } from "../content/problems.ts";
import { defaultGuidesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { loadRegistry, type ActionTerm, type RegulationTerm, type TaxonomyKind, type Term } from "../taxonomy/registry.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const { values } = parseArgs({
  options: {
    action: { type: "string" },
    platform: { type: "string" },
    subject: { type: "string" },
    risk: { type: "string" },
    regulation: { type: "string" },
    title: { type: "string" },
    out: { type: "string", default: defaultGuidesDir },
  },
});

const interactive = process.stdin.isTTY && !values.action && !values.platform && !values.subject;
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

class UsageError extends Error {}

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
      throw new UsageError(`--${noun}: is missing: pass --${noun} with one of ${choices}`);
    }
    const term = registry.resolve(kind, value);
    if (term) return term as T;
    const suggestion = registry.suggest(kind, value);
    const message = `--${noun}: unknown ${noun} "${value}": ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${choices}`}`;
    if (!prompt) throw new UsageError(message);
    console.log(message);
    given = undefined;
  }
}

try {
  if (!existsSync(values.out)) throw new UsageError(`--out: ${values.out} does not exist: create the folder or pass another one`);
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
    throw new UsageError(
      `${path.relative(process.cwd(), file)}: file: already exists: edit it, or remove it first if you mean to start over`,
    );
  }
  const check = readGuide({ path: path.resolve(file), displayPath: file, text }, registry, site);
  if (check.problems.length > 0) throw new Error(`the scaffold does not validate:\n${check.problems.map(formatProblem).join("\n")}`);
  writeFileSync(file, text);
  console.log(`Created ${path.relative(process.cwd(), file)} (draft, URL /guides/${fileName.replace(/\.md$/, "")}/).`);
  console.log("Replace every TODO, then `npm run check` lists what is left; `npm start` previews it.");
} catch (error) {
  console.error(error instanceof UsageError ? error.message : error);
  process.exitCode = 1;
} finally {
  prompt?.close();
}
