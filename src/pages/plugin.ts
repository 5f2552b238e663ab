import type { EleventyConfig } from "../eleventy-types.ts";

/** Site pages that are not guides nor taxonomy terms. Their markup lives in layouts/. */
export function registerPages(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTemplate("index.liquid", "", { layout: "home.liquid", permalink: "/", eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("search.liquid", "", {
    layout: "search.liquid",
    permalink: "/search/",
    pageTitle: "Search",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("404.liquid", "", {
    layout: "not-found.liquid",
    permalink: "/404.html",
    eleventyExcludeFromCollections: true,
  });
}
