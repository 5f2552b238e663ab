import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "../eleventy-types.ts";

/** Where the index and Pagefind's browser library are written, inside the site. */
export const searchIndexFolder = "pagefind";

/**
 * Indexes the written site with Pagefind after every build, in `npm run build` and `npm start` alike.
 * Only elements marked data-pagefind-body are indexed: published guides mark their article, so the
 * chrome, taxonomy pages and unpublished guides stay out of the results.
 */
export async function indexSite(siteFolder: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", includeCharacters: "-_." });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteFolder });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteFolder}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteFolder, searchIndexFolder) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function registerSearch(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("pagefindUrl", `/${searchIndexFolder}/pagefind.js`);
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await indexSite(directories.output);
  });
}
