// Converts legacy guides into the structured format:
// `npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]` (default --out: guides/).
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatReportLine, migrateLegacyGuide } from "../authoring/migrate/index.ts";
import { migrationSummary, type MigrationTally } from "../authoring/migration-summary.ts";
import { sourcesFor } from "../content/sources.ts";
import { formatProblem } from "../messages/problems.ts";
import { defaultGuidesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { loadRegistry } from "../taxonomy/registry.ts";
import { exitWithUsage, parseCommandLine, requireExisting } from "./command-line.ts";

const usage = `Usage: npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]

Writes each legacy guide (layout: base.njk, HTML body) as a structured guide of the same file name,
so its URL stays the same, into --out (default: guides/). Prints what was mapped, guessed, kept in
legacy_content and dropped. Existing files are only replaced with --force.
Exit code 0 when every guide was written, 1 when one was not, 2 for a command-line mistake.`;

/** Runs the migration over the command line's targets; returns the exit code. */
function main(args: string[]): number {
  const { values, positionals } = parseCommandLine(
    { usage, options: { out: { type: "string" }, force: { type: "boolean", default: false } }, positionals: true },
    args,
  );
  if (positionals.length === 0) exitWithUsage("no legacy files or folders given: name at least one", usage);
  requireExisting(positionals, usage);
  // A missing --out folder is created; a file in its place is a mistake.
  if (values.out !== undefined && existsSync(values.out) && !statSync(values.out).isDirectory()) {
    exitWithUsage(`--out ${values.out}: not a folder`, usage);
  }

  const out = path.resolve(values.out ?? defaultGuidesDir);
  const registry = loadRegistry();
  const site = loadSiteSettings();
  const claimed = new Map<string, string>();
  const tally: MigrationTally = { written: [], notWritten: [], skipped: 0 };

  const sources = positionals.flatMap(sourcesFor);
  for (const [index, source] of sources.entries()) {
    const target = path.join(out, path.basename(source.path));
    const displayTarget = path.relative(process.cwd(), target);
    // With many files, each one's report starts with how far the run has got.
    const position = sources.length > 1 ? `[${index + 1}/${sources.length}] ` : "";
    console.log(`\n${position}${source.displayPath} → ${displayTarget}`);
    const earlier = claimed.get(target);
    if (earlier) {
      console.error(
        `  not written: ${earlier} already migrates to ${displayTarget}; the file name is the URL, so one of them must be renamed`,
      );
      tally.notWritten.push({ file: source.displayPath, reason: `${earlier} already migrates to ${displayTarget}` });
      continue;
    }
    claimed.set(target, source.displayPath);

    const result = migrateLegacyGuide(source.text, displayTarget, registry, site);
    if (result.notLegacy) {
      console.log("  skipped: not a legacy guide (no layout: base.njk), nothing to migrate");
      tally.skipped++;
      continue;
    }
    for (const line of result.report) console.log(`  ${formatReportLine(line)}`);
    if (result.problems.length > 0 || result.output === undefined) {
      for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
      console.error("  not written: the migrated guide does not validate; fix the legacy file (or finish by hand) and migrate again");
      tally.notWritten.push({ file: source.displayPath, reason: "the migrated guide does not validate (see its problems above)" });
      continue;
    }
    if (existsSync(target) && !values.force) {
      console.error(`  not written: ${displayTarget} exists; pass --force to replace it`);
      tally.notWritten.push({ file: source.displayPath, reason: `${displayTarget} exists; pass --force to replace it` });
      continue;
    }
    mkdirSync(out, { recursive: true });
    // "wx" refuses a file that appeared since the check above, so --force is the only way to replace one.
    writeFileSync(target, result.output, { flag: values.force ? "w" : "wx" });
    console.log(`  written: ${displayTarget}`);
    tally.written.push({ file: displayTarget, result });
  }
  console.log(`\n${migrationSummary(tally).join("\n")}`);
  return tally.notWritten.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
