import path from "node:path";
import { termPageUrl, type Catalog, type TermPage } from "../catalog/catalog.ts";
import type { Guide } from "../content/guide.ts";
import { siteSettingsFile, type SiteSettings } from "../site-settings.ts";
import { registryFile } from "../taxonomy/registry.ts";
import { plural } from "../text/plural.ts";
import type { CardContent } from "./design.ts";

/** A card to draw, and where in the site its image goes. */
export interface CardSpec {
  path: string;
  content: CardContent;
}

/** A card the site publishes, with the file its title comes from: the guide, the registry or the site settings. */
export interface PublishedCard extends CardSpec {
  source: string;
}

/** Where the card of the home page goes; pages with no card of their own (search, 404) share it. */
export const homeCardPath = "/cards/home.png";

export const guideCardPath = (guide: Guide) => `/cards${guide.url.replace(/\/$/, "")}.png`;
/** Every page of a term shares the card of its first page. */
export const termCardPath = (termPage: TermPage) => `/cards${termPageUrl(termPage.kind, termPage.term).replace(/\/$/, "")}.png`;

/** The card of a page: its guide's, its term's, else the home page's. */
export function cardPathFor(guide: Guide | undefined, termPage: TermPage | undefined): string {
  if (guide) return guideCardPath(guide);
  if (termPage) return termCardPath(termPage);
  return homeCardPath;
}

/** Every card the site publishes: one per built guide, one per taxonomy page, and the home page's. */
export function cardsOf(catalog: Catalog, site: SiteSettings): PublishedCard[] {
  const guides = catalog.listed.map((guide) => ({
    path: guideCardPath(guide),
    source: guide.displayPath,
    content: {
      site: site.name,
      title: guide.title,
      detail: [guide.action.label, guide.subject.label, guide.platform.label].join(" · "),
      accent: guide.action.slug,
    },
  }));
  const terms = catalog.termPages.map((termPage) => ({
    path: termCardPath(termPage),
    source: path.relative(process.cwd(), registryFile),
    content: {
      site: site.name,
      title: termPage.term.label,
      detail: `${termPage.heading} · ${plural(termPage.count, "guide")}`,
      accent: termPage.kind === "actions" ? termPage.term.slug : termPage.kind.replace(/s$/, ""),
    },
  }));
  const home = {
    path: homeCardPath,
    source: path.relative(process.cwd(), siteSettingsFile),
    content: { site: site.name, title: site.tagline, detail: plural(catalog.published.length, "guide"), accent: "accent" },
  };
  return [home, ...guides, ...terms];
}
