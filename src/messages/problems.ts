import type { z } from "zod";
import { closestMatch } from "../text/edit-distance.ts";
import type { FieldPath } from "./yaml-lines.ts";

/** One thing wrong with one input file, printed as `file:line: field: what is wrong: how to fix it`. */
export interface Problem {
  file: string;
  /** The line of the file the problem is on, when it can be found. */
  line?: number;
  field: string;
  /** "what is wrong: how to fix it" */
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.field}: ${problem.message}`;
}

/**
 * Thrown when input files (guides, site settings, the registry) have problems; the message lists
 * every problem, one a line. Eleventy's own error output (npm start) leaves the stack out, and so do
 * the commands: the problems are the author's to fix, not a bug.
 */
export class ProblemsError extends Error {
  readonly problems: Problem[];
  readonly skipOriginalStack = true;
  constructor(heading: string, problems: Problem[]) {
    super(`${heading}\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ProblemsError";
    this.problems = problems;
  }
}

/** An error and the errors it wraps, outermost first: Eleventy wraps what an event handler throws, and wraps that again. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let cause = error;
    cause && !chain.includes(cause);
    cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause
  ) {
    chain.push(cause);
  }
  return chain;
}

/** The input problems behind an error, however deep Eleventy wrapped them. */
export function problemsErrorIn(error: unknown): ProblemsError | undefined {
  return errorChain(error).find((cause): cause is ProblemsError => cause instanceof ProblemsError);
}

/** "1 problem", "3 problems" */
export const problemCount = (problems: readonly Problem[]) => (problems.length === 1 ? "1 problem" : `${problems.length} problems`);

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  if (typeof value === "object") return "a set of fields";
  return `${typeof value} ${JSON.stringify(value)}`;
}

const expectedNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
  date: "a date (YYYY-MM-DD)",
};

/** Turns a zod issue into "what is wrong: how to fix it", in words an author can act on. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  knownFields: readonly string[] = [],
  reference = "the front-matter reference in README.md",
): string {
  const field = fieldPath(issue.path) || "front matter";
  switch (issue.code) {
    case "invalid_type": {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `is missing: add "${field.split(".").at(-1)}:" with ${expected}`;
      return `expected ${expected}, got ${describeValue(issue.input)}: write ${expected} here`;
    }
    case "invalid_value":
      if (issue.input === undefined)
        return `is missing: add "${field.split(".").at(-1)}:" with one of ${issue.values.map(String).join(", ")}`;
      return `${describeValue(issue.input)} is not allowed: use one of ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys": {
      const hints = issue.keys.map((key) => {
        const closest = issue.path.length === 0 ? closestMatch(key, knownFields) : undefined;
        return closest ? `"${key}" (did you mean "${closest}"?)` : `"${key}"`;
      });
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${hints.join(", ")}: rename or remove ${issue.keys.length > 1 ? "them" : "it"} (see ${reference})`;
    }
    case "too_big":
      if (issue.origin === "string") {
        const length = typeof issue.input === "string" ? `${issue.input.length} characters` : "too long";
        return `is ${length}: keep it to ${String(issue.maximum)} or fewer, or search results cut it off`;
      }
      return `has more than ${String(issue.maximum)} entries: remove some`;
    case "too_small":
      if (issue.origin === "string") return "is empty: write some text or remove the field";
      if (issue.origin === "array")
        return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}: add ${issue.minimum === 1 ? "one" : "more"}`;
      return `must be at least ${String(issue.minimum)}: raise it`;
    case "invalid_format":
      if (issue.format === "url") return `${describeValue(issue.input)} is not a web address: write a full https:// URL`;
      if (issue.format === "date") return `${describeValue(issue.input)} is not a date: write it as YYYY-MM-DD`;
      // A pattern's own message says what it wants.
      if (issue.format === "regex") return `${describeValue(issue.input)} is not allowed: ${issue.message}`;
      return `${describeValue(issue.input)} is not a valid ${issue.format}: fix its format`;
    case "custom":
      return issue.message;
    case "invalid_union":
      return `${describeValue(issue.input)} has the wrong shape: see ${reference} for this field`;
    default:
      return `${issue.message}: see ${reference}`;
  }
}

/**
 * A problem per zod issue of one file, each placed on its line; an unknown field is placed where it
 * is written rather than at its parent. `knownFields` are the top-level names a typo is matched
 * against; `whole` names the file's content in a problem about all of it; `reference` is where its
 * fields are described.
 */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: (path: FieldPath) => number | undefined,
  { knownFields = [], whole = "front matter", reference }: { knownFields?: readonly string[]; whole?: string; reference?: string } = {},
): Problem[] {
  return issues.map((issue) => {
    const located = issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
    return {
      file,
      line: lineOf(located.filter((key) => typeof key !== "symbol")),
      field: fieldPath(issue.path) || whole,
      message: describeIssue(issue, knownFields, reference),
    };
  });
}
