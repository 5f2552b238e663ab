import type { FrontMatter } from "./front-matter.ts";
import { canonicalWord } from "./schema.ts";

// The stand-ins `npm run new` writes are defined here, where validation looks for what is left of them;
// the scaffolder, a layer above, writes them from these.

/** What every stand-in starts with. */
export const placeholderPrefix = "TODO";
/** The stand-in reference address. */
export const exampleReferenceUrl = "https://example.com/replace-me";
/** How every stand-in control ID starts; the scaffold adds an example from the guide's own regulation. */
export const exampleControlId = `${placeholderPrefix}: the control id`;

/** What `npm run new` wrote that the author has not replaced yet: where it is, what it is and what to write instead. */
export interface StandIn {
  field: string;
  /** Set for the body, whose lines the front matter cannot place. */
  line?: number;
  problem: string;
  fix: string;
}

/** Every string in a front-matter value, with the field path it sits at. */
export function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsIn(item, `${path}[${index}]`);
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, path ? `${path}.${key}` : key);
  }
}

const controlIdField = /^controls\[\d+\]\.id$/;
const referenceUrlField = /^references\[\d+\]\.url$/;

/**
 * The scaffold's stand-ins left in a structured guide: `TODO…` text in any field or starting a line of
 * the body, and its example reference address and control ID.
 */
export function standInsLeft({ data, body, linesBeforeBody }: FrontMatter): StandIn[] {
  const found: StandIn[] = [];
  for (const [field, text] of stringsIn(data, "")) {
    const written = text.trim();
    if (controlIdField.test(field) && written.startsWith(exampleControlId)) {
      found.push({ field, problem: `is the scaffold's example "${written}"`, fix: "write the identifier the framework gives the control" });
    } else if (referenceUrlField.test(field) && written === exampleReferenceUrl) {
      found.push({
        field,
        problem: `is the scaffold's example address ${written}`,
        fix: "write the https:// address of the page the reference names",
      });
    } else if (written.startsWith(placeholderPrefix)) {
      found.push({ field, problem: `still holds the placeholder "${written}"`, fix: "write the real content" });
    }
  }
  for (const [index, line] of body.split("\n").entries()) {
    if (!line.trim().startsWith(placeholderPrefix)) continue;
    found.push({
      field: "body",
      line: linesBeforeBody + index + 1,
      problem: `still holds the placeholder "${line.trim()}"`,
      fix: 'write the "Why it matters" prose',
    });
  }
  return found;
}

/** Fields a coming-soon guide shows in lists and on its page; the rest of it is withheld. */
const comingSoonShows = new Set(["title", "description", "meta_title"]);

/**
 * Does a stand-in in this field reach readers? Then it is an error, in `check` and the build alike;
 * otherwise `npm run check` warns of it. A published guide shows everything, a coming-soon guide its
 * header, a draft nothing (the production build leaves it out).
 */
export function standInIsPublished(status: unknown, field: string): boolean {
  const canonical = canonicalWord(status);
  if (canonical === "published") return true;
  return canonical === "coming-soon" && comingSoonShows.has(field);
}

/** A stand-in told as an error, with the way out for a guide that is not finished, or as `npm run check`'s warning. */
export function standInMessage({ problem, fix }: StandIn, as: "error" | "warning"): string {
  return as === "error" ? `${problem}: ${fix}, or set status: draft until it is written` : `${problem}: ${fix}`;
}
