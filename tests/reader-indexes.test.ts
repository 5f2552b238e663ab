// Finding your way on regulation pages and through the indexes: the crosswalk linked from the top of a
// regulation's page with an article's parts under it, and /platforms/, /regulation/, /risk/, /actions/ and
// /guides/ answering, in the header, complete, and small however many guides there are.
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { generateGuides } from "../src/bench/generate.ts";
import { pageWeightKb } from "../src/bench/pages.ts";
import { controlAnchor, controlGroupId, controlGroupsOf, type ControlEntry } from "../src/catalog/crosswalk.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry, pagedKinds, type PagedKind } from "../src/taxonomy/registry.ts";
import { runAxe } from "./helpers/axe.ts";
import { brokenLinks, buildGuides, sharedBuild, temporaryFolder, textOf, type BuiltSite } from "./helpers/site.ts";
import { realSiteInChromium } from "./helpers/chromium.ts";

const registry = loadRegistry();
const { guides } = readGuides(readGuideSources(defaultGuidesDir), registry, loadSiteSettings());
/** What the production build lists: everything but drafts. */
const listed = guides.filter((guide) => guide.status !== "draft");
const indexUrls = (Object.keys(pagedKinds) as PagedKind[]).map((kind) => `/${pagedKinds[kind].folder}/`);

const entry = (id: string): ControlEntry => ({ id, anchor: controlAnchor(id), summary: `What ${id} asks.`, guides: [], count: 1 });

