import { problemCount, ProblemsError, type Problem } from "../messages/problems.ts";

/** Thrown when guides are invalid, before anything is written. */
export class GuideValidationError extends ProblemsError {
  constructor(problems: Problem[]) {
    super(`Guide validation failed with ${problemCount(problems)}; nothing was written.`, problems);
    this.name = "GuideValidationError";
  }
}
