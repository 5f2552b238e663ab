import type { Catalog, TermListing } from "../catalog/catalog.ts";
import type { Guide } from "../content/guide.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";

type JsonLd = Record<string, unknown>;

export interface PageContext {
  site: SiteSettings;
  catalog: Catalog;
  /** The page's site path, e.g. /guides/x/ */
  path: string;
  guide?: Guide;
  /** On a taxonomy page: the page of the term's guides it shows. */
  termPage?: TermListing;
  /** The heading of pages that are neither guides nor taxonomy pages. */
  pageTitle?: string;
}

function breadcrumbs({ site, catalog, path, guide, termPage, pageTitle }: PageContext): JsonLd {
  const trail: { name: string; path?: string }[] = [{ name: site.name, path: "/" }];
  if (guide) {
    trail.push({ name: guide.platform.label, path: `/platforms/${guide.platform.slug}/` }, { name: guide.title, path });
  } else if (termPage) {
    // The trail the page shows: Home › Regulations › GDPR.
    const index = catalog.termIndexes.find((entry) => entry.kind === termPage.kind);
    if (index) trail.push({ name: index.heading, path: index.url });
    trail.push({ name: termPage.term.label, path });
  } else if (pageTitle) {
    trail.push({ name: pageTitle, path: path.endsWith(".html") ? undefined : path });
  }
  return {
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      ...(crumb.path ? { item: absoluteUrl(site, crumb.path) } : {}),
    })),
  };
}

function guideData({ site, catalog, path, guide }: PageContext & { guide: Guide }): JsonLd {
  const url = absoluteUrl(site, path);
  const article: JsonLd = {
    "@type": guide.steps ? ["TechArticle", "HowTo"] : "TechArticle",
    "@id": `${url}#guide`,
    headline: guide.title,
    name: guide.title,
    description: guide.description,
    url,
    inLanguage: site.language,
    dateModified: catalog.updated[guide.url],
    proficiencyLevel: guide.difficulty === "beginner" ? "Beginner" : "Expert",
    about: [guide.subject.label, guide.risk.label],
    keywords: [guide.action.label, guide.platform.label, ...guide.regulation.map((regulation) => regulation.label), ...guide.tags].join(
      ", ",
    ),
    publisher: { "@type": "Organization", name: site.name, url: absoluteUrl(site, "/") },
  };
  // Steps are named and linked, not repeated: the page holds their text, and search engines no
  // longer show HowTo steps as rich results, so copying it would only weigh down every guide page.
  if (guide.steps) {
    article.step = guide.steps.map((step, index) => ({
      "@type": "HowToStep",
      position: index + 1,
      name: step.title,
      url: `${url}#step-${index + 1}`,
    }));
    article.tool = guide.prerequisites?.tools.map((tool) => ({ "@type": "HowToTool", name: tool }));
  }
  return article;
}

function collectionData({ site, path, termPage }: PageContext & { termPage: TermListing }): JsonLd {
  const guides = [...termPage.groups.flatMap((group) => group.guides), ...termPage.comingSoon];
  return {
    "@type": "CollectionPage",
    name: `${termPage.term.label}: ${termPage.heading.toLowerCase()} guides`,
    description: termPage.term.description,
    url: absoluteUrl(site, path),
    inLanguage: site.language,
    mainEntity: {
      "@type": "ItemList",
      numberOfItems: termPage.count,
      itemListElement: guides.map((guide, index) => ({
        "@type": "ListItem",
        position: termPage.pagination.first + index,
        url: absoluteUrl(site, guide.url),
        name: guide.title,
      })),
    },
  };
}

function websiteData({ site }: PageContext): JsonLd {
  return {
    "@type": "WebSite",
    name: site.name,
    description: site.tagline,
    url: absoluteUrl(site, "/"),
    inLanguage: site.language,
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(site, "/search/")}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** The JSON-LD graph of a page: its breadcrumbs everywhere, plus what the page is. */
export function structuredData(context: PageContext): JsonLd {
  const graph: JsonLd[] = [breadcrumbs(context)];
  if (context.guide && context.guide.status !== "coming-soon") graph.push(guideData({ ...context, guide: context.guide }));
  else if (context.termPage) graph.push(collectionData({ ...context, termPage: context.termPage }));
  else if (context.path === "/") graph.push(websiteData(context));
  return { "@context": "https://schema.org", "@graph": graph };
}

/** JSON for a <script type="application/ld+json"> block: "<" is escaped so no value can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
