import type { ActionTerm, PagedKind, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";
import { pagedKinds } from "../taxonomy/registry.ts";
import { isBuilt, isPublished, type Guide } from "../content/guide.ts";
import { controlGroupsOf, controlsOf, type ControlGroup } from "./crosswalk.ts";
import { guideListingsOf, termIndexesOf, type GuideListing, type TermIndex } from "./indexes.ts";
import { paginate, type Pagination } from "./paging.ts";

/** A sibling guide offered under "Next steps": linked only when it is published. */
export interface NextStep {
  action: ActionTerm;
  title: string;
  url?: string;
}

export interface GuideGroup {
  action: ActionTerm;
  guides: Guide[];
}

/** One generated taxonomy page. */
export interface TermPage {
  kind: PagedKind;
  heading: string;
  term: Term & { full_name?: string };
  url: string;
  /** Guides with pages, grouped by action in registry order. */
  groups: GuideGroup[];
  comingSoon: Guide[];
  count: number;
  /** Platforms of the page's guides, in registry order: the platform filter's choices. */
  platforms: Term[];
  /** On a regulation's page: the controls of that framework that guides with pages map, under the wholes they are part of. */
  controls: ControlGroup[];
  /** Where the crosswalk is shown (the first page's #controls), when the term has one. */
  crosswalkUrl?: string;
  /** The search page with this term's facet chosen: where a term with many pages is narrowed further. */
  searchUrl: string;
}

/**
 * One written page of a term's guides: the term page with `url`, `groups` and `comingSoon` narrowed to
 * this page's share, in the same order. Page 1 keeps the term's own URL (`/risk/data-exposure/`), so the
 * legacy site's tag links still land; page n is at `page/n/` beneath it.
 */
export interface TermListing extends TermPage {
  pagination: Pagination;
}

/** One cell of the coverage matrix: a subject on a platform, with each action's guide or its absence. */
export interface CoverageCell {
  platform: Term;
  entries: { action: ActionTerm; guide?: Guide }[];
}

export interface CoverageRow {
  subject: Term;
  cells: CoverageCell[];
}

/** A facet of the search page: the terms of one kind that published guides use. */
export interface SearchFacet {
  /** The Pagefind filter each guide's search document declares (src/search/document.ts), and the search form's field. */
  name: "platform" | "action" | "subject" | "risk" | "regulation";
  heading: string;
  terms: Term[];
}

export interface SubjectSection {
  subject: Term;
  guides: Guide[];
}

/** Everything the site's pages are drawn from, built once per build from the validated guides. */
export interface Catalog {
  /** Guides that get a page and are listed: published, coming soon, and drafts when drafts are built. */
  listed: Guide[];
  /** The published ones, in the same order: what search, feeds, the sitemap and exports carry. */
  published: Guide[];
  bySubject: SubjectSection[];
  termPages: TermPage[];
  /** Every written page of every term page, at most the site's guides_per_page guides each. */
  termListings: TermListing[];
  termPagesByKind: Record<PagedKind, TermPage[]>;
  nextSteps: Record<string, NextStep[]>;
  searchFacets: SearchFacet[];
  /** When each listed guide last changed (YYYY-MM-DD), by URL: its `reviewed` date, else its last git commit. */
  updated: Record<string, string>;
  /** The newest of those dates: the site's own last change. */
  lastUpdated: string;
  /** Every subject × every platform of the registry, so gaps show as well as guides. */
  coverage: CoverageRow[];
  /** The index of each paged kind (/platforms/, /regulation/, /risk/, /actions/): every term of the registry. */
  termIndexes: TermIndex[];
  /** Every written page of /guides/, the listed guides by subject, at most the site's guides_per_page each. */
  guideListings: GuideListing[];
  includeDrafts: boolean;
}

export function termPageUrl(kind: PagedKind, term: Term): string {
  return `/${pagedKinds[kind].folder}/${term.slug}/`;
}

/** Stable reading order: action (detect, prevent, fix), then the guide's order, then title, then URL. */
export function compareGuides(registry: TaxonomyRegistry) {
  const rank = (list: Term[], term: Term) => list.indexOf(term);
  return (a: Guide, b: Guide) =>
    rank(registry.terms.actions, a.action) - rank(registry.terms.actions, b.action) ||
    a.order - b.order ||
    a.title.localeCompare(b.title, "en") ||
    a.url.localeCompare(b.url, "en");
}

function termsOf(guide: Guide, kind: PagedKind): Term[] {
  if (kind === "actions") return [guide.action];
  if (kind === "platforms") return [guide.platform];
  if (kind === "risks") return [guide.risk];
  return guide.regulation;
}

/** A date that never changes between builds, for guides that have neither a review date nor a commit. */
const undatedFallback = "1970-01-01";

/** Guides with a page in this build, in reading order. */
export function listedGuides(all: Guide[], registry: TaxonomyRegistry, includeDrafts: boolean): Guide[] {
  return all.filter((guide) => isBuilt(guide, includeDrafts)).sort(compareGuides(registry));
}

/** The listed guides of each subject that has any, in registry order, by platform, then reading order. */
export function subjectSections(listed: Guide[], registry: TaxonomyRegistry): SubjectSection[] {
  const byOrder = compareGuides(registry);
  return registry.terms.subjects
    .map((subject) => ({
      subject,
      guides: listed
        .filter((guide) => guide.subject === subject)
        .sort((a, b) => registry.terms.platforms.indexOf(a.platform) - registry.terms.platforms.indexOf(b.platform) || byOrder(a, b)),
    }))
    .filter((section) => section.guides.length > 0);
}

/** A page for every term of a paged kind that a listed guide uses; coming-soon guides are listed apart. */
export function termPagesOf(listed: Guide[], registry: TaxonomyRegistry, kind: PagedKind): TermPage[] {
  return registry.terms[kind].flatMap((term): TermPage[] => {
    const guides = listed.filter((guide) => termsOf(guide, kind).includes(term));
    if (guides.length === 0) return [];
    const withPages = guides.filter((guide) => guide.status !== "coming-soon");
    return [
      {
        kind,
        heading: pagedKinds[kind].heading,
        term,
        url: termPageUrl(kind, term),
        groups: registry.terms.actions
          .map((action) => ({ action, guides: withPages.filter((guide) => guide.action === action) }))
          .filter((group) => group.guides.length > 0),
        comingSoon: guides.filter((guide) => guide.status === "coming-soon"),
        count: guides.length,
        platforms: registry.terms.platforms.filter((platform) => guides.some((guide) => guide.platform === platform)),
        controls: kind === "regulations" ? controlGroupsOf(controlsOf(listed, term)) : [],
        searchUrl: `/search/?${searchFacetOfKind[kind]}=${encodeURIComponent(term.slug)}`,
      },
    ];
  });
}

/** The search facet that narrows to a term of each kind. */
const searchFacetOfKind: Record<PagedKind, SearchFacet["name"]> = {
  actions: "action",
  platforms: "platform",
  risks: "risk",
  regulations: "regulation",
};

/** The URL of page `number` of a term page. */
export const listingPageUrl = (termPage: TermPage, number: number) => (number === 1 ? termPage.url : `${termPage.url}page/${number}/`);

/** A term page cut into pages of at most `perPage` guides, in its reading order: its action groups, then coming soon. */
export function termListingsOf(termPage: TermPage, perPage: number): TermListing[] {
  const inOrder = [...termPage.groups.flatMap((group) => group.guides), ...termPage.comingSoon];
  const crosswalkUrl = termPage.controls.length > 0 ? `${termPage.url}#controls` : undefined;
  return paginate(inOrder, perPage, (number) => listingPageUrl(termPage, number)).map(({ share, pagination }) => {
    const withPages = share.filter((guide) => guide.status !== "coming-soon");
    return {
      ...termPage,
      url: pagination.pages[pagination.number - 1]!.url,
      groups: termPage.groups
        .map((group) => ({ action: group.action, guides: withPages.filter((guide) => guide.action === group.action) }))
        .filter((group) => group.guides.length > 0),
      comingSoon: share.filter((guide) => guide.status === "coming-soon"),
      // The crosswalk is the regulation's, not the page's: it is shown once, on the first page, which every page links to.
      controls: pagination.number === 1 ? termPage.controls : [],
      crosswalkUrl,
      pagination,
    };
  });
}

/**
 * Each listed guide's siblings on the same subject and platform with the other actions: a qualified
 * guide (…-aws-s3) continues with the sibling of the same qualifier, else the plain one. Drafts are
 * never offered; a coming-soon sibling is named without a link.
 */
export function nextStepsOf(listed: Guide[], registry: TaxonomyRegistry): Record<string, NextStep[]> {
  // One lookup table instead of a search per guide: the site grows to thousands of guides.
  const siblingKey = (guide: Guide, action: ActionTerm, qualifier: string) =>
    `${guide.subject.slug}|${guide.platform.slug}|${action.slug}|${qualifier}`;
  const firstByKey = new Map<string, Guide>();
  for (const guide of listed) {
    const key = siblingKey(guide, guide.action, guide.qualifier);
    if (!firstByKey.has(key)) firstByKey.set(key, guide);
  }
  const nextSteps: Record<string, NextStep[]> = {};
  for (const guide of listed) {
    nextSteps[guide.url] = registry.terms.actions
      .filter((action) => action !== guide.action)
      .flatMap((action): NextStep[] => {
        const sibling = firstByKey.get(siblingKey(guide, action, guide.qualifier)) ?? firstByKey.get(siblingKey(guide, action, ""));
        if (!sibling || sibling.status === "draft") return [];
        return [{ action, title: sibling.title, url: isPublished(sibling) ? sibling.url : undefined }];
      });
  }
  return nextSteps;
}

/** Every subject × every platform × every action of the registry, with the first listed guide of each, if any. */
export function coverageOf(listed: Guide[], registry: TaxonomyRegistry): CoverageRow[] {
  const firstOfCell = new Map<string, Guide>();
  for (const guide of listed) {
    const key = `${guide.subject.slug}|${guide.platform.slug}|${guide.action.slug}`;
    if (!firstOfCell.has(key)) firstOfCell.set(key, guide);
  }
  return registry.terms.subjects.map((subject) => ({
    subject,
    cells: registry.terms.platforms.map((platform) => ({
      platform,
      entries: registry.terms.actions.map((action) => ({
        action,
        guide: firstOfCell.get(`${subject.slug}|${platform.slug}|${action.slug}`),
      })),
    })),
  }));
}

/** The search page's facets: the terms of each kind that published guides use, in registry order; empty facets left out. */
export function searchFacetsOf(published: Guide[], registry: TaxonomyRegistry): SearchFacet[] {
  const usedBy = <T extends Term>(terms: T[], termsOfGuide: (guide: Guide) => T[]) =>
    terms.filter((term) => published.some((guide) => termsOfGuide(guide).includes(term)));
  const facets: SearchFacet[] = [
    { name: "platform", heading: "Platform", terms: usedBy(registry.terms.platforms, (guide) => [guide.platform]) },
    { name: "action", heading: "Action", terms: usedBy(registry.terms.actions, (guide) => [guide.action]) },
    { name: "subject", heading: "Subject", terms: usedBy(registry.terms.subjects, (guide) => [guide.subject]) },
    { name: "risk", heading: "Risk", terms: usedBy(registry.terms.risks, (guide) => [guide.risk]) },
    { name: "regulation", heading: "Regulation", terms: usedBy(registry.terms.regulations, (guide) => guide.regulation) },
  ];
  return facets.filter((facet) => facet.terms.length > 0);
}

/**
 * When each listed guide last changed (YYYY-MM-DD), by URL: its `reviewed` date, else its last git
 * commit, else a fixed date, so two builds agree; and the newest of them.
 */
export function updatedDates(
  listed: Guide[],
  commitDates: ReadonlyMap<string, string>,
): { updated: Record<string, string>; lastUpdated: string } {
  const updated = Object.fromEntries(
    listed.map((guide) => [guide.url, guide.reviewed ?? commitDates.get(guide.inputPath) ?? undatedFallback]),
  );
  const lastUpdated = Object.values(updated).reduce((newest, date) => (date > newest ? date : newest), undatedFallback);
  return { updated, lastUpdated };
}

/** Everything the pages are drawn from, computed once per build from the validated guides. */
export function buildCatalog(
  all: Guide[],
  registry: TaxonomyRegistry,
  includeDrafts: boolean,
  commitDates: ReadonlyMap<string, string> = new Map(),
  guidesPerPage = Number.POSITIVE_INFINITY,
): Catalog {
  const listed = listedGuides(all, registry, includeDrafts);
  const published = listed.filter(isPublished);
  const termPagesByKind = Object.fromEntries(
    (Object.keys(pagedKinds) as PagedKind[]).map((kind) => [kind, termPagesOf(listed, registry, kind)]),
  ) as Record<PagedKind, TermPage[]>;
  const termPages = Object.values(termPagesByKind).flat();
  const bySubject = subjectSections(listed, registry);
  return {
    listed,
    published,
    bySubject,
    coverage: coverageOf(listed, registry),
    ...updatedDates(listed, commitDates),
    searchFacets: searchFacetsOf(published, registry),
    termPages,
    termListings: termPages.flatMap((termPage) => termListingsOf(termPage, guidesPerPage)),
    termPagesByKind,
    termIndexes: termIndexesOf(termPagesByKind, registry),
    guideListings: guideListingsOf(bySubject, guidesPerPage),
    nextSteps: nextStepsOf(listed, registry),
    includeDrafts,
  };
}
