import path from "node:path";
import * as sass from "sass";
import type { EleventyConfig } from "../eleventy-types.ts";
import { stylesDir } from "../paths.ts";

export const stylesheetUrl = "/assets/site.css";

/** Compiles styles/site.scss into one stylesheet on every build, so watch mode picks up edits. */
export function registerStyles(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(stylesDir);
  eleventyConfig.addGlobalData("stylesheetUrl", stylesheetUrl);
  eleventyConfig.addTemplate(
    "assets/site.11ty.js",
    { render: () => sass.compile(path.join(stylesDir, "site.scss"), { style: "compressed" }).css },
    { permalink: stylesheetUrl, layout: false, eleventyExcludeFromCollections: true },
  );
}
