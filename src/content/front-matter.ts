import matter from "gray-matter";
import yaml from "js-yaml";
import { LineCounter, parseDocument, visit, type Node } from "yaml";
import { fieldPath } from "../messages/problems.ts";
import { readYamlWithLines, type FieldPath } from "../messages/yaml-lines.ts";
import { reservedStartFix } from "../messages/yaml-syntax.ts";

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

/** Why a file's front matter cannot be read; `field` is "file", "front matter" or the path of the field at fault. */
interface FrontMatterProblem {
  field: string;
  line?: number;
  message: string;
}

export type FrontMatterResult =
  { frontMatter: FrontMatter; problem?: undefined } | { frontMatter?: undefined; problem: FrontMatterProblem };

/**
 * How far front matter may nest, and how many YAML aliases (`*name`, a copy of what `&name` holds) it
 * may use. A guide's deepest field, steps[].commands[].code, is five levels down, and no guide needs an
 * alias: these leave room for both, and keep what the build walks and copies within a few times what
 * is written, with no recursion deep enough to exhaust the stack.
 */
const frontMatterLimits = {
  nesting: 16,
  aliases: 10,
} as const;

/**
 * js-yaml 4 with its default schema is what Eleventy reads front matter with, so the data validated
 * here is the data Eleventy builds the page from. The yaml package, which can report positions, is
 * eight times slower, so it reads a file again only to place a problem, or when an anchor may be
 * there, to find its aliases. js-yaml counts the top-level mapping as a level of its own; its types
 * do not know the option yet.
 */
const loadOptions: yaml.LoadOptions & { maxDepth: number } = { maxDepth: frontMatterLimits.nesting + 1 };
const engines = { yaml: (text: string) => yaml.load(text, loadOptions) ?? {} };

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
    if (error.reason.startsWith("nesting exceeded maxDepth")) {
      return {
        problem: {
          field: "front matter",
          line,
          message: `nests fields and lists more than ${frontMatterLimits.nesting} levels deep here: flatten it (a guide's deepest field, steps[].commands[].code, is 5 levels down)`,
        },
      };
    }
    return {
      problem: {
        field: "front matter",
        line,
        message: `is not valid YAML (line ${line}: ${error.reason}): ${reservedStartFix(text.split("\n")[line - 1] ?? "") ?? "fix the syntax there; quote values that contain a colon"}`,
      },
    };
  }
  const data = parsed.data;
  if (typeof data !== "object" || data === null || Array.isArray(data) || data instanceof Date) {
    return { problem: { field: "front matter", line: 2, message: "is not a set of fields: write one name: value line per field" } };
  }
  let lineOf: ((path: FieldPath) => number | undefined) | undefined;
  const lineOfField = (path: FieldPath) => (lineOf ??= readYamlWithLines(parsed.matter).lineOf)(path);
  // Aliases first: until they are known to be few and not to loop, the data may be endless.
  const problem = aliasProblem(parsed.matter) ?? reservedNameProblem(data, lineOfField);
  if (problem) return { problem };
  return {
    frontMatter: {
      data: data as Record<string, unknown>,
      body: parsed.content,
      linesBeforeBody: text.slice(0, text.length - parsed.content.length).split("\n").length - 1,
      lineOf: lineOfField,
    },
  };
}

/**
 * Where a node may carry an anchor (`&name`): at the start of a line, after an indicator or a tag.
 * YAML allows an alias only to an anchor, so front matter without one is not read again. Looser than
 * YAML, never stricter: prose such as "secrets & tokens" or "&amp;" mid-sentence does not match.
 */
const possibleAnchor = /(?:^|[:?\-[{,]|!\S*)[ \t]*&[^\s,[\]{}]/m;

/**
 * Front matter whose aliases could make it endless or multiply it: an alias inside the value it
 * repeats (which js-yaml reads as a value containing itself), an alias of a value that holds aliases
 * (nested, a few of them turn one value into millions: a "billion laughs"), or more aliases than the
 * limit. With none of these, the data is at most a few times what is written. Each is placed on the
 * alias's line.
 */
function aliasProblem(text: string): FrontMatterProblem | undefined {
  if (!possibleAnchor.test(text)) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  let aliases = 0;
  let problem: FrontMatterProblem | undefined;
  visit(document, {
    Alias(_key, alias, path) {
      aliases += 1;
      const at = { field: "front matter", line: lineCounter.linePos(alias.range?.[0] ?? 0).line };
      const anchored = alias.resolve(document);
      const name = alias.source;
      if (anchored && path.includes(anchored)) {
        problem = {
          ...at,
          message: `the alias *${name} is inside the value &${name} it repeats, which makes that value endless: write the value out instead`,
        };
      } else if (anchored && holdsAlias(anchored)) {
        problem = {
          ...at,
          message: `the alias *${name} repeats &${name}, which holds aliases itself: aliases of aliases multiply a value past what the build can hold; write the inner values out`,
        };
      } else if (aliases > frontMatterLimits.aliases) {
        problem = {
          ...at,
          message: `uses more than ${frontMatterLimits.aliases} YAML aliases (*${name} here is one too many): write these values out`,
        };
      }
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem;
}

function holdsAlias(node: Node): boolean {
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** Names every JavaScript object has: as a field they reach into the objects Eleventy merges a page's data into. */
const reservedNames = new Set(["__proto__", "constructor", "prototype"]);

/** The first field, at any depth, named like a property of every JavaScript object. */
function reservedNameProblem(data: object, lineOf: (path: FieldPath) => number | undefined): FrontMatterProblem | undefined {
  const path = reservedNamePath(data, []);
  if (!path) return undefined;
  return {
    field: fieldPath(path),
    line: lineOf(path),
    message: `is a reserved JavaScript name (every object has a ${String(path.at(-1))}), which Eleventy cannot take as a field: rename the field`,
  };
}

function reservedNamePath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof key === "string" && reservedNames.has(key)) return [...path, key];
    const found = reservedNamePath(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
