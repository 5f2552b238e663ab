import type { Guide } from "../content/guide.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";
import { xmlText } from "./xml-text.ts";

export interface FeedOptions {
  site: SiteSettings;
  /** The feed's own site path, e.g. /feed.xml */
  path: string;
  /** The page the feed mirrors, e.g. / or /platforms/aws/ */
  pagePath: string;
  title: string;
  guides: Guide[];
  updated: Record<string, string>;
}

const atomDate = (day: string) => `${day}T00:00:00Z`;

/** Guides newest first (by last change), then by title, so the order never depends on the file system. */
export function newestFirst(guides: Guide[], updated: Record<string, string>): Guide[] {
  return [...guides].sort(
    (a, b) =>
      (updated[b.url] ?? "").localeCompare(updated[a.url] ?? "") || a.title.localeCompare(b.title, "en") || a.url.localeCompare(b.url),
  );
}

/** A feed carries the newest guides only: readers poll it, and its size must not grow with the catalog. */
export const feedEntryLimit = 50;

/**
 * An Atom feed of the newest of the published guides given, at most feedEntryLimit; its dates come from
 * the guides, never from the build's clock.
 */
export function atomFeed({ site, path, pagePath, title, guides, updated }: FeedOptions): string {
  const entries = newestFirst(guides, updated).slice(0, feedEntryLimit);
  const feedUpdated = entries.reduce(
    (newest, guide) => ((updated[guide.url] ?? "") > newest ? (updated[guide.url] ?? "") : newest),
    "1970-01-01",
  );
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(site.language)}">`,
    `  <title>${xmlText(title)}</title>`,
    `  <subtitle>${xmlText(site.tagline)}</subtitle>`,
    `  <link href="${xmlText(absoluteUrl(site, path))}" rel="self" type="application/atom+xml"/>`,
    `  <link href="${xmlText(absoluteUrl(site, pagePath))}" rel="alternate" type="text/html"/>`,
    `  <id>${xmlText(absoluteUrl(site, path))}</id>`,
    `  <updated>${atomDate(feedUpdated)}</updated>`,
    `  <author><name>${xmlText(site.name)}</name></author>`,
  ];
  for (const guide of entries) {
    const url = absoluteUrl(site, guide.url);
    lines.push(
      "  <entry>",
      `    <title>${xmlText(guide.title)}</title>`,
      `    <link href="${xmlText(url)}" rel="alternate" type="text/html"/>`,
      `    <id>${xmlText(url)}</id>`,
      `    <updated>${atomDate(updated[guide.url] ?? "1970-01-01")}</updated>`,
      `    <summary>${xmlText(guide.description)}</summary>`,
      ...[guide.action, guide.platform, guide.subject, guide.risk, ...guide.regulation].map(
        (term) => `    <category term="${xmlText(term.slug)}" label="${xmlText(term.label)}"/>`,
      ),
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
