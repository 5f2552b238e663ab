import type { BuildReporter } from "../build-reporter.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { siteMarkerName, siteMarkerText } from "./output-folder.ts";

/**
 * Template tags leave trailing spaces and runs of blank lines behind. Removing them keeps pages
 * small and valid; <pre> blocks are left as written because their whitespace is content.
 */
export function tidyHtml(html: string): string {
  return html
    .split(/(<pre[\s>][\s\S]*?<\/pre>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n")))
    .join("");
}

export function registerOutput(eleventyConfig: EleventyConfig): void {
  // Every build writes the marker, npm start's included, so `npm run build` knows the folder for a site it may replace.
  eleventyConfig.addTemplate(
    "output-site-marker.11ty.js",
    { render: () => siteMarkerText },
    // A host needs no type for a file nobody is sent to.
    { permalink: `/${siteMarkerName}`, layout: false, eleventyExcludeFromCollections: true, eleventyAllowMissingExtension: true },
  );
  eleventyConfig.addTransform("tidy-html", function (this: { page: { outputPath: string | false } }, content: string) {
    const outputPath = this.page.outputPath;
    return typeof outputPath === "string" && outputPath.endsWith(".html") ? tidyHtml(content) : content;
  });
}

/** Tells the reporter of each page and file as it is written, and of how many there were. */
export function registerProgress(eleventyConfig: EleventyConfig, reporter: BuildReporter): void {
  const { pageWritten, pagesWritten } = reporter;
  if (pageWritten) {
    eleventyConfig.addTransform("progress", function (this: { page: { outputPath: string | false } }, content: string) {
      if (typeof this.page.outputPath === "string") pageWritten(this.page.outputPath);
      return content;
    });
  }
  if (pagesWritten) eleventyConfig.on("eleventy.after", ({ results }) => pagesWritten(results.length));
}
