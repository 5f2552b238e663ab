import type { Guide } from "../content/guide.ts";
import { pagedKinds, type PagedKind, type TaxonomyRegistry, type Term } from "../taxonomy/registry.ts";
import type { SubjectSection, TermPage } from "./catalog.ts";
import { paginate, type Pagination } from "./paging.ts";

/** The index of one paged kind, at the folder its term pages sit in: /platforms/ above /platforms/aws/. */
export interface TermIndex {
  kind: PagedKind;
  url: string;
  heading: string;
  intro: string;
  /** Every term of the registry in its order, with its page when a listed guide uses it. */
  entries: { term: Term; count: number; url?: string }[];
}

/** One written page of /guides/: this page's share of the listed guides, under their subjects. */
export interface GuideListing {
  url: string;
  sections: SubjectSection[];
  /** How many guides are listed in all. */
  count: number;
  pagination: Pagination;
}

const indexText: Record<PagedKind, { heading: string; intro: string }> = {
  platforms: {
    heading: "Platforms",
    intro: "The cloud and data platforms the guides cover, each with its guides to detect, prevent and fix.",
  },
  regulations: {
    heading: "Regulations",
    intro: "The regulations and standards the guides help you meet; each page ends with the controls its guides support.",
  },
  risks: { heading: "Risks", intro: "The ways sensitive data gets exposed, each with the guides that reduce it." },
  actions: { heading: "Actions", intro: "The three jobs a guide does: find what is exposed, stop it happening, or repair it." },
};

/** The header's order: where a reader starts (the platform they run, the rule they answer to), then the rest. */
const indexOrder: PagedKind[] = ["platforms", "regulations", "risks", "actions"];

/** The URL of a kind's index: the folder its term pages share. */
export const termIndexUrl = (kind: PagedKind) => `/${pagedKinds[kind].folder}/`;

/**
 * An index for each paged kind listing every term of the registry, so a URL a reader trims from
 * /platforms/aws/ answers. A term no listed guide uses yet has no page: it is named, unlinked.
 */
export function termIndexesOf(termPagesByKind: Record<PagedKind, TermPage[]>, registry: TaxonomyRegistry): TermIndex[] {
  return indexOrder.map((kind) => {
    const pageOf = new Map(termPagesByKind[kind].map((termPage) => [termPage.term, termPage]));
    return {
      kind,
      url: termIndexUrl(kind),
      ...indexText[kind],
      entries: registry.terms[kind].map((term: Term) => {
        const termPage = pageOf.get(term);
        return { term, count: termPage?.count ?? 0, url: termPage?.url };
      }),
    };
  });
}

/** The URL of page `number` of /guides/. */
export const guideListingUrl = (number: number) => (number === 1 ? "/guides/" : `/guides/page/${number}/`);

/** /guides/ cut into pages of at most `perPage` guides, in the home page's order: by subject, then platform, then reading order. */
export function guideListingsOf(bySubject: SubjectSection[], perPage: number): GuideListing[] {
  const inOrder: Guide[] = bySubject.flatMap((section) => section.guides);
  return paginate(inOrder, perPage, guideListingUrl).map(({ share, pagination }) => ({
    url: guideListingUrl(pagination.number),
    sections: bySubject
      .map((section) => ({ subject: section.subject, guides: share.filter((guide) => guide.subject === section.subject) }))
      .filter((section) => section.guides.length > 0),
    count: inOrder.length,
    pagination,
  }));
}
