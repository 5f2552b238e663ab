import type { Problem } from "../messages/problems.ts";

/** The top-level `reviewed:` line of front matter, with its date as written (quoted or not, a comment after it or not). */
const reviewedLine = /^reviewed:[ \t]*(["']?)(\d{4}-\d\d-\d\d)\1[ \t]*(?:#.*)?$/m;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What is wrong with a guide's `reviewed` date that the schema cannot see: js-yaml reads an unquoted
 * 2025-02-30 as 2025-03-02 without a word, so the date is compared with the front matter's text; and a
 * review cannot have happened after today (UTC).
 */
export function reviewedDateProblem(
  reviewed: unknown,
  frontMatterText: string,
  today: Date,
): Pick<Problem, "field" | "message"> | undefined {
  let date: string | undefined;
  if (reviewed instanceof Date) {
    date = isoDay(reviewed);
    const written = reviewedLine.exec(frontMatterText)?.[2];
    if (written !== undefined && written !== date) {
      return {
        field: "reviewed",
        message: `${written} is not a date on the calendar (YAML reads it as ${date}): write the real date as YYYY-MM-DD`,
      };
    }
  } else if (typeof reviewed === "string" && /^\d{4}-\d\d-\d\d$/.test(reviewed)) {
    date = reviewed;
  }
  if (date !== undefined && date > isoDay(today)) {
    return {
      field: "reviewed",
      message: `${date} is in the future: write the day an expert last checked the guide, today (${isoDay(today)}) at the latest`,
    };
  }
  return undefined;
}
