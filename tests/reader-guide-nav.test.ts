// Finding your way on a guide page: the same guide on the other platforms, the table of contents that
// folds on a phone and follows the reader on a wide screen, links to every section and step, and the
// markdown copy. On guides made in memory, the fixture site and the real guides, built and in Chromium.
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../src/bench/chromium.ts";
import { serveSite } from "../src/bench/static-server.ts";
import { otherPlatforms } from "../src/catalog/other-platforms.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { guideUrl, type Guide } from "../src/content/guide.ts";
import type { Status } from "../src/content/schema.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry, type ActionTerm, type TaxonomyKind, type Term } from "../src/taxonomy/registry.ts";
import { runAxe } from "./helpers/axe.ts";
import { brokenLinks, htmlErrors, sharedBuild, sharedFixture, textOf, type BuiltSite } from "./helpers/site.ts";

const registry = loadRegistry();
const platforms = registry.terms.platforms;
const term = <T extends Term>(kind: TaxonomyKind, slug: string) => registry.resolve(kind, slug) as T;

/** A guide as the catalog holds it, with only what other platforms are drawn from set apart from defaults. */
function guide(slug: string, status: Status = "published"): Guide {
  const [action = "", subject = "", platform = "", ...qualifier] = slug.split(" ");
  const name = slug.replace(/ /g, "-");
  return {
    title: name,
    description: "A guide.",
    platform: term("platforms", platform),
    risk: term("risks", "data-exposure"),
    regulation: [],
    difficulty: "beginner",
    status,
    order: 0,
    tags: [],
    inputPath: `/guides/${name}.md`,
    displayPath: `guides/${name}.md`,
    slug: name,
    qualifier: qualifier.join("-"),
    url: guideUrl(name),
    format: "structured",
    pageTitle: name,
    action: term<ActionTerm>("actions", action),
    subject: term("subjects", subject),
    body: "Why.",
    spotlight: false,
  };
}

/** What a reader sees of each other platform: its label, and its link or why there is none. */
const shown = (entries: ReturnType<typeof otherPlatforms>) => entries.map((entry) => [entry.platform.slug, entry.url ?? entry.state]);

describe("the same guide on the other platforms", () => {
  it("links each other platform's published guide and names the rest, in registry order", () => {
    const listed = [
      guide("detect pii aws"),
      guide("detect pii azure"),
      guide("detect pii gcp", "coming-soon"),
      guide("detect pii databricks", "draft"),
      // Another job on Snowflake is not this one.
      guide("prevent pii snowflake"),
      guide("detect api-keys-secrets-tokens snowflake"),
    ];
    expect(shown(otherPlatforms(listed[0]!, listed, platforms))).toEqual([
      ["azure", "/guides/detect-pii-azure/"],
      ["gcp", "coming-soon"],
      ["databricks", "not-written"],
      ["snowflake", "not-written"],
    ]);
    expect(shown(otherPlatforms(listed[1]!, listed, platforms))[0]).toEqual(["aws", "/guides/detect-pii-aws/"]);
  });

  it("offers the plain guide before a qualified one, and a published one before one coming soon", () => {
    const listed = [
      guide("fix pii aws"),
      guide("fix pii azure blob-storage"),
      guide("fix pii azure"),
      guide("fix pii gcp", "coming-soon"),
      guide("fix pii gcp cloud-storage"),
    ];
    expect(shown(otherPlatforms(listed[0]!, listed, platforms)).slice(0, 2)).toEqual([
      ["azure", "/guides/fix-pii-azure/"],
      ["gcp", "/guides/fix-pii-gcp-cloud-storage/"],
    ]);
  });

  it("looks each guide up in one table per list, so a page costs its platforms and not the catalog", () => {
    const listed = [guide("detect pii aws"), guide("detect pii azure")];
    expect(shown(otherPlatforms(listed[0]!, listed, platforms))[0]).toEqual(["azure", "/guides/detect-pii-azure/"]);
    // The table was made from the list as it was on the first call: the same build's list never changes.
    listed.push(guide("detect pii gcp"));
    expect(shown(otherPlatforms(listed[0]!, listed, platforms))[1]).toEqual(["gcp", "not-written"]);
    expect(shown(otherPlatforms(listed[0]!, [...listed], platforms))[1]).toEqual(["gcp", "/guides/detect-pii-gcp/"]);
  });
});

/** The other-platform entries of a built guide page: each label with its link, or the words that say why there is none. */
function otherPlatformsOn(site: BuiltSite, url: string): [string, string][] {
  return site
    .page(url)
    .querySelectorAll(".other-platforms li")
    .map((item) => {
      const link = item.querySelector("a");
      return link
        ? [textOf(link), link.getAttribute("href") ?? ""]
        : [
            textOf(item.querySelector(".other-platform")).replace(/ (not written yet|coming soon)$/, ""),
            textOf(item.querySelector(".other-platform__state")),
          ];
    });
}

