import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig, PageData } from "../eleventy-types.ts";
import type { SiteSettings } from "../site-settings.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { buildCatalog, isBuilt, type Catalog } from "./catalog.ts";
import { readGuides, type Guide, type GuideSource } from "./guide.ts";
import { lastCommitDates } from "../publishing/dates.ts";
import { GuideValidationError } from "./problems.ts";
import { legacyLayoutName } from "./schema.ts";

export interface ContentOptions {
  registry: TaxonomyRegistry;
  site: SiteSettings;
  /** Drafts get pages in `npm start`, never in the production build. */
  includeDrafts: boolean;
}

/** Markdown files under a folder, walked with directory entries: `recursive: true` stats every file. */
export function markdownFiles(root: string, folder = ""): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const name = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : markdownFiles(root, name);
    return entry.name.endsWith(".md") && entry.name !== "README.md" ? [name] : [];
  });
}

/** Every guide file under a folder, in a stable order. README.md files are documentation, not guides. */
export function readGuideSources(folder: string): GuideSource[] {
  const root = path.resolve(folder);
  return markdownFiles(root)
    .sort()
    .map((name) => {
      const file = path.join(root, name);
      return { path: file, displayPath: path.relative(process.cwd(), file), text: readFileSync(file, "utf8") };
    });
}

/** Lets other concerns start work on the guides as soon as they are read and valid, before any page renders. */
export interface ContentEvents {
  onCatalog(listener: (catalog: Catalog, directories: { input: string; output: string }) => void): void;
}

/** Validates all guides before Eleventy writes anything, and exposes the catalog the pages are drawn from. */
export function registerContent(eleventyConfig: EleventyConfig, { registry, site, includeDrafts }: ContentOptions): ContentEvents {
  let catalog: Catalog | undefined;
  const catalogListeners: Parameters<ContentEvents["onCatalog"]>[0][] = [];
  let guidesByPath = new Map<string, Guide>();

  eleventyConfig.ignores.add("**/README.md");
  eleventyConfig.on("eleventy.before", ({ directories }) => {
    const { guides, problems } = readGuides(readGuideSources(directories.input), registry, site);
    if (problems.length > 0) throw new GuideValidationError(problems);
    catalog = Object.freeze(buildCatalog(guides, registry, includeDrafts, lastCommitDates(directories.input)));
    guidesByPath = new Map(guides.map((guide) => [guide.inputPath, guide]));
    for (const listener of catalogListeners) listener(catalog, directories);
  });

  // Frozen objects are shared with every page as they are; Eleventy would otherwise deep-copy the
  // whole catalog into each page's data, which grows with the square of the number of guides.
  eleventyConfig.addGlobalData("site", Object.freeze(site));
  eleventyConfig.addGlobalData("catalog", () => catalog);
  eleventyConfig.addGlobalData("layout", "guide.liquid");
  // Pages are drawn from the catalog, never from Eleventy collections; keeping guides out of them
  // spares Eleventy holding every rendered page in memory for collections nobody reads.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  eleventyConfig.addLayoutAlias(legacyLayoutName, "guide.liquid");
  const guideOf = (data: PageData) => guidesByPath.get(path.resolve(data.page.inputPath));
  eleventyConfig.addGlobalData("eleventyComputed", {
    guide: guideOf,
    permalink: (data: PageData) => {
      const guide = guideOf(data);
      if (!guide) return data.permalink;
      return isBuilt(guide, includeDrafts) ? guide.url : false;
    },
  });
  return { onCatalog: (listener) => catalogListeners.push(listener) };
}
