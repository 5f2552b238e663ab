import { readFileSync } from "node:fs";
import path from "node:path";
import type { GuideListing, TermIndex } from "../catalog/indexes.ts";
import type { Guide } from "../content/guide.ts";
import { commandEffectLabels, type CommandEffect } from "../content/schema.ts";
import type { SiteSettings } from "../site-settings.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { projectRoot } from "../paths.ts";
import { registerGuideCards } from "./cards.ts";
import { editUrl, reportUrl } from "./source-links.ts";

const faviconUrl = "/assets/favicon.svg";

/** Site pages that are not guides nor taxonomy terms (their markup lives in layouts/), and the favicon. */
export function registerPages(eleventyConfig: EleventyConfig): void {
  registerGuideCards(eleventyConfig);
  eleventyConfig.addFilter("effectLabel", (effect: CommandEffect) => commandEffectLabels[effect]);
  // The settings are an argument, not a closure: Eleventy keeps compiled templates across builds in one process.
  eleventyConfig.addFilter("editUrl", (guide: Guide, site: SiteSettings) => editUrl(guide, site));
  eleventyConfig.addFilter("reportUrl", (guide: Guide, site: SiteSettings) => reportUrl(guide, site));
  eleventyConfig.addTemplate("index.liquid", "", { layout: "home.liquid", permalink: "/", eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("search.liquid", "", {
    layout: "search.liquid",
    permalink: "/search/",
    pageTitle: "Search",
    eleventyExcludeFromCollections: true,
  });
  // The index of each kind of term at the folder its pages share, and every guide at /guides/ above them.
  eleventyConfig.addTemplate("term-index.liquid", "", {
    layout: "term-index.liquid",
    pagination: { data: "catalog.termIndexes", size: 1, alias: "termIndex", addAllPagesToCollections: false },
    permalink: "{{ termIndex.url }}",
    eleventyComputed: { pageTitle: (data: { termIndex: TermIndex }) => data.termIndex.heading },
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("guide-index.liquid", "", {
    layout: "guide-index.liquid",
    pagination: { data: "catalog.guideListings", size: 1, alias: "guideListing", addAllPagesToCollections: false },
    permalink: "{{ guideListing.url }}",
    eleventyComputed: {
      pageTitle: ({ guideListing: { pagination } }: { guideListing: GuideListing }) =>
        pagination.number === 1 ? "All guides" : `All guides, page ${pagination.number} of ${pagination.pages.length}`,
    },
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("404.liquid", "", {
    layout: "not-found.liquid",
    permalink: "/404.html",
    eleventyExcludeFromCollections: true,
  });
  const favicon = readFileSync(path.join(projectRoot, "src", "assets", "favicon.svg"), "utf8");
  eleventyConfig.addGlobalData("faviconUrl", faviconUrl);
  eleventyConfig.addTemplate(
    "assets/favicon.11ty.js",
    { render: () => favicon },
    { permalink: faviconUrl, layout: false, eleventyExcludeFromCollections: true },
  );
}