describe("a built guide page", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await sharedFixture("site");
  });

  it("shows the four other platforms, linked exactly where a published guide exists", () => {
    const url = "/guides/detect-api-keys-secrets-tokens-aws/";
    expect(textOf(site.page(url).querySelector(".other-platforms__label"))).toBe("Detect API keys, secrets & tokens on other platforms");
    expect(otherPlatformsOn(site, url)).toEqual([
      ["Azure", "/guides/detect-api-keys-secrets-tokens-azure/"],
      ["GCP", "not written yet"],
      ["Databricks", "not written yet"],
      ["Snowflake", "not written yet"],
    ]);
    // A sibling coming soon is named, not linked; a draft sibling is not offered at all.
    expect(otherPlatformsOn(site, "/guides/prevent-exposure-of-api-keys-secrets-tokens-aws/")[0]).toEqual(["Azure", "coming soon"]);
    expect(otherPlatformsOn(site, "/guides/detect-pii-aws/")[1]).toEqual(["GCP", "not written yet"]);
    // A coming-soon guide points to the platforms where the job is written.
    expect(otherPlatformsOn(site, "/guides/fix-exposure-of-api-keys-secrets-tokens-aws/")[0]).toEqual([
      "Azure",
      "/guides/fix-exposure-of-api-keys-secrets-tokens-azure/",
    ]);
  });

  it("links every section heading and step to itself, keeping their ids", () => {
    const page = site.page("/guides/detect-api-keys-secrets-tokens-aws/");
    const sections = page.querySelectorAll(".toc > details > ol > li > a").map((link) => link.getAttribute("href") ?? "");
    expect(sections).toEqual(expect.arrayContaining(["#why-it-matters", "#steps", "#references", "#next-steps"]));
    for (const target of sections) {
      const heading = page.querySelector(target);
      expect(heading?.tagName, target).toBe("H2");
      const link = heading?.parentNode?.querySelector(".anchor-link");
      expect(link?.getAttribute("href"), target).toBe(target);
      expect(textOf(link?.querySelector(".visually-hidden")), target).toBe(`Link to this section: ${textOf(heading)}`);
    }
    const steps = page.querySelectorAll("li.step");
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(page.querySelectorAll(".toc ol ol a")).toHaveLength(steps.length);
    steps.forEach((step, index) => {
      expect(step.id).toBe(`step-${index + 1}`);
      const link = step.querySelector(".anchored-heading .anchor-link");
      expect(link?.getAttribute("href")).toBe(`#step-${index + 1}`);
      expect(textOf(link?.querySelector(".visually-hidden"))).toBe(
        `Link to step ${index + 1}: ${textOf(step.querySelector(".step__title"))}`,
      );
    });
  });

  it("links the markdown copy from the guide's header, and only where one is published", () => {
    const url = "/guides/detect-api-keys-secrets-tokens-aws/";
    const link = site.page(url).querySelector(".guide-header a[type='text/markdown']");
    expect(textOf(link)).toBe("Markdown copy of this guide");
    expect(link?.getAttribute("href")).toBe(
      site.page(url).querySelector("link[rel='alternate'][type='text/markdown']")?.getAttribute("href"),
    );
    expect(site.html(link?.getAttribute("href") ?? "")).toMatch(/^# /);
    expect(
      site.page("/guides/fix-exposure-of-api-keys-secrets-tokens-aws/").querySelector(".guide-header a[type='text/markdown']"),
    ).toBeNull();
  });

  it("folds the table of contents in the page itself, so it stays folded without JavaScript", () => {
    const contents = site.page("/guides/detect-api-keys-secrets-tokens-aws/").querySelector(".toc details");
    expect(contents?.hasAttribute("open")).toBe(false);
    expect(textOf(contents?.querySelector("summary"))).toBe("On this page");
  });

  it("keeps every link resolving and the HTML valid", async () => {
    const guides = site.urls().filter((url) => url.startsWith("/guides/"));
    expect(brokenLinks(site, "/", guides)).toEqual([]);
    expect((await htmlErrors(site)).filter((error) => error.startsWith("/guides/"))).toEqual([]);
  });
});