describe("an article's or requirement's parts", () => {
  it("belong to the whole before their first parenthesis, or to their first two dotted numbers", () => {
    expect(
      Object.fromEntries(
        [
          "Art. 33(5)",
          "Art. 33(1)",
          "Art. 28(3)(a)",
          "Art. 33",
          "3.5.1",
          "3.5.1.1",
          "10.2.1.1",
          "3.5",
          "8.31",
          "164.312(a)(2)(iv)",
          "164.312(b)",
          "164.402",
          "17a-4(f)(2)(i)",
          "IA-5(7)",
          "AC-3",
          "CC6.1",
          "Cal. Civ. Code §1798.100(e)",
          "Cal. Civ. Code §1798.150",
        ].map((id) => [id, controlGroupId(id)]),
      ),
    ).toEqual({
      "Art. 33(5)": "Art. 33",
      "Art. 33(1)": "Art. 33",
      "Art. 28(3)(a)": "Art. 28",
      "Art. 33": "Art. 33",
      "3.5.1": "3.5",
      "3.5.1.1": "3.5",
      "10.2.1.1": "10.2",
      "3.5": "3.5",
      "8.31": "8.31",
      "164.312(a)(2)(iv)": "164.312",
      "164.312(b)": "164.312",
      "164.402": "164.402",
      "17a-4(f)(2)(i)": "17a-4",
      "IA-5(7)": "IA-5",
      "AC-3": "AC-3",
      "CC6.1": "CC6.1",
      "Cal. Civ. Code §1798.100(e)": "Cal. Civ. Code §1798.100",
      "Cal. Civ. Code §1798.150": "Cal. Civ. Code §1798.150",
    });
  });

  it("are grouped under it in natural order, the whole's anchor apart from each part's", () => {
    const groups = controlGroupsOf(["3.10.1", "3.5.1.1", "3.5.1", "Art. 33(5)", "Art. 33", "Art. 33(1)", "12.5.2"].map(entry));
    expect(groups.map((group) => [group.id, group.anchor, group.control?.id, group.parts.map((part) => part.anchor)])).toEqual([
      ["3.5", "control-3-5", undefined, ["control-3-5-1", "control-3-5-1-1"]],
      ["3.10", "control-3-10", undefined, ["control-3-10-1"]],
      ["12.5", "control-12-5", undefined, ["control-12-5-2"]],
      ["Art. 33", "control-art-33", "Art. 33", ["control-art-33-1", "control-art-33-5"]],
    ]);
    const anchors = groups.flatMap((group) => [group.anchor, ...group.parts.map((part) => part.anchor)]);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe("the real site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await sharedBuild(defaultGuidesDir);
  });

  /** The ids of a group's parts, checked to be nested in the group's own entry. */
  const partsOf = (url: string, anchor: string) =>
    site
      .page(url)
      .querySelector(`#${anchor}`)
      ?.querySelectorAll(".crosswalk__parts > li")
      .map((part) => part.id);

  it("links a regulation page's crosswalk from the top, and nests each article's or requirement's parts", () => {
    const gdpr = site.page("/regulation/gdpr/");
    const link = gdpr.querySelector(".term-header .term-header__crosswalk a");
    expect(textOf(link)).toBe("Controls crosswalk");
    expect(link?.getAttribute("href")).toBe("/regulation/gdpr/#controls");
    expect(partsOf("/regulation/gdpr/", "control-art-33")).toEqual(expect.arrayContaining(["control-art-33-1", "control-art-33-5"]));
    expect(textOf(gdpr.querySelector("#control-art-33 > h3"))).toBe("GDPR Art. 33");
    expect(textOf(gdpr.querySelector("#control-art-33-5 > h4"))).toBe("GDPR Art. 33(5)");
    expect(partsOf("/regulation/pci-dss/", "control-3-5")).toEqual(["control-3-5-1", "control-3-5-1-1"]);
    expect(partsOf("/regulation/hipaa/", "control-164-312")).toEqual(
      expect.arrayContaining(["control-164-312-a-2-iv", "control-164-312-b"]),
    );
    expect(partsOf("/regulation/sec-17a-4/", "control-17a-4")).toEqual(expect.arrayContaining(["control-17a-4-f-2-i"]));
    for (const url of ["/regulation/gdpr/", "/regulation/pci-dss/", "/regulation/hipaa/"]) {
      const ids = site
        .page(url)
        .querySelectorAll("[id]")
        .map((element) => element.id);
      expect(ids.length, url).toBe(new Set(ids).size);
    }
    // A platform's page has no crosswalk, so nothing to link to.
    expect(site.page("/platforms/aws/").querySelector(".term-header__crosswalk")).toBeNull();
  });

  it("answers each index with every term of its kind, its description and guide count, linked to its page", () => {
    for (const kind of Object.keys(pagedKinds) as PagedKind[]) {
      const url = `/${pagedKinds[kind].folder}/`;
      const entries = site.page(url).querySelectorAll(".term-index__entry");
      expect(
        entries.map((element) => textOf(element.querySelector(".term-index__name"))),
        url,
      ).toEqual(registry.terms[kind].map((term) => term.label));
      registry.terms[kind].forEach((term, index) => {
        const element = entries[index]!;
        const count = listed.filter((guide) =>
          (kind === "regulations"
            ? guide.regulation
            : [{ actions: guide.action, platforms: guide.platform, risks: guide.risk }[kind]]
          ).includes(term),
        ).length;
        expect(textOf(element.querySelector(".term-index__description"))).toBe(term.description);
        expect(textOf(element.querySelector(".term-index__count")), term.slug).toBe(
          count === 0 ? "No guides yet" : `${count} guide${count === 1 ? "" : "s"}`,
        );
        expect(element.querySelector("a")?.getAttribute("href") ?? null).toBe(count === 0 ? null : `${url}${term.slug}/`);
      });
    }
  });

  it("lists every guide of the build across the pages of /guides/", () => {
    const pages = site.urls().filter((url) => url === "/guides/" || url.startsWith("/guides/page/"));
    expect(pages.length).toBeGreaterThan(1);
    const reached = pages.flatMap((url) =>
      site
        .page(url)
        .querySelectorAll("main .guide-card__title a")
        .map((link) => link.getAttribute("href")),
    );
    expect(reached.sort()).toEqual(listed.map((guide) => guide.url).sort());
    expect(site.page("/guides/page/2/").querySelector('.pagination a[rel="prev"]')?.getAttribute("href")).toBe("/guides/");
  });

  // html-validate reads these pages with every other page of this site in tests/guides.test.ts.
  it("links the header to the indexes, whose pages' links all resolve", () => {
    for (const url of ["/", "/guides/", listed[0]!.url, "/regulation/gdpr/", "/search/"]) {
      expect(
        site
          .page(url)
          .querySelectorAll(".site-header__nav a")
          .map((link) => link.getAttribute("href")),
        url,
      ).toEqual(["/guides/", "/platforms/", "/regulation/", "/risk/"]);
    }
    const urls = [...indexUrls, ...site.urls().filter((url) => url === "/guides/" || url.startsWith("/guides/page/")), "/regulation/gdpr/"];
    expect(brokenLinks(site, "/", urls)).toEqual([]);
  });
});

describe("in Chromium", () => {
  const chromium = realSiteInChromium();

  const withPage = async (width: number, colorScheme: "light" | "dark", work: (page: Page) => Promise<void>) => {
    const context = await chromium.browser.newContext({ viewport: { width, height: 812 }, colorScheme });
    try {
      await work(await context.newPage());
    } finally {
      await context.close();
    }
  };
  const top = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);

  for (const width of [375, 1280]) {
    it(`takes a reader from the top of a regulation's page to its crosswalk, and to an article and its parts, at ${width} px`, async () => {
      await withPage(width, "light", async (page) => {
        await page.goto(`${chromium.url}/regulation/gdpr/`);
        const link = page.getByRole("link", { name: "Controls crosswalk" });
        // On the first screen, far above the crosswalk it leads to.
        const linkTop = await top(page, ".term-header__crosswalk a");
        expect(linkTop).toBeLessThan(812);
        expect(await top(page, "#controls")).toBeGreaterThan(812);
        expect((await link.boundingBox())?.height).toBeGreaterThanOrEqual(24);
        await link.click();
        await expect.poll(() => top(page, "#controls")).toBeLessThan(10);
        expect(new URL(page.url()).hash).toBe("#controls");

        for (const [anchor, whole] of [
          ["control-art-33", "control-art-33"],
          ["control-art-33-1", "control-art-33"],
          ["control-art-33-5", "control-art-33"],
        ]) {
          await page.goto(`${chromium.url}/regulation/gdpr/#${anchor}`);
          await expect.poll(() => page.locator(":target").getAttribute("id")).toBe(anchor);
          // In view: at the top, or wholly on the last screen when the page ends before it can scroll that far.
          const box = await page.locator(":target").evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
          expect(box.top, anchor).toBeGreaterThanOrEqual(-1);
          expect(box.top < 100 || box.bottom <= 812, anchor).toBe(true);
          // The part is inside its article's entry: what a reader looking up Art. 33 sees.
          expect(
            await page.locator(":target").evaluate((element) => element.parentElement?.closest(".crosswalk__control")?.id ?? element.id),
          ).toBe(whole);
        }

        await page.goto(`${chromium.url}/regulation/pci-dss/#control-3-5`);
        const parts = await page.locator("#control-3-5 .crosswalk__part h4").allTextContents();
        expect(parts.map((text) => text.trim())).toEqual(["PCI-DSS 3.5.1", "PCI-DSS 3.5.1.1"]);
        expect(await top(page, "#control-3-5")).toBeLessThan(100);
      });
    });

    it(`opens each index from the header at ${width} px, without horizontal scroll`, async () => {
      await withPage(width, "light", async (page) => {
        await page.goto(`${chromium.url}/`);
        for (const [name, url] of [
          ["Guides", "/guides/"],
          ["Platforms", "/platforms/"],
          ["Regulations", "/regulation/"],
          ["Risks", "/risk/"],
        ] as const) {
          const response = page.waitForResponse((answer) => new URL(answer.url()).pathname === url);
          await page.locator(".site-header__nav").getByRole("link", { name, exact: true }).click();
          expect((await response).status(), url).toBe(200);
          expect(new URL(page.url()).pathname).toBe(url);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        }
        const actions = await page.goto(`${chromium.url}/actions/`);
        expect(actions?.status()).toBe(200);
        await page.getByRole("navigation", { name: "Indexes" }).getByRole("link", { name: "All guides" }).click();
        expect(new URL(page.url()).pathname).toBe("/guides/");
      });
    });
  }

  it("finds no accessibility violation on the indexes and a regulation's crosswalk, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await withPage(1280, colorScheme, async (page) => {
        for (const url of [...indexUrls, "/guides/", "/regulation/gdpr/#control-art-33-1"]) {
          await page.goto(chromium.url + url);
          const axe = await runAxe(page);
          expect(axe.violations, `${url} ${colorScheme}`).toEqual([]);
          expect(axe.passed).toContain("color-contrast");
        }
      });
    }
  });
});

