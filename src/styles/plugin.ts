import path from "node:path";
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

/** Compiles each stylesheet of styles/ on every build, so watch mode picks up edits. */
export function registerStyles(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(stylesDir);
  eleventyConfig.addGlobalData("stylesheetUrls", Object.fromEntries(stylesheets.map((name) => [name, stylesheetUrl(name)])));
  for (const name of stylesheets) {
    eleventyConfig.addTemplate(
      `assets/${name}.11ty.js`,
      { render: () => sass.compile(path.join(stylesDir, `${name}.scss`), { style: "compressed" }).css },
      { permalink: stylesheetUrl(name), layout: false, eleventyExcludeFromCollections: true },
    );
  }
}