describe("the real guides", () => {
  let real: BuiltSite;
  beforeAll(async () => {
    real = await sharedBuild(defaultGuidesDir);
  });

  it("links the real detect-pii-aws guide to the other platforms' published PII detection guides", () => {
    const { guides } = readGuides(readGuideSources(defaultGuidesDir), registry, loadSiteSettings());
    const expected = platforms
      .filter((platform) => platform.slug !== "aws")
      .map((platform): [string, string] => {
        const sibling = guides.find((other) => other.slug === `detect-pii-${platform.slug}`);
        if (sibling?.status === "published") return [platform.label, sibling.url];
        return [platform.label, sibling?.status === "coming-soon" ? "coming soon" : "not written yet"];
      });
    expect(expected.filter(([, target]) => target.startsWith("/")).length, "published siblings").toBeGreaterThanOrEqual(2);
    expect(otherPlatformsOn(real, "/guides/detect-pii-aws/")).toEqual(expected);
    expect(brokenLinks(real, "/", ["/guides/detect-pii-aws/"])).toEqual([]);
  });
});

describe("a guide page in Chromium", () => {
  const url = "/guides/detect-api-keys-secrets-tokens-aws/";
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveSite>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const launched = launchChromium();
    server = await serveSite((await sharedFixture("site")).root);
    browser = await launched;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, options: { colorScheme?: "light" | "dark"; javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 812 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url + url);
    await page.waitForLoadState("networkidle");
    return page;
  }

  const contentsHeight = (page: Page) => page.locator(".toc").evaluate((toc) => toc.getBoundingClientRect().height);

  it("folds the table of contents on a phone, and opens it on a tap, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open(375, { javaScriptEnabled });
      const firstStep = page.locator(".toc").getByRole("link", { name: "List the keys of a user" });
      await expect(firstStep.isVisible()).resolves.toBe(false);
      expect(await contentsHeight(page)).toBeLessThan(80);
      await page.locator(".toc summary").click();
      await expect(firstStep.isVisible()).resolves.toBe(true);
      expect(await contentsHeight(page)).toBeGreaterThan(300);
      await firstStep.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#step-1");
    }
  });

  it("keeps the contents open beside the guide on a wide screen, marking the section being read", async () => {
    const page = await open(1280);
    const marked = () =>
      page.locator('.toc a[aria-current="location"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    await expect(page.locator(".toc details").evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(true);
    const [toc, article] = await Promise.all([page.locator(".toc").boundingBox(), page.locator(".guide-header").boundingBox()]);
    expect(toc!.x).toBeGreaterThan(article!.x + article!.width);
    await expect.poll(marked).toEqual([]);
    await page.locator("#step-3").evaluate((step) => step.scrollIntoView({ block: "start" }));
    await expect.poll(marked).toEqual(["#step-3"]);
    await page.locator("#architecture").evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await expect.poll(marked).toEqual(["#architecture"]);
    // The last sections are too short to reach the top: at the page's end, the last one in view is marked.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(marked).toEqual(["#next-steps"]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(marked).toEqual([]);
  });

  it("gives each step and section heading a self-link that shows on focus, is big enough to tap, and lands on it", async () => {
    const page = await open(1280);
    for (const target of ["#step-3", "#prerequisites"]) {
      const link = page.locator(`.anchor-link[href="${target}"]`);
      const opacity = () => link.evaluate((element) => getComputedStyle(element).opacity);
      await expect(opacity()).resolves.toBe("0");
      await link.focus();
      await expect.poll(opacity).toBe("1");
      const box = await link.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(24);
      expect(box!.height).toBeGreaterThanOrEqual(24);
      await link.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(target);
      const top = await page.locator(target).evaluate((element) => element.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(40);
    }
    // Where nothing hovers, a phone shows the links all the time.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    contexts.push(phone);
    const touch = await phone.newPage();
    await touch.goto(server.url + url);
    await expect(touch.locator('.anchor-link[href="#step-3"]').evaluate((element) => getComputedStyle(element).opacity)).resolves.toBe("1");
  });

  it("opens the markdown copy from its visible link", async () => {
    const page = await open(375);
    const link = page.getByRole("link", { name: "Markdown copy of this guide" });
    await expect(link.isVisible()).resolves.toBe(true);
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    const response = await page.request.get(new URL((await link.getAttribute("href")) ?? "", page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/markdown");
    expect(await response.text()).toContain(`# ${await page.locator("h1").textContent()}`);
  });

  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`has no axe violation or policy violation at ${width} px in ${colorScheme} mode, contents open`, async () => {
        const violations: string[] = [];
        const context = await browser.newContext({ viewport: { width, height: 812 }, colorScheme });
        contexts.push(context);
        const page = await context.newPage();
        page.on("console", (message: ConsoleMessage) => {
          if (message.text().includes("Content Security Policy")) violations.push(message.text());
        });
        await page.goto(server.url + url);
        await page.waitForLoadState("networkidle");
        await page.locator(".toc details").evaluate((details) => ((details as HTMLDetailsElement).open = true));
        await page.locator(".anchored-heading").first().hover();
        const axe = await runAxe(page);
        expect(axe.violations).toEqual([]);
        expect(violations).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }
});
