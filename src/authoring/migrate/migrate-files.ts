import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GuideSource } from "../../content/guide.ts";
import { formatProblem } from "../../messages/problems.ts";
import type { SiteSettings } from "../../site-settings.ts";
import type { TaxonomyRegistry } from "../../taxonomy/registry.ts";
import { formatReportLine, migrateLegacyGuide } from "./index.ts";
import { migrationSummary, type MigrationTally } from "./migration-summary.ts";

export interface MigrateFilesOptions {
  /** The folder the structured guides are written to. */
  out: string;
  /** Replace guides that exist there. */
  force: boolean;
  registry: TaxonomyRegistry;
  site: SiteSettings;
}

/** Where the report goes: each call is one line, as `console.log` and `console.error` print them. */
export interface ReportOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Migrates each legacy source into `out` under its own file name, so its URL stays the same, reporting
 * every file's mapping and ending with a summary; returns the exit code: 0 when every guide was written.
 */
export function migrateFiles(sources: GuideSource[], options: MigrateFilesOptions, output: ReportOutput): number {
  const out = path.resolve(options.out);
  const claimed = new Map<string, string>();
  const tally: MigrationTally = { written: [], notWritten: [], skipped: 0 };

  for (const [index, source] of sources.entries()) {
    const target = path.join(out, path.basename(source.path));
    const displayTarget = path.relative(process.cwd(), target);
    // With many files, each one's report starts with how far the run has got.
    const position = sources.length > 1 ? `[${index + 1}/${sources.length}] ` : "";
    output.log(`\n${position}${source.displayPath} → ${displayTarget}`);
    const earlier = claimed.get(target);
    if (earlier) {
      output.error(
        `  not written: ${earlier} already migrates to ${displayTarget}; the file name is the URL, so one of them must be renamed`,
      );
      tally.notWritten.push({ file: source.displayPath, reason: `${earlier} already migrates to ${displayTarget}` });
      continue;
    }
    claimed.set(target, source.displayPath);

    const result = migrateLegacyGuide(source.text, displayTarget, options.registry, options.site);
    if (result.notLegacy) {
      output.log("  skipped: not a legacy guide (no layout: base.njk), nothing to migrate");
      tally.skipped++;
      continue;
    }
    for (const line of result.report) output.log(`  ${formatReportLine(line)}`);
    if (result.problems.length > 0 || result.output === undefined) {
      for (const problem of result.problems) output.error(`  ${formatProblem(problem)}`);
      output.error("  not written: the migrated guide does not validate; fix the legacy file (or finish by hand) and migrate again");
      tally.notWritten.push({ file: source.displayPath, reason: "the migrated guide does not validate (see its problems above)" });
      continue;
    }
    if (existsSync(target) && !options.force) {
      output.error(`  not written: ${displayTarget} exists; pass --force to replace it`);
      tally.notWritten.push({ file: source.displayPath, reason: `${displayTarget} exists; pass --force to replace it` });
      continue;
    }
    mkdirSync(out, { recursive: true });
    // "wx" refuses a file that appeared since the check above, so --force is the only way to replace one.
    writeFileSync(target, result.output, { flag: options.force ? "w" : "wx" });
    output.log(`  written: ${displayTarget}`);
    tally.written.push({ file: displayTarget, result });
  }
  output.log(`\n${migrationSummary(tally).join("\n")}`);
  return tally.notWritten.length > 0 ? 1 : 0;
}
