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

/** Every guide file under a folder, in a stable order. README.md files are documentation, not guides. */
export function readGuideSources(folder: string): GuideSource[] {
  const root = path.resolve(folder);
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md") && path.basename(name) !== "README.md")
    .sort()
    .map((name) => {
      const file = path.join(root, name);
      return { path: file, displayPath: path.relative(process.cwd(), file), text: readFileSync(file, "utf8") };
    });
}

/** Validates all guides before Eleventy writes anything, and exposes the catalog the pages are drawn from. */
export function registerContent(eleventyConfig: EleventyConfig, { registry, site, includeDrafts }: ContentOptions): void {
  let catalog: Catalog | undefined;
  let guidesByPath = new Map<string, Guide>();

  eleventyConfig.ignores.add("**/README.md");
  eleventyConfig.on("eleventy.before", ({ directories }) => {
    const { guides, problems } = readGuides(readGuideSources(directories.input), registry, site);
    if (problems.length > 0) throw new GuideValidationError(problems);
    catalog = buildCatalog(guides, registry, includeDrafts, lastCommitDates(directories.input));
    guidesByPath = new Map(guides.map((guide) => [guide.inputPath, guide]));
  });

  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addGlobalData("catalog", () => catalog);
  eleventyConfig.addGlobalData("layout", "guide.liquid");
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
}
