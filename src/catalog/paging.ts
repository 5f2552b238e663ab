/** Where a listing page sits among the pages its list is cut into. */
export interface Pagination {
  /** This page's number, from 1. */
  number: number;
  /** Every page of the list, in order. */
  pages: { number: number; url: string }[];
  /** The pages this page links to, in order (pageLinksFrom): a bounded number however many pages there are. */
  links: { number: number; url: string }[];
  /** The positions of this page's first and last item in the whole list, from 1. */
  first: number;
  last: number;
}

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

/**
 * A list cut into pages of at most `perPage` items, in its order, each with its share and its place; an
 * empty list still makes one page. Each share is a slice, so a page costs its own items, not the list's.
 */
export function paginate<T>(items: T[], perPage: number, urlOf: (number: number) => string): { share: T[]; pagination: Pagination }[] {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const pages = Array.from({ length: pageCount }, (_, index) => ({ number: index + 1, url: urlOf(index + 1) }));
  return pages.map(({ number }) => {
    const start = (number - 1) * perPage;
    const share = items.slice(start, start + perPage);
    return {
      share,
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
