// Converts legacy guides into the structured format:
// `npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]` (default --out: guides/).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatReportLine, migrateLegacyGuide } from "../authoring/migrate/index.ts";
import { migrationSummary, type MigrationTally } from "../authoring/migration-summary.ts";
import { sourcesFor } from "../content/sources.ts";
import { formatProblem } from "../messages/problems.ts";
import { defaultGuidesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { loadRegistry } from "../taxonomy/registry.ts";
import { parseCommandLine } from "./command-line.ts";
import { migrateCommand } from "./commands.ts";

/** Runs the migration over the command line's targets; returns the exit code. */
function main(args: string[]): number {
  const { values, positionals } = parseCommandLine(migrateCommand, args);

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
