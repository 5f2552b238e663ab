import { errorChain, problemsErrorIn } from "../messages/problems.ts";

/**
 * What a command prints when it fails: problems of guides, site settings or the registry are listed
 * one a line, with no stack, since they are the author's to fix; anything else is the site's own bug, so one line says so and
 * the stack follows for whoever fixes it.
 */
export function describeFailure(error: unknown): string {
  const problems = problemsErrorIn(error);
  if (problems) return problems.message;
  const innermost = errorChain(error).at(-1);
  const reason = (innermost instanceof Error ? innermost.message : String(innermost)).split("\n")[0];
  return `Failed in the site's own code, not because of a guide: ${reason}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
