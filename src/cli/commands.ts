// What each command accepts: its usage, options and the checks on their values, apart from the commands
// themselves, so that reading a command line has no side effect and is tested without starting one.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { checkOutputFolder } from "../output/output-folder.ts";
import { BuildRefusedError } from "../output/refusal.ts";
import { defaultGuidesDir, projectRoot } from "../paths.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { defineCommand, missingPaths, notAFolder } from "./command-line.ts";

export const buildCommand = defineCommand({
  name: "build",
  usage: `Usage: npm run build -- [--input <guides folder>] [--output <folder>] [--drafts] [--allow-empty]

Validates every guide in --input (default: guides/), then writes the site into --output (default: _site/),
swapping the new site in only when every page was written. Drafts are left out unless --drafts is given.
It refuses, writing and deleting nothing, an --output that is or holds the project, is, holds or lies
inside its guides, code or packages, or holds files no build of this site wrote; a second build into a
folder another build is writing; and an --input with no guides, unless --allow-empty is given.
Exit code 0 when the site was built, 1 when a guide is invalid or the build failed, 2 for a command-line
mistake or a refused build, 130 (143) when interrupted (terminated).`,
  options: {
    input: { type: "string", default: defaultGuidesDir },
    output: { type: "string", default: "_site" },
    drafts: { type: "boolean", default: false },
    "allow-empty": { type: "boolean", default: false },
  },
  positionals: false,
  // Eleventy would report a missing input folder as an internal error with its stack.
  check: ({ values }) => notAFolder("input", values.input),
});

export const startCommand = defineCommand({
  name: "start",
  usage: `Usage: npm run start -- [--input <guides folder>] [--output <folder>] [--port <port>]

Builds the site with drafts into --output (default: _preview/, never _site/) and serves it at
http://localhost:<port> (default 8080), building again when a guide, layout, style or the registry changes.
It refuses, as npm run build does, an --output that is or holds the project, is, holds or lies inside its
guides, code or packages, or holds files no build of this site wrote: the preview empties its folder
before each build. Exit code 2 for a command-line mistake or a refused folder.`,
  options: {
    input: { type: "string", default: defaultGuidesDir },
    output: { type: "string", default: path.join(projectRoot, "_preview") },
    port: { type: "string", default: "8080" },
  },
  positionals: false,
  check: ({ values }) => {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) return `--port ${values.port}: give a port number, e.g. --port 8081`;
    return notAFolder("input", values.input) ?? refusedOutput(values.output, values.input);
  },
});

/** Why an output folder may not be written, in the refusal's own words; undefined when it may. */
function refusedOutput(output: string, input: string): string | undefined {
  try {
    checkOutputFolder(output, input);
    return undefined;
  } catch (error) {
    if (error instanceof BuildRefusedError) return error.message;
    throw error;
  }
}

export const checkCommand = defineCommand({
  name: "check",
  usage: `Usage: npm run check -- [--strict] [--commands] [files or folders…]

Validates guides without building the site (default: guides/). Prints each error as
file:line: field: what is wrong: how to fix it, then warnings: a reviewed date older than 180 days,
sections not written yet or still holding a placeholder, legacy_content left to sort out, legacy HTML
the sanitiser drops, links to guides that do not exist from a guide not yet published or a legacy guide. --strict fails on warnings too.
--commands also checks every command block by machine: shell blocks with bash -n, then each aws, gcloud
and az call in them with the CLI installed here, offline; JSON blocks and JSON arguments must parse.
A CLI that is not installed is skipped with one line saying so. Verdicts are cached in .cache/.
Exit code 0 when there is no error (and, with --strict, no warning), 1 otherwise, 2 for a command-line mistake.`,
  options: { strict: { type: "boolean", default: false }, commands: { type: "boolean", default: false } },
  positionals: true,
  check: ({ positionals }) => {
    const targets = pathsToCheck(positionals);
    const missing = missingPaths(targets);
    if (missing) return missing;
    const notGuides = targets.filter((target) => !statSync(target).isDirectory() && path.extname(target) !== ".md");
    return notGuides.length > 0 ? `not a .md file or a folder: ${notGuides.join(", ")}` : undefined;
  },
});

/** The files and folders `npm run check` reads: those named, else guides/. */
export function pathsToCheck(positionals: string[]): string[] {
  return positionals.length > 0 ? positionals : [defaultGuidesDir];
}

