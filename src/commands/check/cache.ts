import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../../paths.ts";

/** Where verdicts are kept between runs (git-ignored, like the social cards). */
export const verdictCacheFile = path.join(projectRoot, ".cache", "command-checks.json");

/**
 * The checkers' own code: a change to how a call is judged makes every verdict stale, as a new CLI
 * version does.
 */
const checkerCode = (() => {
  const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "python");
  const hash = createHash("sha256");
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith(".py"))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(folder, file)));
  }
  return hash.digest("hex");
})();

/**
 * Verdicts by the tool that gave them (bash, aws, gcloud, az), its version and what it was asked (a
 * script, a call's words), so a run over unchanged guides asks no tool anything.
 */
export class VerdictCache {
  private readonly verdicts: Record<string, unknown>;
  private changed = false;

  constructor(private readonly file = verdictCacheFile) {
    try {
      this.verdicts = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch {
      // No cache yet, or one cut short: everything is asked again.
      this.verdicts = {};
    }
  }

  /** The verdict kept for this question, typed as the caller stored it. */
  get<Verdict>(tool: string, version: string, question: unknown): Verdict | undefined {
    return this.verdicts[key(tool, version, question)] as Verdict | undefined;
  }

  set(tool: string, version: string, question: unknown, verdict: unknown): void {
    this.verdicts[key(tool, version, question)] = verdict;
    this.changed = true;
  }

  /** Writes the verdicts, through a temporary file so a run cut short leaves the previous cache whole. */
  save(): void {
    if (!this.changed) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(this.verdicts));
    renameSync(partial, this.file);
  }
}

function key(tool: string, version: string, question: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify([checkerCode, tool, version, question]))
    .digest("hex");
}
