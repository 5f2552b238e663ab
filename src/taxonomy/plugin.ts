import type { EleventyConfig } from "../eleventy-types.ts";
import type { TaxonomyRegistry } from "./registry.ts";

/**
 * The pages of each action, risk, regulation and platform that at least one listed guide uses: the
 * term's first page at its own URL, then as many more as its guides fill (catalog.termListings).
 */
export function registerTaxonomy(eleventyConfig: EleventyConfig, registry: TaxonomyRegistry): void {
  // Frozen so Eleventy shares it with every page instead of copying it into each.
  eleventyConfig.addGlobalData("taxonomy", Object.freeze(registry.terms));
  eleventyConfig.addTemplate("taxonomy.liquid", "", {
    layout: "taxonomy.liquid",
    pagination: { data: "catalog.termListings", size: 1, alias: "termPage", addAllPagesToCollections: false },
    permalink: "{{ termPage.url }}",
    eleventyExcludeFromCollections: true,
  });
}
