import type { EleventyConfig } from "../eleventy-types.ts";
import type { TaxonomyRegistry } from "./registry.ts";

/** One page per risk, regulation and platform that at least one listed guide uses. */
export function registerTaxonomy(eleventyConfig: EleventyConfig, registry: TaxonomyRegistry): void {
  // Frozen so Eleventy shares it with every page instead of copying it into each.
  eleventyConfig.addGlobalData("taxonomy", Object.freeze(registry.terms));
  eleventyConfig.addTemplate("taxonomy.liquid", "", {
    layout: "taxonomy.liquid",
    pagination: { data: "catalog.termPages", size: 1, alias: "termPage", addAllPagesToCollections: false },
    permalink: "{{ termPage.url }}",
    eleventyExcludeFromCollections: true,
  });
}
