import type { Catalog } from "../catalog/catalog.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";
import { escapeMarkup } from "../text/escape.ts";

/**
 * The pages search engines should know: home, the indexes of each kind, every page of /guides/ and of
 * each term, and published guides, with their last change.
 */
export function sitemapEntries(catalog: Catalog): { path: string; lastmod: string }[] {
  const { published } = catalog;
  const newest = (urls: string[]) =>
    urls.map((url) => catalog.updated[url] ?? "").reduce((a, b) => (b > a ? b : a), "") || catalog.lastUpdated;
  return [
    { path: "/", lastmod: catalog.lastUpdated },
    ...catalog.termIndexes.map((index) => ({ path: index.url, lastmod: catalog.lastUpdated })),
    ...catalog.guideListings.map((listing) => ({
      path: listing.url,
      lastmod: newest(listing.sections.flatMap((section) => section.guides).map((guide) => guide.url)),
    })),
    ...catalog.termListings.map((termPage) => ({
      path: termPage.url,
      lastmod: newest([...termPage.groups.flatMap((group) => group.guides), ...termPage.comingSoon].map((guide) => guide.url)),
    })),
    ...published.map((guide) => ({ path: guide.url, lastmod: catalog.updated[guide.url] ?? catalog.lastUpdated })),
  ].sort((a, b) => a.path.localeCompare(b.path));
}

export function sitemapXml(site: SiteSettings, catalog: Catalog): string {
  const urls = sitemapEntries(catalog).map(
    (entry) => `  <url><loc>${escapeMarkup(absoluteUrl(site, entry.path))}</loc><lastmod>${entry.lastmod}</lastmod></url>`,
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

export function robotsTxt(site: SiteSettings): string {
  return ["User-agent: *", "Allow: /", "", `Sitemap: ${absoluteUrl(site, "/sitemap.xml")}`, ""].join("\n");
}