// Scale is weighed by `npm run bench` (every listing page at 8,000 and 20,000 guides); here enough guides
// to cut /guides/ into several pages prove the indexes and pages are bounded by the page size.
describe("with hundreds of guides", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const input = path.join(temporaryFolder("indexes-many"), "guides");
    generateGuides(registry, input, 150);
    site = await buildGuides(input);
  }, 600_000);

  it("keeps every index and every page of /guides/ within 100 KB, stylesheets and scripts included", () => {
    const pages = site.urls().filter((url) => indexUrls.includes(url) || url === "/guides/" || url.startsWith("/guides/page/"));
    const weights = pages.map((url) => ({ url, kb: pageWeightKb(site.root, site.fileFor(url).slice(site.root.length + 1)) }));
    const heaviest = weights.sort((a, b) => b.kb - a.kb)[0]!;
    expect(heaviest.kb, heaviest.url).toBeLessThan(100);
    // 300 guides at 50 a page: /guides/ holds them over 6 pages.
    expect(pages.length).toBeGreaterThan(indexUrls.length + 5);
    // The regulation pages carry the crosswalk on their first page: bounded by the controls, not the guides.
    for (const url of site.urls().filter((entry) => /^\/regulation\/[^/]+\/$/.test(entry))) {
      expect(pageWeightKb(site.root, site.fileFor(url).slice(site.root.length + 1)), url).toBeLessThan(100);
    }
  });
});
