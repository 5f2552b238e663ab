import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { ProblemsError, zodProblems } from "./problems.ts";
import { readYamlWithLines } from "./yaml-lines.ts";

/**
 * Reads a settings file written in YAML and checks it against its schema, with the same messages as
 * a guide's front matter: every problem, each on its line. `complete` adds what does not come from
 * the file (environment variables, a test's overrides) before the check.
 */
export function readYamlFile<Schema extends z.ZodObject>(
  file: string,
  schema: Schema,
  { heading, reference }: { heading: string; reference: string },
  complete: (data: Record<string, unknown>) => Record<string, unknown> = (data) => data,
): z.output<Schema> {
  const shown = path.relative(process.cwd(), file) || file;
  const yaml = readYamlWithLines(readFileSync(file, "utf8"));
  if (yaml.syntaxError) {
    const { line, message } = yaml.syntaxError;
    throw new ProblemsError(heading, [
      { file: shown, line, field: "file", message: `is not valid YAML (${message}): fix the syntax there` },
    ]);
  }
  const data = yaml.data && typeof yaml.data === "object" && !Array.isArray(yaml.data) ? (yaml.data as Record<string, unknown>) : {};
  const parsed = schema.safeParse(complete(data), { reportInput: true });
  if (!parsed.success) {
    throw new ProblemsError(
      heading,
      zodProblems(parsed.error.issues, shown, yaml.lineOf, { knownFields: Object.keys(schema.shape), whole: "file", reference }),
    );
  }
  return parsed.data;
}
