import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "../eleventy-types.ts";

/** Where the index and Pagefind's browser library are written, inside the site. */
export const searchIndexFolder = "pagefind";

/**
 * Indexes the written site with Pagefind after every build, in `npm run build` and `npm start` alike.
 * Only guide pages are read (other pages hold nothing to index), and only elements marked
 * data-pagefind-body are indexed: published guides mark their article, so the chrome and unpublished
 * guides stay out of the results. Pagefind reads the folder itself, in parallel, and sorts what it
 * finds, so two builds write the same index.
 */
export async function indexSite(siteFolder: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", includeCharacters: "-_." });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteFolder, glob: "guides/**/*.html" });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteFolder}: ${added.errors.join("; ")}`);
    // The files come back in memory and are written here, so the build finishes only once every one
    // is on disk (writeFiles can report success before its last file is complete).
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not write its index: ${fileErrors.join("; ")}`);
    const folder = path.join(siteFolder, searchIndexFolder);
    for (const file of files) {
      const target = path.join(folder, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function registerSearch(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await indexSite(directories.output);
  });
}
