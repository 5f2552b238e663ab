import type { ActionTerm, PagedKind, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";
import { pagedKinds } from "../taxonomy/registry.ts";
import type { Guide } from "./guide.ts";

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
  /** The Pagefind filter name the guide pages declare. */
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
  bySubject: SubjectSection[];
  termPages: TermPage[];
  termPagesByKind: Record<PagedKind, TermPage[]>;
  /** URL of each term page by "kind/slug", so templates link only to pages that exist. */
  termUrls: Record<string, string>;
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

export function termKey(kind: PagedKind, term: Term): string {
  return `${kind}/${term.slug}`;
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

/** Does this guide get a page in this build? */
export function isBuilt(guide: Guide, includeDrafts: boolean): boolean {
  return guide.status !== "draft" || includeDrafts;
}

/** A date that never changes between builds, for guides that have neither a review date nor a commit. */
const undatedFallback = "1970-01-01";

export function buildCatalog(
  all: Guide[],
  registry: TaxonomyRegistry,
  includeDrafts: boolean,
  commitDates: ReadonlyMap<string, string> = new Map(),
): Catalog {
  const byOrder = compareGuides(registry);
  const listed = all.filter((guide) => isBuilt(guide, includeDrafts)).sort(byOrder);

  const bySubject = registry.terms.subjects
    .map((subject) => ({
      subject,
      guides: listed
        .filter((guide) => guide.subject === subject)
        .sort((a, b) => registry.terms.platforms.indexOf(a.platform) - registry.terms.platforms.indexOf(b.platform) || byOrder(a, b)),
    }))
    .filter((section) => section.guides.length > 0);

  const termPagesByKind = {} as Record<PagedKind, TermPage[]>;
  const termUrls: Record<string, string> = {};
  for (const kind of Object.keys(pagedKinds) as PagedKind[]) {
    termPagesByKind[kind] = registry.terms[kind].flatMap((term): TermPage[] => {
      const guides = listed.filter((guide) => termsOf(guide, kind).includes(term));
      if (guides.length === 0) return [];
      const withPages = guides.filter((guide) => guide.status !== "coming-soon");
      const url = termPageUrl(kind, term);
      termUrls[termKey(kind, term)] = url;
      return [
        {
          kind,
          heading: pagedKinds[kind].heading,
          term,
          url,
          groups: registry.terms.actions
            .map((action) => ({ action, guides: withPages.filter((guide) => guide.action === action) }))
            .filter((group) => group.guides.length > 0),
          comingSoon: guides.filter((guide) => guide.status === "coming-soon"),
          count: guides.length,
          platforms: registry.terms.platforms.filter((platform) => guides.some((guide) => guide.platform === platform)),
        },
      ];
    });
  }

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
        // A qualified guide (…-aws-s3) continues with the sibling of the same qualifier, else the plain one.
        const sibling = firstByKey.get(siblingKey(guide, action, guide.qualifier)) ?? firstByKey.get(siblingKey(guide, action, ""));
        if (!sibling || sibling.status === "draft") return [];
        return [{ action, title: sibling.title, url: sibling.status === "published" ? sibling.url : undefined }];
      });
  }

  const firstOfCell = new Map<string, Guide>();
  for (const guide of listed) {
    const key = `${guide.subject.slug}|${guide.platform.slug}|${guide.action.slug}`;
    if (!firstOfCell.has(key)) firstOfCell.set(key, guide);
  }
  const coverage = registry.terms.subjects.map((subject) => ({
    subject,
    cells: registry.terms.platforms.map((platform) => ({
      platform,
      entries: registry.terms.actions.map((action) => ({
        action,
        guide: firstOfCell.get(`${subject.slug}|${platform.slug}|${action.slug}`),
      })),
    })),
  }));

  const published = listed.filter((guide) => guide.status === "published");
  const usedBy = <T extends Term>(terms: T[], termsOfGuide: (guide: Guide) => T[]) =>
    terms.filter((term) => published.some((guide) => termsOfGuide(guide).includes(term)));
  const searchFacets: SearchFacet[] = [
    { name: "platform", heading: "Platform", terms: usedBy(registry.terms.platforms, (guide) => [guide.platform]) },
    { name: "action", heading: "Action", terms: usedBy(registry.terms.actions, (guide) => [guide.action]) },
    { name: "subject", heading: "Subject", terms: usedBy(registry.terms.subjects, (guide) => [guide.subject]) },
    { name: "risk", heading: "Risk", terms: usedBy(registry.terms.risks, (guide) => [guide.risk]) },
    { name: "regulation", heading: "Regulation", terms: usedBy(registry.terms.regulations, (guide) => guide.regulation) },
  ];

  const updated = Object.fromEntries(
    listed.map((guide) => [guide.url, guide.reviewed ?? commitDates.get(guide.inputPath) ?? undatedFallback]),
  );
  const lastUpdated = Object.values(updated).reduce((newest, date) => (date > newest ? date : newest), undatedFallback);

  return {
    listed,
    bySubject,
    coverage,
    updated,
    lastUpdated,
    searchFacets: searchFacets.filter((facet) => facet.terms.length > 0),
    termPages: Object.values(termPagesByKind).flat(),
    termPagesByKind,
    termUrls,
    nextSteps,
    includeDrafts,
  };
}
