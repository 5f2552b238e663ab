import type { z } from "zod";
import { closestMatch } from "../text/edit-distance.ts";

/** One thing wrong with one guide, printed as `file: field: what is wrong: how to fix it`. */
export interface Problem {
  file: string;
  /** The line of the file the problem is on, when it is a front-matter field that can be found. */
  line?: number;
  field: string;
  /** "what is wrong: how to fix it" */
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.field}: ${problem.message}`;
}

/** Thrown when guides are invalid; the message lists every problem, one a line. */
export class GuideValidationError extends Error {
  readonly problems: Problem[];
  /** Eleventy's own error output (npm start) leaves the stack out: the problems are the author's to fix, not a bug. */
  readonly skipOriginalStack = true;
  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`Guide validation failed with ${count}; nothing was written.\n${problems.map(formatProblem).join("\n")}`);
    this.name = "GuideValidationError";
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

/** The validation error behind an error, however deep Eleventy wrapped it. */
export function validationErrorIn(error: unknown): GuideValidationError | undefined {
  return errorChain(error).find((cause): cause is GuideValidationError => cause instanceof GuideValidationError);
}

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

/** Turns a zod issue on guide front matter into "what is wrong: how to fix it". */
export function describeIssue(issue: z.core.$ZodIssue, knownFields: readonly string[] = []): string {
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
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${hints.join(", ")}: rename or remove ${issue.keys.length > 1 ? "them" : "it"} (the front-matter reference is in README.md)`;
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
      return `${describeValue(issue.input)} is not a valid ${issue.format}: fix its format`;
    case "custom":
      return issue.message;
    case "invalid_union":
      return `${describeValue(issue.input)} has the wrong shape: see the front-matter reference in README.md for this field`;
    default:
      return `${issue.message}: see the front-matter reference in README.md`;
  }
}
