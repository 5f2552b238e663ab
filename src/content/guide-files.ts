import { lstatSync, readdirSync, readlinkSync, type Stats } from "node:fs";
import path from "node:path";
import type { Problem } from "../messages/problems.ts";
import { codePointLabel } from "../text/code-point.ts";

/**
 * What may live in a guides folder: guide files, README.md files and real folders holding them.
 * Eleventy would also run JavaScript templates, render other template languages, merge data files
 * into the guides beside them and follow links out of the folder; none of that has passed the
 * guide checks, so `check` and `build` refuse every other entry before anything is read or run.
 */

/** A guide's file name: lower-case letters, digits and single hyphens, ending in `.md`. */
const guideNamePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** README.md files document the folder; Eleventy is told to ignore them. */
export const isReadme = (name: string) => name === "README.md";

/** Every guide file under a folder, and a problem for every entry that is not a guide, in a stable order. */
export interface GuideFolder {
  files: string[];
  problems: Problem[];
}

/** Walks a guides folder without following links: each entry is a guide, a README, a real folder, or a problem. */
export function scanGuideFolder(folder: string): GuideFolder {
  const root = path.resolve(folder);
  const files: string[] = [];
  const problems: Problem[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const file = path.join(directory, name);
      const stats = lstatSync(file);
      if (stats.isDirectory()) {
        walk(file);
        continue;
      }
      const problem = guideFileProblem(file, stats);
      if (problem) problems.push(problem);
      else if (!isReadme(name)) files.push(file);
    }
  };
  walk(root);
  return { files, problems };
}

/** Why a file named on the command line, or found in a guides folder, is not a guide file; undefined when it is one (or a README). */
export function guideFileProblem(file: string, stats: Stats = lstatSync(file)): Problem | undefined {
  const refuse = (message: string): Problem => ({ file: path.relative(process.cwd(), file), field: "file", message });
  const name = path.basename(file);
  if (stats.isSymbolicLink()) return refuse(describeLink(file));
  if (!stats.isFile()) return refuse("is not a regular file: remove it; the guides folder holds only guide files");
  if (isReadme(name)) return undefined;
  const kind = foreignFileKind(name);
  if (kind) return refuse(`${kind}: the guides folder holds only guide files (.md); move it out of the folder`);
  const nameProblem = guideNameProblem(name);
  return nameProblem ? refuse(nameProblem) : undefined;
}

function describeLink(file: string): string {
  let target: string;
  try {
    target = readlinkSync(file);
  } catch {
    target = "somewhere unknown";
  }
  return `is a symbolic link (to ${target}): guides and their folders must be real files and folders inside the guides folder, since a link can publish a file from anywhere on the machine; replace the link with what it points to`;
}

/** JavaScript Eleventy would run, and data files it would merge, by how their names end. */
const codeEndings = [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".jsx", ".tsx"];
const dataEndings = [".json", ".yaml", ".yml", ".toml"];
const templateEndings = [".liquid", ".njk", ".html", ".htm", ".hbs", ".mustache", ".ejs", ".haml", ".pug", ".webc", ".vto", ".11ty"];

/** What a file that is not markdown would be to Eleventy, said as the start of its problem; undefined for markdown. */
function foreignFileKind(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return undefined;
  const ending = (endings: string[]) => endings.some((each) => lower.endsWith(each));
  if (lower.includes(".11tydata.") || lower.endsWith(".11tydata")) {
    return "is an Eleventy data file, which would change the data, layout or URL of the guides beside it";
  }
  if (lower.includes(".11ty.") || ending(codeEndings)) return "is JavaScript, which Eleventy would run during the build";
  if (ending(dataEndings)) return "is a data file, which Eleventy could merge into the guides' data";
  if (ending(templateEndings)) return "is a template, which Eleventy would publish as a page without any guide check";
  return "is not a guide";
}

/** Why a markdown file's name is not a guide's name, pointing at the first wrong character; undefined when it is right. */
export function guideNameProblem(name: string): string | undefined {
  if (guideNamePattern.test(name)) return undefined;
  const extension = /\.(md|markdown)$/i.exec(name);
  const stem = extension ? name.slice(0, extension.index) : name;
  const suggestion = suggestedName(stem);
  const rename = suggestion ? `rename it to ${suggestion}` : "rename it";
  const rule = "guide file names use lower-case letters, digits and hyphens, and end in .md";
  if (extension?.[0] !== ".md") return `ends in "${extension?.[0] ?? path.extname(name)}": ${rule}; ${rename}`;
  if (stem === "") return `has no name before .md: ${rule}; ${rename}`;
  const wrong = [...stem].findIndex((character) => !/[a-z0-9-]/.test(character));
  if (wrong >= 0) {
    const character = [...stem][wrong]!;
    const what = /[A-Z]/.test(character) ? `the capital letter "${character}"` : describeCharacter(character);
    return `has ${what} as character ${wrong + 1}: ${rule}; ${rename}`;
  }
  return `has a hyphen at its start or end, or two in a row: ${rule}; ${rename}`;
}

function describeCharacter(character: string): string {
  if (character === " ") return "a space";
  if (/\s/.test(character)) return "a blank character";
  const code = codePointLabel(character);
  return /[\p{L}\p{N}]/u.test(character) ? `"${character}" (${code}, not an ASCII letter or digit)` : `"${character}" (${code})`;
}

/** The guide name closest to what was written: lower case, other characters as hyphens. */
function suggestedName(stem: string): string | undefined {
  const slug = stem
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug ? `${slug}.md` : undefined;
}
