// Listing pages stay small however many guides there are: a term's guides are split into pages, the home
// page lists the first guides of each subject, and feeds carry the newest. Built from generated guides with
// a small page size, so a few dozen guides make several pages.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateGuides } from "../src/bench/generate.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { brokenLinks, buildGuides, htmlErrors, temporaryFolder, textOf, type BuiltSite } from "./helpers/site.ts";

const perPage = 7;
const registry = loadRegistry();
const input = path.join(temporaryFolder("listing"), "guides");
generateGuides(registry, input, 30);
const { guides } = readGuides(readGuideSources(input), registry, loadSiteSettings(undefined, { guides_per_page: perPage }));
const withPages = guides.filter((guide) => guide.status !== "draft");

let site: BuiltSite;
beforeAll(async () => {
  site = await buildGuides(input, { settings: { guides_per_page: perPage } });
});

/** The guide pages a listing page links to, in the order it lists them. */
const listedOn = (url: string) =>
  site
    .page(url)
    .querySelectorAll("main .guide-card__title a")
    .map((link) => link.getAttribute("href") ?? "");

const listingUrls = () => site.urls().filter((url) => /^\/(platforms|risk|regulation|actions)\//.test(url));

describe("a term with more guides than a page holds", () => {
  // Actions are the kind with fewest terms, so the generated guides give each of them several pages.
  const actionOf = (slug: string) => withPages.filter((guide) => guide.action.slug === slug).map((guide) => guide.url);
  const busiest = [...new Set(withPages.map((guide) => guide.action.slug))].sort((a, b) => actionOf(b).length - actionOf(a).length)[0]!;
  const expected = actionOf(busiest);
  const pageCount = Math.ceil(expected.length / perPage);

  it("lists them over numbered pages, the first at the term's own URL", () => {
    expect(pageCount).toBeGreaterThan(2);
    const pages = Array.from({ length: pageCount }, (_, index) =>
      index === 0 ? `/actions/${busiest}/` : `/actions/${busiest}/page/${index + 1}/`,
    );
    const listed = pages.map(listedOn);
    for (const share of listed) expect(share.length).toBeLessThanOrEqual(perPage);
    expect(listed.flat().sort()).toEqual([...expected].sort());
    expect(site.has(`/actions/${busiest}/page/${pageCount + 1}/`)).toBe(false);
    expect(site.has(`/actions/${busiest}/page/1/`)).toBe(false);

    const second = site.page(pages[1]!);
    const links = second.querySelectorAll(".pagination a");
    expect(links.map(textOf)).toEqual(["Previous", ...pages.map((_, index) => String(index + 1)), "Next"]);
    expect(second.querySelector('.pagination a[aria-current="page"]')?.getAttribute("href")).toBe(pages[1]);
    expect(second.querySelector('.pagination a[rel="prev"]')?.getAttribute("href")).toBe(pages[0]);
    expect(second.querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe(pages[2]);
    expect(textOf(second.querySelector(".term-header__range"))).toBe(
      `Guides ${perPage + 1}–${Math.min(2 * perPage, expected.length)} of ${expected.length}, page 2 of ${pageCount}. Search within these guides`,
    );
    expect(second.querySelector(".term-header__range a")?.getAttribute("href")).toBe(`/search/?action=${busiest}`);
    // The in-page filters would only filter one page: they are left out.
    expect(second.querySelector("[data-filter-bar]")).toBeNull();
    // Each page is its own canonical page, with the term's card.
    expect(second.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(new RegExp(`/actions/${busiest}/page/2/$`));
    expect(second.querySelector('meta[property="og:image"]')?.getAttribute("content")).toMatch(
      new RegExp(`/cards/actions/${busiest}\\.png$`),
    );
    expect(site.html("/sitemap.xml")).toContain(`/actions/${busiest}/page/2/</loc>`);
  });
});

describe("every listing page", () => {
  it("reaches every guide with a page through the platform pages' links", () => {
    const reached = listingUrls()
      .filter((url) => url.startsWith("/platforms/"))
      .flatMap(listedOn);
    expect(reached.sort()).toEqual(withPages.map((guide) => guide.url).sort());
  });

  it("is valid HTML whose links all resolve", async () => {
    const urls = ["/", ...listingUrls()];
    expect(brokenLinks(site, "/", urls)).toEqual([]);
    const errors = await htmlErrors(site);
    expect(errors.filter((error) => urls.some((url) => error.startsWith(`${url} `)))).toEqual([]);
  });
});

describe("the home page", () => {
  it("lists the first 8 guides of each subject and links to the rest", () => {
    const home = site.page("/");
    const sections = home.querySelectorAll(".library__subject");
    expect(sections.length).toBeGreaterThan(0);
    let truncated = 0;
    for (const section of sections) {
      const subject = textOf(section.querySelector("h3"));
      const all = withPages.filter((guide) => guide.subject.label === subject);
      const links = section.querySelectorAll(".guide-link a");
      expect(links.length, subject).toBe(Math.min(8, all.length));
      const more = section.querySelector(".library__more a");
      if (all.length > 8) {
        truncated++;
        expect(textOf(more)).toBe(`All ${all.length} ${subject} guides`);
        expect(more?.getAttribute("href")).toBe(`/search/?subject=${all[0]!.subject.slug}`);
      } else expect(more).toBeNull();
    }
    expect(truncated).toBeGreaterThan(0);
    // Filtering in place would hide guides the page does not list; the filters stay links to the term pages.
    expect(home.querySelector("[data-filter-bar]")).toBeNull();
    expect(home.querySelector('.filters a[href="/actions/detect/"]')).not.toBeNull();
  });
});

describe("the feeds", () => {
  it("carry the 50 newest guides each", () => {
    const published = withPages.filter((guide) => guide.status === "published");
    expect(published.length).toBeGreaterThan(50);
    const entries = [...site.html("/feed.xml").matchAll(/<entry>/g)];
    expect(entries).toHaveLength(50);
  });
});
