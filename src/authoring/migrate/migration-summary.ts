import type { Guess, MigrationResult } from "./index.ts";

/** What `npm run migrate` did with each file, for its closing summary. */
export interface MigrationTally {
  written: { file: string; result: MigrationResult }[];
  notWritten: { file: string; reason: string }[];
  /** Files that are not legacy guides. */
  skipped: number;
}

const guessNames: Record<Guess, [string, string]> = {
  "command effect": ["command effect", "command effects"],
  "command language": ["command language", "command languages"],
  "reference title": ["reference title", "reference titles"],
};

/**
 * The closing summary: how many guides were written with each status, every draft and every file not written
 * with its reason, and how many guesses wait for review, so a long report cannot hide a demotion.
 */
export function migrationSummary(tally: MigrationTally): string[] {
  const withStatus = (status: string) => tally.written.filter(({ result }) => result.status === status);
  const drafts = withStatus("draft");
  const comingSoon = withStatus("coming-soon").length;
  const lines = [
    "Summary:",
    `  ${withStatus("published").length} written as published`,
    ...(comingSoon > 0 ? [`  ${comingSoon} written as coming-soon`] : []),
    `  ${drafts.length} written as draft${drafts.length > 0 ? ":" : ""}`,
    ...drafts.map(({ file, result }) => `    ${file}: ${result.demotedBecause ?? "the legacy guide is a draft"}`),
    `  ${tally.notWritten.length} not written${tally.notWritten.length > 0 ? ":" : ""}`,
    ...tally.notWritten.map(({ file, reason }) => `    ${file}: ${reason}`),
    ...(tally.skipped > 0 ? [`  ${tally.skipped} skipped: not a legacy guide`] : []),
  ];

  const guesses = tally.written.flatMap(({ result }) => result.report.flatMap((line) => line.guesses ?? []));
  const counts = (Object.keys(guessNames) as Guess[]).flatMap((guess) => {
    const count = guesses.filter((made) => made === guess).length;
    return count > 0 ? [`${count} ${guessNames[guess][count === 1 ? 0 : 1]}`] : [];
  });
  lines.push(
    `  ${guesses.length} ${guesses.length === 1 ? "guess" : "guesses"} left to review${counts.length > 0 ? `: ${counts.join(", ")}` : ""}`,
  );
  return lines;
}
