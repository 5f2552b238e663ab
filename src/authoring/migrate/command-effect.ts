import type { Command } from "../../content/schema.ts";

const destructiveWords = ["delete", "purge", "remove", "rm", "destroy", "regenerate", "renew", "reset", "filter-repo", "drop", "truncate"];
const readingWords = [
  "list",
  "show",
  "get",
  "describe",
  "lookup",
  "read",
  "scan",
  "ls",
  "cat",
  "select",
  "grep",
  "find",
  "search",
  "query",
  "detect",
];
/** Verbs that change state even when the command also reads (create-for-rbac … --query). */
const changingWords = ["create", "update", "set", "put", "add", "enable", "disable", "grant", "revoke", "assign", "apply", "attach"];

/**
 * Guesses what a command does from its verbs. Legacy guides never said, and a wrong "reads" label would
 * invite readers to run something carelessly, so every guess is reported for review.
 */
export function guessCommandEffect(code: string): { effect: Command["effect"]; because?: string } {
  // A few options destroy on their own (git push --force, aws s3 sync --delete); other options name
  // settings, not actions: --enable-soft-delete does not delete anything.
  const destructiveOption = /(^|\s)(--force|--delete|--purge)(\s|=|$)/.exec(code.toLowerCase())?.[2];
  if (destructiveOption) return { effect: "destructive", because: destructiveOption };
  const lower = code.toLowerCase().replace(/(^|\s)--?[a-z0-9-]+/g, " ");
  // Splitting on hyphens finds the verb in remove-item and get-secret-value, but would break up filter-repo.
  const words = new Set(lower.split(/[^a-z0-9]+/));
  if (lower.includes("filter-repo")) words.add("filter-repo");
  const has = (list: string[]) => list.find((word) => words.has(word));
  const destructive = has(destructiveWords);
  if (destructive) return { effect: "destructive", because: destructive };
  const reading = has(readingWords);
  const changing = has(changingWords);
  if (reading && !changing) return { effect: "reads", because: reading };
  return { effect: "changes", because: changing };
}