/** `npm run new`'s command line; its usage lists the registry's values. */
export function newCommand(registry: TaxonomyRegistry) {
  const flagKinds = { action: "actions", platform: "platforms", subject: "subjects", risk: "risks", regulation: "regulations" } as const;
  const choices = Object.entries(flagKinds).map(([flag, kind]) => `  --${flag}: ${registry.slugs(kind).join(", ")}`);
  return defineCommand({
    name: "new",
    usage: `Usage: npm run new -- --action <action> --platform <platform> --subject <subject>
                      [--title <title>] [--risk <risk>] [--regulation <regulation>] [--out <folder>]

Creates a draft guide with every section stubbed, named after its action, subject and platform, in --out
(default: guides/). Each value is a slug, label or alias from src/data/taxonomy.yaml:
${choices.join("\n")}
--risk and --regulation default to what the other guides on the subject use, --title to one made from
the values. Run in a terminal with no flags, it asks for each value, showing its default or saying it
has none, and asks again on a wrong answer. It never overwrites a guide.
Exit code 0 when the guide was created, 1 when it was not, 2 for a command-line mistake, 130 when
interrupted with Ctrl+C.`,
    options: {
      action: { type: "string" },
      platform: { type: "string" },
      subject: { type: "string" },
      risk: { type: "string" },
      regulation: { type: "string" },
      title: { type: "string" },
      out: { type: "string", default: defaultGuidesDir },
    },
    positionals: false,
    check: ({ values }) => {
      if (!existsSync(values.out)) return `--out: ${values.out} does not exist: create the folder or pass another one`;
      if (!statSync(values.out).isDirectory()) return `--out: ${values.out} is not a folder: pass the folder to write into`;
      return undefined;
    },
  });
}

export const migrateCommand = defineCommand({
  name: "migrate",
  usage: `Usage: npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]

Writes each legacy guide (layout: base.njk, HTML body) as a structured guide of the same file name,
so its URL stays the same, into --out (default: guides/). Prints what was mapped, guessed, kept in
legacy_content and dropped. Existing files are only replaced with --force.
Exit code 0 when every guide was written, 1 when one was not, 2 for a command-line mistake.`,
  options: { out: { type: "string" }, force: { type: "boolean", default: false } },
  positionals: true,
  check: ({ values, positionals }) => {
    if (positionals.length === 0) return "no legacy files or folders given: name at least one";
    // A missing --out folder is created; a file in its place is a mistake.
    const outIsFile = values.out !== undefined && existsSync(values.out) && !statSync(values.out).isDirectory();
    return missingPaths(positionals) ?? (outIsFile ? `--out ${values.out}: not a folder` : undefined);
  },
});

export const docsCommand = defineCommand({
  name: "docs",
  usage: `Usage: npm run docs

Regenerates the front-matter reference in README.md from the guide schema (src/content/schema.ts) and
the taxonomy registry. Takes no options. Exit code 0 when README.md is up to date or was rewritten,
2 for a command-line mistake.`,
  options: {},
  positionals: false,
});

const wholeNumber = /^[1-9]\d*$/;

export const benchCommand = defineCommand({
  name: "bench",
  usage: `Usage: npm run bench -- [--sizes <n,n,…>] [--runs <n>] [--legacy-size <n>] [--watch-size <n>] [--json <file>]

Builds synthetic sites of n structured + n legacy guides for each of --sizes (default: 1000,4000,10000)
with this project and with bare Eleventy, --runs times each (default: 3; 1 at 10000 and more unless
given), and compares the medians, memory and the listing pages and feeds; builds --legacy-size legacy
guides alone (default: 4000) the same way; times saving a guide until its page is served, 20 edits in
a row, with Eleventy's --incremental at --watch-size (default: 4000; ours and bare), and with npm start's
preview at --watch-size (3 edits), at 100 and on the real guides; weighs a guide page; and counts what the search page downloads for a query with a facet
on the largest site, in Chromium. Prints a table of figures against their budgets, and writes them as
JSON to --json (default: results.json in the temporary folder it names). Takes about 45 minutes
with the defaults.
Exit code 0 when it ran, whether or not every budget was met, 2 for a command-line mistake.`,
  options: {
    sizes: { type: "string", default: "1000,4000,10000" },
    runs: { type: "string" },
    "legacy-size": { type: "string", default: "4000" },
    "watch-size": { type: "string", default: "4000" },
    json: { type: "string" },
  },
  positionals: false,
  check: ({ values }) => {
    if (!values.sizes.split(",").every((size) => wholeNumber.test(size))) {
      return `--sizes ${values.sizes}: expected whole numbers above 0 separated by commas, e.g. 1000,4000`;
    }
    for (const [option, text] of [
      ["runs", values.runs],
      ["legacy-size", values["legacy-size"]],
      ["watch-size", values["watch-size"]],
    ] as const) {
      if (text !== undefined && !wholeNumber.test(text)) return `--${option} ${text}: expected a whole number above 0`;
    }
    // The results are written last: a missing folder would lose the whole run.
    if (values.json !== undefined && !existsSync(path.dirname(values.json))) {
      return `--json ${values.json}: no such folder: ${path.dirname(values.json)}`;
    }
    return undefined;
  },
});
