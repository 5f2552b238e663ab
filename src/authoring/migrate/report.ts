import type { Problem } from "../../messages/problems.ts";

/**
 * The migration's report: every decision it made about a legacy guide, for the person who reviews the
 * migrated guide, and how report lines quote and count what they name.
 */

/** What happened to a piece of the legacy guide. */
export type ReportKind = "fixed" | "mapped" | "guessed" | "kept" | "computed" | "omitted" | "warning";

/** What a "guessed" line guessed, so the guesses left to review can be counted. */
export type Guess = "command effect" | "command language" | "reference title";

/** One decision of the migration, for the person who reviews the migrated guide. */
export interface ReportLine {
  kind: ReportKind;
  message: string;
  guesses?: Guess[];
}

/** The outcome of migrating one file. */
export interface MigrationResult {
  /** The structured guide; written only when `problems` is empty. */
  output?: string;
  report: ReportLine[];
  /** Why the output cannot be written: it would not validate, or the input could not be read. */
  problems: Problem[];
  /** The input is not a legacy guide (no `layout: base.njk`), so there was nothing to convert. */
  notLegacy: boolean;
  /** The status the structured guide is written with. */
  status?: unknown;
  /** Why a guide published on the legacy site is written as a draft: the sections it lacks, each with its reason. */
  demotedBecause?: string;
}

const reportLabels: Record<ReportKind, string> = {
  fixed: "fixed",
  mapped: "mapped",
  guessed: "guessed, review it",
  kept: "kept in legacy_content",
  computed: "dropped, the site computes it",
  omitted: "left out",
  warning: "WARNING",
};

/** One report line as printed, e.g. `kept in legacy_content: <table> "Sample findings…": unknown element`. */
export function formatReportLine(line: ReportLine): string {
  return `${reportLabels[line.kind]}: ${line.message}`;
}

/** Text as a report line quotes it: on one line, and short enough that the line stays readable. */
export function quote(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return `"${line.length > 80 ? `${line.slice(0, 79)}…` : line}"`;
}
