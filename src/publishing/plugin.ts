import { termPageUrl, type Catalog, type TermListing, type TermPage } from "../catalog/catalog.ts";
import type { Guide } from "../content/guide.ts";
import { guideJsonSchema } from "../content/schema.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { guideSchemaPath, guidesJson } from "./exports.ts";
import { atomFeed } from "./feeds.ts";
import { llmsTxt } from "./llms.ts";
import { guideMarkdown, markdownCopyPath } from "./markdown-copy.ts";
import { headersFile, metaContentSecurityPolicy, staticWebAppConfig } from "./headers.ts";
import { robotsTxt, sitemapXml } from "./sitemap.ts";
import { jsonForScript, structuredData } from "./structured-data.ts";

interface PublishingData {
  catalog: Catalog;
  platformPage?: TermPage;
  publishedGuide?: Guide;
}

/** Where the feed of one platform's guides is published. */
/** Beside the platform's first page, whichever of its pages links to it. */
export const platformFeedPath = (termPage: TermPage) => `${termPageUrl(termPage.kind, termPage.term)}feed.xml`;
export const siteFeedPath = "/feed.xml";

/**
 * What the site publishes for machines and hosts: head metadata (canonical URL, Open Graph, JSON-LD),
 * sitemap.xml, robots.txt, Atom feeds, /guides.json, the guide JSON Schema, the `_headers` file, and for
 * assistants /llms.txt with a markdown copy of every published guide.
 */
export function registerPublishing(eleventyConfig: EleventyConfig, site: SiteSettings, registry: TaxonomyRegistry): void {
  const file = (permalink: string, render: (data: PublishingData) => string) =>
    eleventyConfig.addTemplate(
      `publishing${permalink.replace(/[^a-z0-9]+/gi, "-")}.11ty.js`,
      { render },
      {
        permalink,
        layout: false,
        eleventyExcludeFromCollections: true,
      },
    );

  eleventyConfig.addGlobalData("feeds", { site: siteFeedPath });
  eleventyConfig.addGlobalData("contentSecurityPolicy", metaContentSecurityPolicy(site));
  // Filters take the settings as an argument rather than closing over them: Eleventy reuses compiled
  // templates across builds in one process, with the filters of the first build.
  // A page that is not written (a draft in production) has no URL; it gets no address either.
  eleventyConfig.addFilter("absoluteUrl", (sitePath: string | false, settings: SiteSettings) =>
    typeof sitePath === "string" ? absoluteUrl(settings, sitePath) : "",
  );
  eleventyConfig.addFilter("platformFeed", (termPage: TermPage) => platformFeedPath(termPage));
  eleventyConfig.addFilter("markdownCopyUrl", (guide: Guide) => markdownCopyPath(guide));
  eleventyConfig.addFilter(
    "jsonLd",
    (
      path: string | false,
      settings: SiteSettings,
      guide: Guide | undefined,
      termPage: TermListing | undefined,
      pageTitle: string | undefined,
      catalog: Catalog,
    ) => (typeof path === "string" ? jsonForScript(structuredData({ site: settings, catalog, path, guide, termPage, pageTitle })) : "{}"),
  );

  file("/sitemap.xml", ({ catalog }) => sitemapXml(site, catalog));
  file("/robots.txt", () => robotsTxt(site));
  file("/llms.txt", ({ catalog }) => llmsTxt(site, catalog));
  file("/_headers", () => headersFile(site));
  file("/staticwebapp.config.json", () => staticWebAppConfig(site));
  file("/guides.json", ({ catalog }) => guidesJson(site, catalog));
  file(guideSchemaPath, () => `${JSON.stringify(guideJsonSchema(registry), null, 2)}\n`);
  file(siteFeedPath, ({ catalog }) =>
    atomFeed({ site, path: siteFeedPath, pagePath: "/", title: site.name, guides: catalog.published, updated: catalog.updated }),
  );

  eleventyConfig.addTemplate(
    "publishing-platform-feed.11ty.js",
    {
      render: ({ catalog, platformPage }: PublishingData) =>
        platformPage
          ? atomFeed({
              site,
              path: platformFeedPath(platformPage),
              pagePath: platformPage.url,
              title: `${platformPage.term.label} guides | ${site.name}`,
              guides: catalog.published.filter((guide) => guide.platform === platformPage.term),
              updated: catalog.updated,
            })
          : "",
    },
    {
      pagination: { data: "catalog.termPagesByKind.platforms", size: 1, alias: "platformPage", addAllPagesToCollections: false },
      permalink: ({ platformPage }: PublishingData) => (platformPage ? platformFeedPath(platformPage) : false),
      layout: false,
      eleventyExcludeFromCollections: true,
    },
  );

  eleventyConfig.addTemplate(
    "publishing-markdown-copy.11ty.js",
    {
      render: ({ catalog, publishedGuide }: PublishingData) =>
        publishedGuide ? guideMarkdown(publishedGuide, site, catalog.nextSteps[publishedGuide.url] ?? []) : "",
    },
    {
      pagination: { data: "catalog.published", size: 1, alias: "publishedGuide", addAllPagesToCollections: false },
      permalink: ({ publishedGuide }: PublishingData) => (publishedGuide ? markdownCopyPath(publishedGuide) : false),
      layout: false,
      eleventyExcludeFromCollections: true,
    },
  );
}
