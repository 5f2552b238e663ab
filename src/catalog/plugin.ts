import type { Guide } from "../content/guide.ts";
import type { ContentEvents } from "../content/plugin.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { lastCommitDates } from "../git-dates.ts";
import type { PagedKind, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";
import { buildCatalog, termPageUrl, type Catalog, type NextStep } from "./catalog.ts";
import { controlAnchor } from "./crosswalk.ts";
import { guideSections } from "./guide-sections.ts";
import { otherPlatforms } from "./other-platforms.ts";

/** Lets other concerns start work on the catalog as soon as it is built, before any page renders. */
export interface CatalogEvents {
  onCatalog(listener: (catalog: Catalog, directories: { input: string; output: string }) => void): void;
}

/** Builds the catalog every page is drawn from, once the guides are read, and gives the layouts their term links. */
export function registerCatalog(
  eleventyConfig: EleventyConfig,
  content: ContentEvents,
  { registry, includeDrafts, guidesPerPage }: { registry: TaxonomyRegistry; includeDrafts: boolean; guidesPerPage: number },
): CatalogEvents {
  let catalog: Catalog | undefined;
  const listeners: Parameters<CatalogEvents["onCatalog"]>[0][] = [];
  content.onGuides((guides, directories) => {
    // Frozen so Eleventy shares it with every page as it is: a deep copy into each page's data would
    // grow with the square of the number of guides.
    catalog = Object.freeze(buildCatalog(guides, registry, includeDrafts, lastCommitDates(directories.input), guidesPerPage));
    for (const listener of listeners) listener(catalog, directories);
  });
  eleventyConfig.addGlobalData("catalog", () => catalog);
  // `{{ guide.risk | termUrl: "risks" }}`. Every term of a listed guide has its page, so the URL needs
  // no lookup, and no state of one build: Eleventy keeps compiled layouts, and their filters, across
  // builds in one process.
  eleventyConfig.addFilter("termUrl", (term: Term, kind: PagedKind) => termPageUrl(kind, term));
  eleventyConfig.addFilter("controlAnchor", (id: string) => controlAnchor(id));
  eleventyConfig.addFilter("otherPlatforms", otherPlatforms);
  eleventyConfig.addFilter("guideSections", (guide: Guide | undefined, nextSteps: NextStep[] | undefined) =>
    guide ? guideSections(guide, nextSteps) : [],
  );
  return { onCatalog: (listener) => listeners.push(listener) };
}
