// Converts legacy guides into the structured format:
// `npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]` (default --out: guides/).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatReportLine, migrateLegacyGuide } from "../authoring/migrate.ts";
import type { GuideSource } from "../content/guide.ts";
import { readGuideSources } from "../content/plugin.ts";
import { formatProblem } from "../content/problems.ts";
import { defaultGuidesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { loadRegistry } from "../taxonomy/registry.ts";

const usage = `Usage: npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]

Writes each legacy guide (layout: base.njk, HTML body) as a structured guide of the same file name,
so its URL stays the same, into --out (default: guides/). Prints what was mapped, guessed, kept in
legacy_content and dropped. Existing files are only replaced with --force.
Exit code 0 when every guide was written, 1 otherwise.`;

function sourcesFor(target: string): GuideSource[] {
  if (statSync(target).isDirectory()) return readGuideSources(target);
  const file = path.resolve(target);
  return [{ path: file, displayPath: path.relative(process.cwd(), file), text: readFileSync(file, "utf8") }];
}

/** Runs the migration over the command line's targets; returns the exit code. */
function main(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: "string" }, force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(usage);
    return 1;
  }
  const missing = positionals.filter((target) => !existsSync(target));
  if (missing.length > 0) {
    console.error(`No such file or folder: ${missing.join(", ")}`);
    return 1;
  }

  const out = path.resolve(values.out ?? defaultGuidesDir);
  const registry = loadRegistry();
  const site = loadSiteSettings();
  const claimed = new Map<string, string>();
  let written = 0;
  let failed = 0;

  for (const source of positionals.flatMap(sourcesFor)) {
    const target = path.join(out, path.basename(source.path));
    const displayTarget = path.relative(process.cwd(), target);
    console.log(`\n${source.displayPath} → ${displayTarget}`);
    const earlier = claimed.get(target);
    if (earlier) {
      console.error(
        `  not written: ${earlier} already migrates to ${displayTarget}; the file name is the URL, so one of them must be renamed`,
      );
      failed++;
      continue;
    }
    claimed.set(target, source.displayPath);

    const result = migrateLegacyGuide(source.text, displayTarget, registry, site);
    if (result.notLegacy) {
      console.log("  skipped: not a legacy guide (no layout: base.njk), nothing to migrate");
      continue;
    }
    for (const line of result.report) console.log(`  ${formatReportLine(line)}`);
    if (result.problems.length > 0 || result.output === undefined) {
      for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
      console.error("  not written: the migrated guide does not validate; fix the legacy file (or finish by hand) and migrate again");
      failed++;
      continue;
    }
    if (existsSync(target) && !values.force) {
      console.error(`  not written: ${displayTarget} exists; pass --force to replace it`);
      failed++;
      continue;
    }
    mkdirSync(out, { recursive: true });
    // "wx" refuses a file that appeared since the check above, so --force is the only way to replace one.
    writeFileSync(target, result.output, { flag: values.force ? "w" : "wx" });
    console.log(`  written: ${displayTarget}`);
    written++;
  }
  console.log(`\n${written} written, ${failed} not written.`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
