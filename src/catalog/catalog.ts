import type { ActionTerm, PagedKind, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";
import { pagedKinds } from "../taxonomy/registry.ts";
import { isBuilt, isPublished, type Guide } from "../content/guide.ts";

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
  /** On a regulation's page: the controls of that framework that guides with pages map, in control order. */
  controls: ControlEntry[];
  /** The search page with this term's facet chosen: where a term with many pages is narrowed further. */
  searchUrl: string;
}

/**
 * One written page of a term's guides: the term page with `url`, `groups` and `comingSoon` narrowed to
 * this page's share, in the same order. Page 1 keeps the term's own URL (`/risk/data-exposure/`), so the
 * legacy site's tag links still land; page n is at `page/n/` beneath it.
 */
export interface TermListing extends TermPage {
  pagination: {
    /** This page's number, from 1. */
    number: number;
    /** Every page of the term, in order. */
    pages: { number: number; url: string }[];
    /** The pages this page links to, in order (pageLinksFrom): a bounded number however many pages there are. */
    links: { number: number; url: string }[];
    /** The positions of this page's first and last guide among all the term's guides, from 1. */
    first: number;
    last: number;
  };
}

/** One control of a framework, with what guides say it asks for and the guides that support it. */
export interface ControlEntry {
  id: string;
  /** The id of its entry on the regulation's page, so a link can name one control. */
  anchor: string;
  /** What it asks for, in the words of the first guide, in reading order, that maps it. */
  summary: string;
  /** The first guides that map it, in reading order: a control mapped by hundreds of guides lists a few. */
  guides: { title: string; url: string }[];
  /** How many guides map it in all. */
  count: number;
}

/** At most this many guides are linked under one control; the rest are counted. */
export const guidesPerControl = 10;

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
        controls: kind === "regulations" ? controlsOf(listed, term) : [],
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

/**
 * The page numbers page `current` of `total` links to: the first and last, its neighbours, and at each
 * power of ten the multiples of it within the current block ten times larger (on page 181 of 2,000:
 * 1, 179–183, 181–190 by ones, 110–200 by tens, 100–1,000 by hundreds, 2,000). About ten links a power
 * of ten, so the list stays short however many pages there are, and any page is a few clicks away: the
 * right hundred, then the right ten, then the page.
 */
export function pageLinksFrom(current: number, total: number): number[] {
  const numbers = new Set([1, total]);
  for (let neighbour = current - 2; neighbour <= current + 2; neighbour++) numbers.add(neighbour);
  for (let step = 1; step < total; step *= 10) {
    const block = step * 10;
    const start = Math.floor((current - 1) / block) * block;
    for (let multiple = start + step; multiple <= start + block; multiple += step) numbers.add(multiple);
  }
  return [...numbers].filter((number) => number >= 1 && number <= total).sort((a, b) => a - b);
}

/** A term page cut into pages of at most `perPage` guides, in its reading order: its action groups, then coming soon. */
export function termListingsOf(termPage: TermPage, perPage: number): TermListing[] {
  const inOrder = [...termPage.groups.flatMap((group) => group.guides), ...termPage.comingSoon];
  const pageCount = Math.max(1, Math.ceil(inOrder.length / perPage));
  const pages = Array.from({ length: pageCount }, (_, index) => ({ number: index + 1, url: listingPageUrl(termPage, index + 1) }));
  return pages.map(({ number, url }) => {
    const start = (number - 1) * perPage;
    // The share is a slice of the reading order, so each page costs its own guides, not the term's.
    const share = inOrder.slice(start, start + perPage);
    const withPages = share.filter((guide) => guide.status !== "coming-soon");
    return {
      ...termPage,
      url,
      groups: termPage.groups
        .map((group) => ({ action: group.action, guides: withPages.filter((guide) => guide.action === group.action) }))
        .filter((group) => group.guides.length > 0),
      comingSoon: share.filter((guide) => guide.status === "coming-soon"),
      // The crosswalk is the regulation's, not the page's: it is shown once, on the first page.
      controls: number === 1 ? termPage.controls : [],
      pagination: {
        number,
        pages,
        links: pageLinksFrom(number, pageCount).map((linked) => pages[linked - 1]!),
        first: start + 1,
        last: start + share.length,
      },
    };
  });
}

const controlOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * The id of a control's entry on its regulation's page. IDs written differently only in case or
 * punctuation ("8.6.2", "8-6-2", "cc6.1", "CC6.1") name the same control and share one entry.
 */
export function controlAnchor(id: string): string {
  return `control-${id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")}`;
}

/**
 * The crosswalk of one framework: every control of it that a guide with a page maps (whether or not
 * the guide lists the framework as a regulation), ordered by ID the way the standards number them
 * (8.6.2 before 10.1, IA-5 before IA-5(7)), with the guides that support each.
 */
export function controlsOf(listed: Guide[], framework: Term): ControlEntry[] {
  const byAnchor = new Map<string, ControlEntry>();
  for (const guide of listed) {
    if (guide.status === "coming-soon") continue;
    // A guide that maps one control twice supports it once.
    const counted = new Set<string>();
    for (const control of guide.controls ?? []) {
      if (control.framework !== framework) continue;
      const anchor = controlAnchor(control.id);
      let entry = byAnchor.get(anchor);
      if (!entry) {
        entry = { id: control.id, anchor, summary: control.summary, guides: [], count: 0 };
        byAnchor.set(anchor, entry);
      }
      if (counted.has(anchor)) continue;
      counted.add(anchor);
      entry.count += 1;
      if (entry.guides.length < guidesPerControl) entry.guides.push({ title: guide.title, url: guide.url });
    }
  }
  return [...byAnchor.values()].sort(
    (a, b) => controlOrder.compare(a.id, b.id) || (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0),
  );
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
  return {
    listed,
    published,
    bySubject: subjectSections(listed, registry),
    coverage: coverageOf(listed, registry),
    ...updatedDates(listed, commitDates),
    searchFacets: searchFacetsOf(published, registry),
    termPages,
    termListings: termPages.flatMap((termPage) => termListingsOf(termPage, guidesPerPage)),
    termPagesByKind,
    nextSteps: nextStepsOf(listed, registry),
    includeDrafts,
  };
}
