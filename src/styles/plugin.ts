import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import type { EleventyConfig } from "../eleventy-types.ts";
import { stylesDir } from "../paths.ts";

/**
 * One stylesheet every page loads, and one per kind of page, so a guide page does not download the
 * home page's coverage matrix and filters, nor a listing page the styles of steps and commands.
 */
const stylesheets = ["site", "guide", "legacy", "listing"] as const;
type StylesheetName = (typeof stylesheets)[number];

const stylesheetUrl = (name: StylesheetName) => `/assets/${name}.css`;

interface CompiledStylesheet {
  css: string;
  /** The text of every file the compiler read, by path, as it was read. */
  sources: Map<string, string>;
}

/** Compiled stylesheets by entry file, kept for the life of the process (watch mode, tests' many builds). */
const compiled = new Map<string, CompiledStylesheet>();

function readOrNothing(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The stylesheet's CSS, compiled again only when a file it was compiled from has changed: reading a dozen
 * partials costs far less than Sass's half second, which every rebuild in watch mode would otherwise pay.
 */
function compileStylesheet(entry: string): string {
  const earlier = compiled.get(entry);
  if (earlier && [...earlier.sources].every(([file, text]) => readOrNothing(file) === text)) return earlier.css;
  const startedAt = Date.now();
  const result = sass.compile(entry, { style: "compressed" });
  const files = result.loadedUrls.map((url) => fileURLToPath(url));
  // A file saved while Sass ran may have been read before or after the save; compile it again next time.
  const changedMeanwhile = files.some((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? startedAt) >= startedAt);
  if (changedMeanwhile) compiled.delete(entry);
  else compiled.set(entry, { css: result.css, sources: new Map(files.map((file) => [file, readOrNothing(file) ?? ""])) });
  return result.css;
}

/** Compiles each stylesheet of styles/ for every build that changed it, so watch mode picks up edits. */
export function registerStyles(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(stylesDir);
  eleventyConfig.addGlobalData("stylesheetUrls", Object.fromEntries(stylesheets.map((name) => [name, stylesheetUrl(name)])));
  for (const name of stylesheets) {
    eleventyConfig.addTemplate(
      `assets/${name}.11ty.js`,
      { render: () => compileStylesheet(path.join(stylesDir, `${name}.scss`)) },
      { permalink: stylesheetUrl(name), layout: false, eleventyExcludeFromCollections: true },
    );
  }
}
