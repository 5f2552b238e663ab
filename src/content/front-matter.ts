import matter from "gray-matter";
import yaml from "js-yaml";
import { readYamlWithLines, type FieldPath } from "../messages/yaml-lines.ts";

/** A guide file split into its front matter and body, parsed once. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** The text below the closing --- line. */
  body: string;
  /** Lines of the file above the body, so a line of the body can be told as a line of the file. */
  linesBeforeBody: number;
  /** The file line a field is written on; the YAML is read for positions only when a message needs one. */
  lineOf: (path: FieldPath) => number | undefined;
}

export type FrontMatterResult =
  | { frontMatter: FrontMatter; problem?: undefined }
  | { frontMatter?: undefined; problem: { field: "file" | "front matter"; line?: number; message: string } };

/**
 * js-yaml 4 with its default schema is what Eleventy reads front matter with, so the data validated
 * here is the data Eleventy builds the page from. The yaml package, which can report positions, is
 * eight times slower, so it reads a file again only to place a problem.
 */
const engines = { yaml: (text: string) => yaml.load(text) ?? {} };

/** Splits a guide file and parses its front matter, or says why it cannot be read. */
export function readFrontMatter(text: string): FrontMatterResult {
  if (text.trim() === "") {
    return {
      problem: { field: "file", message: "is empty: add front matter between --- lines and the guide's content, or delete the file" },
    };
  }
  // gray-matter would also take `---json` or `---js`, and run the latter as JavaScript.
  if (!/^---\r?\n/.test(text)) {
    return {
      problem: {
        field: "front matter",
        message: "does not start the file: put a --- line first, then the fields, then a closing --- line",
      },
    };
  }
  let parsed: { data: unknown; content: string; matter: string };
  try {
    // Passing options also turns off gray-matter's cache, which would hand identical files one shared object.
    parsed = matter(text, { engines });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    // The parsed text starts with the newline that ends the opening --- line: its line 0 is the file's line 1.
    const line = error.mark.line + 1;
    return {
      problem: {
        field: "front matter",
        line,
        message: `is not valid YAML (line ${line}: ${error.reason}): fix the syntax there; quote values that contain a colon`,
      },
    };
  }
  const data = parsed.data;
  if (typeof data !== "object" || data === null || Array.isArray(data) || data instanceof Date) {
    return { problem: { field: "front matter", line: 2, message: "is not a set of fields: write one name: value line per field" } };
  }
  let lineOf: ((path: FieldPath) => number | undefined) | undefined;
  return {
    frontMatter: {
      data: data as Record<string, unknown>,
      body: parsed.content,
      linesBeforeBody: text.slice(0, text.length - parsed.content.length).split("\n").length - 1,
      lineOf: (path) => (lineOf ??= readYamlWithLines(parsed.matter).lineOf)(path),
    },
  };
}
