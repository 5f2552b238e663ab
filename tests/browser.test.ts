// The real site in a real browser: search, copy buttons, the theme toggle, phone widths and
// accessibility, against `guides/` built into a temporary folder and served on 127.0.0.1.
import type { Browser, BrowserContext, ConsoleMessage, Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { runAxe } from "./helpers/axe.ts";
import { launchChromium } from "../src/bench/chromium.ts";
import { serveSite } from "../src/bench/static-server.ts";
import { buildGuides, sharedBuild } from "./helpers/site.ts";

const { guides } = readGuides(readGuideSources(defaultGuidesDir), loadRegistry(), loadSiteSettings());
const published = guides.filter((guide) => guide.status === "published");
const guideWithCommands = published.find((guide) => guide.format === "structured" && guide.steps?.some((step) => step.commands));
const analyticsScript = "https://analytics.example.test/script.js";
const repository = "https://github.com/acme/dspm-guides";

type Server = Awaited<ReturnType<typeof serveSite>>;

let browser: Browser;
let server: Server;
/** The same guides with analytics and a repository configured, served under /docs/ as on a project's GitHub Pages. */
let prefixedServer: Server;

beforeAll(async () => {
  // Chromium starts while the sites build. The sites are built before any test runs, one at a time
  // (each runs the search indexer): a build in this process would hold up the server the pages load from.
  const launched = launchChromium();
  const site = await sharedBuild(defaultGuidesDir);
  const prefixed = await buildGuides(defaultGuidesDir, {
    settings: {
      path_prefix: "/docs/",
      analytics: { provider: "Example Analytics", script_url: analyticsScript },
      repository_url: repository,
      repository_branch: "guides-main",
    },
  });
  server = await serveSite(site.root);
  prefixedServer = await serveSite(prefixed.root, "/docs/");
  browser = await launched;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await prefixedServer?.close();
});

/**
 * One page, in a context of its own, shared by the tests of the block that creates it: each new page
 * costs Chromium a renderer process. The tests that share one only load pages, search and read them; the
 * site keeps nothing of that in storage (only a theme choice and a consent answer, tested on pages of their own).
 */
function sharedPage(options: { width: number; colorScheme: "light" | "dark" }): () => Page {
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.colorScheme });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });
  return () => {
    if (!page) throw new Error("the shared page is opened before the tests");
    return page;
  };
}

/** Runs work on a shared page one piece at a time, in the order asked, whichever test asks. */
function oneAtATime(page: () => Page): (work: (page: Page) => Promise<void>) => Promise<void> {
  let last = Promise.resolve();
  return (work) => {
    const run = last.then(() => work(page()));
    last = run.catch(() => undefined);
    return run;
  };
}

/** The desktop page in light mode the tests share. */
const desktop = sharedPage({ width: 1280, colorScheme: "light" });

async function openPage(url: string): Promise<Page> {
  const page = desktop();
  await page.goto(server.url + url);
  return page;
}

const resultLinks = (page: Page) =>
  page.locator(".search-result__title a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));

describe("search", () => {
  it("finds the Azure secrets guides for “key vault”, narrows by platform, and opens a result", async () => {
    const page = await openPage("/search/");
    await page.getByLabel("Words to look for").fill("key vault");
    const keyVaultGuides = published.filter((guide) => guide.platform.slug === "azure" && guide.subject.slug === "api-keys-secrets-tokens");
    expect(keyVaultGuides.length).toBeGreaterThan(0);
    await expect.poll(() => resultLinks(page)).toEqual(expect.arrayContaining(keyVaultGuides.map((guide) => guide.url)));

    // A fresh page, so the results read are those of this query and not the last one's still on screen.
    await openPage("/search/?q=access+key");
    await expect.poll(async () => new Set((await resultLinks(page)).map((url) => url.replace(/.*-/, ""))).size).toBeGreaterThan(1);
    // Both lists can fill a first page of ten, so the counts compared are the ones the page reports.
    const found = async () => Number(/^(\d+) guides? found/.exec((await page.locator("[data-search-status]").textContent()) ?? "")?.[1]);
    await expect.poll(found).toBeGreaterThan(0);
    const unfiltered = await found();
    await page.getByRole("group", { name: "Platform" }).getByLabel("AWS").check();
    await expect.poll(found).toBeLessThan(unfiltered);
    const filtered = await resultLinks(page);
    expect(filtered.length).toBeGreaterThan(0);
    for (const url of filtered) expect(url).toMatch(/-aws\/$/);
    expect(page.url()).toContain("platform=aws");

    const first = page.locator("[data-search-results] a").first();
    const title = await first.textContent();
    await first.click();
    await expect.poll(() => page.locator("h1").textContent()).toBe(title);
    expect(new URL(page.url()).pathname).toBe(filtered[0]);
  });

  it("finds a guide by a command printed in one of its steps", async () => {
    const guide = published.find((candidate) =>
      candidate.steps?.some((step) => step.commands?.some((command) => command.code.includes("generate-credential-report"))),
    );
    expect(guide, "a guide whose command generates the credential report").toBeDefined();
    const page = await openPage("/search/?q=generate-credential-report");
    await expect.poll(() => resultLinks(page)).toContain(guide!.url);
  });

  it("lists every guide of a facet with no words, downloading only the index and the results shown", async () => {
    const page = desktop();
    const requested: string[] = [];
    const onRequest = (request: Request) => requested.push(new URL(request.url()).pathname);
    page.on("request", onRequest);
    try {
      await page.goto(`${server.url}/search/?platform=gcp`);
      const gcpGuides = published.filter((guide) => guide.platform.slug === "gcp").map((guide) => guide.url);
      expect(gcpGuides.length).toBeGreaterThan(0);
      // Ten results are shown at a time: ask for the rest until every guide of the facet is listed.
      const more = page.getByRole("button", { name: "Show more results" });
      await expect.poll(async () => (await resultLinks(page)).length).toBe(Math.min(10, gcpGuides.length));
      for (let shown = 10; shown < gcpGuides.length; shown += 10) {
        await more.click();
        await expect.poll(async () => (await resultLinks(page)).length).toBe(Math.min(shown + 10, gcpGuides.length));
      }
      await expect.poll(async () => (await resultLinks(page)).sort()).toEqual([...gcpGuides].sort());
      await expect(page.locator("[data-search-status]").textContent()).resolves.toBe(`${gcpGuides.length} guides found`);
      // Each result shows its lead and its action, platform and subject.
      await expect(page.locator(".search-result__facets").first().textContent()).resolves.toMatch(/ · GCP · /);
    } finally {
      page.off("request", onRequest);
    }
    expect(requested).not.toContain("/guides.json");
    const fragments = requested.filter((pathname) => pathname.startsWith("/pagefind/fragment/"));
    expect(new Set(fragments).size).toBeLessThanOrEqual(published.filter((guide) => guide.platform.slug === "gcp").length);
  });

  it("shows ten results at a time and loads the next ten on request", async () => {
    const subject = published[0]!.subject.slug;
    const all = published.filter((guide) => guide.subject.slug === subject).map((guide) => guide.url);
    expect(all.length, "a subject with more than ten guides").toBeGreaterThan(10);
    const page = await openPage(`/search/?subject=${subject}`);
    const more = page.getByRole("button", { name: "Show more results" });
    await expect.poll(async () => (await resultLinks(page)).length).toBe(10);
    await expect(page.locator("[data-search-status]").textContent()).resolves.toBe(`${all.length} guides found`);
    for (let shown = 10; shown < all.length; shown += 10) {
      await more.click();
      await expect.poll(async () => (await resultLinks(page)).length).toBe(Math.min(shown + 10, all.length));
    }
    expect((await resultLinks(page)).sort()).toEqual([...all].sort());
    await expect(more.isVisible()).resolves.toBe(false);
  });

  it("runs the header search from any page", async () => {
    const page = await openPage("/");
    await page.getByRole("search").first().getByRole("searchbox").fill("gitleaks");
    await page.getByRole("search").first().getByRole("button", { name: "Search" }).click();
    await expect.poll(() => resultLinks(page)).not.toEqual([]);
    expect(page.url()).toContain("/search/?q=gitleaks");
  });
});

describe("guide page", () => {
  it("copies exactly the command of each block to the clipboard, with the block's own button", async () => {
    expect(guideWithCommands, "a published guide with commands").toBeDefined();
    if (!guideWithCommands) return;
    const page = await openPage(guideWithCommands.url);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const steps = guideWithCommands.steps ?? [];
    // The step with the most blocks, so a button that copied another block's command would show.
    const index = steps.reduce(
      (most, step, candidate) => ((step.commands?.length ?? 0) > (steps[most]?.commands?.length ?? 0) ? candidate : most),
      0,
    );
    const blocks = steps[index]?.commands ?? [];
    const buttons = page.locator(`#step-${index + 1}`).getByRole("button", { name: /^Copy/ });
    await expect(buttons.count()).resolves.toBe(blocks.length);
    for (const [block, command] of blocks.entries()) {
      await buttons.nth(block).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(command.code);
      await expect(buttons.nth(block).textContent()).resolves.toBe("Copied");
    }
  });

  it("switches the theme and keeps it across a reload", async () => {
    // A page of its own: the choice is kept in the context's storage.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.locator("[data-theme-control]");
    await expect(toggle.textContent()).resolves.toBe("Theme: system");
    await toggle.click();
    await expect(toggle.textContent()).resolves.toBe("Theme: dark");
    expect(await background()).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await background()).not.toBe(light);
    await expect(page.locator("[data-theme-control]").textContent()).resolves.toBe("Theme: dark");
    await context.close();
  });

  it("filters a term page's guide list in place", async () => {
    const page = await openPage("/platforms/aws/");
    const visibleActions = () =>
      page.locator("#term-guides [data-action]:visible").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.action));
    // Before filtering the list shows guides of other actions too, so the filter has something to hide.
    expect(new Set(await visibleActions())).toEqual(new Set(["detect", "prevent", "fix"]));
    const bar = page.locator("[data-filter-bar]");
    await bar.getByRole("button", { name: "Fix" }).click();
    const visible = await visibleActions();
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(["fix"]));
  });
});

describe("at 375 px wide", () => {
  const page = sharedPage({ width: 375, colorScheme: "light" });

  it.each(["/", guideWithCommands?.url ?? "/", "/search/?q=secret"])("%s has no horizontal scroll", async (url) => {
    await page().goto(server.url + url);
    expect(new URL(page().url()).pathname).toBe(url.split("?")[0]);
    const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe("accessibility and privacy", () => {
  const pages = [
    ["home", "/"],
    ["guide", guideWithCommands?.url ?? "/"],
    ["platform", `/platforms/${published[0]?.platform.slug ?? "aws"}/`],
    ["risk", `/risk/${published[0]?.risk.slug ?? "insecure-apis"}/`],
    ["regulation", `/regulation/${published[0]?.regulation[0]?.slug ?? "pci-dss"}/`],
    ["search", "/search/?q=secret"],
    ["not found", "/no-such-page/"],
  ] as const;

  /** Records the Content-Security-Policy violations Chromium reports on the page's console, until stopped. */
  function recordCspViolations(page: Page): { violations: string[]; stop(): void } {
    const violations: string[] = [];
    const listener = (message: ConsoleMessage) => {
      if (message.text().includes("Content Security Policy")) violations.push(message.text());
    };
    page.on("console", listener);
    return { violations, stop: () => page.off("console", listener) };
  }

  it("serves every page under the site's own Content-Security-Policy, whose violations the checks below would see", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    // An inline script breaks the policy: the record must hold it, or an empty one below proves nothing.
    const page = await openPage("/");
    const csp = recordCspViolations(page);
    try {
      await page.evaluate(() => document.body.append(Object.assign(document.createElement("script"), { textContent: "1" })));
      await expect.poll(() => csp.violations.length).toBeGreaterThan(0);
    } finally {
      csp.stop();
    }
  });

  // Light and dark run side by side, each on its page, one page load at a time: most of a case is
  // waiting for the network to settle, and axe keeps one core busy.
  const lanes = { light: oneAtATime(desktop), dark: oneAtATime(sharedPage({ width: 1280, colorScheme: "dark" })) };
  for (const [name, url] of pages) {
    for (const colorScheme of ["light", "dark"] as const) {
      it.concurrent(`${name} page (${url}) has no axe violations in ${colorScheme} mode and requests nothing from elsewhere`, () =>
        lanes[colorScheme](async (page) => {
          const requests: string[] = [];
          const onRequest = (request: Request) => requests.push(request.url());
          page.on("request", onRequest);
          const csp = recordCspViolations(page);
          try {
            await page.goto(server.url + url);
            await page.waitForLoadState("networkidle");
          } finally {
            page.off("request", onRequest);
            csp.stop();
          }
          const axe = await runAxe(page);
          expect(axe.violations).toEqual([]);
          expect(axe.passed, "rules axe checked").toContain("color-contrast");
          // Every page asks for its own resources again, none comes from an earlier page's cache unseen.
          expect(requests).toEqual(expect.arrayContaining([server.url + url, `${server.url}/assets/site.css`]));
          expect(requests.filter((request) => !request.startsWith(server.url) && !request.startsWith("data:"))).toEqual([]);
          expect(csp.violations).toEqual([]);
        }),
      );
    }
  }
});

describe("sharing and contributing", () => {
  const guide = guideWithCommands;

  it("shares a guide with a 1200×630 social card that loads", async () => {
    expect(guide, "a published structured guide").toBeDefined();
    const page = await openPage(guide!.url);
    const meta = (name: string) => page.locator(`meta[property="${name}"], meta[name="${name}"]`).getAttribute("content");
    const image = new URL((await meta("og:image")) ?? "");
    expect(image.pathname).toBe(`/cards${guide!.url.replace(/\/$/, "")}.png`);
    await expect(meta("og:image:width")).resolves.toBe("1200");
    await expect(meta("og:image:height")).resolves.toBe("630");
    await expect(meta("og:image:alt")).resolves.toBe(await page.title());
    await expect(meta("twitter:card")).resolves.toBe("summary_large_image");
    const size = await page.evaluate(async (src) => {
      const picture = new Image();
      picture.src = src;
      await picture.decode();
      return [picture.naturalWidth, picture.naturalHeight];
    }, server.url + image.pathname);
    expect(size).toEqual([1200, 630]);
    const home = await openPage("/");
    expect(new URL((await home.locator('meta[property="og:image"]').getAttribute("content")) ?? "").pathname).toBe("/cards/home.png");
  });

  it("links a published guide's markdown copy, which opens as text", async () => {
    const page = await openPage(guide!.url);
    const link = page.locator('link[rel="alternate"][type="text/markdown"]');
    await expect(link.count()).resolves.toBe(1);
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toBe(`${guide!.url}index.md`);
    const response = await page.goto(server.url + href);
    expect(response?.status()).toBe(200);
    expect((await response?.text())?.startsWith(`# ${guide!.title}\n`)).toBe(true);
  });

  it("offers Edit this page and a pre-filled report when the repository is set, and neither when it is not", async () => {
    const page = desktop();
    await page.goto(`${prefixedServer.url}/docs${guide!.url}`);
    const edit = page.getByRole("link", { name: "Edit this page" });
    await expect(edit.getAttribute("href")).resolves.toBe(`${repository}/edit/guides-main/guides/${guide!.slug}.md`);
    const report = new URL((await page.getByRole("link", { name: "report a problem" }).getAttribute("href")) ?? "");
    expect(`${report.origin}${report.pathname}`).toBe(`${repository}/issues/new`);
    expect(report.searchParams.get("title")).toContain(guide!.title);
    expect(report.searchParams.get("body")).toContain(`File: guides/${guide!.slug}.md`);
    expect(report.searchParams.get("body")).toContain(`/docs${guide!.url}`);

    await openPage(guide!.url);
    await expect(desktop().getByRole("link", { name: "Edit this page" }).count()).resolves.toBe(0);
    await expect(desktop().getByRole("link", { name: "report a problem" }).count()).resolves.toBe(0);
  });
});

describe("analytics consent", () => {
  /** A page whose requests to other hosts are recorded and answered here, so none leaves the machine. */
  async function openWithAnalytics(context: BrowserContext): Promise<{ page: Page; thirdParty: string[] }> {
    const thirdParty: string[] = [];
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      thirdParty.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    });
    const page = await context.newPage();
    await page.goto(`${prefixedServer.url}/docs/`);
    return { page, thirdParty };
  }

  it("loads nothing before the reader answers, nor after declining", async () => {
    const context = await browser.newContext();
    const { page, thirdParty } = await openWithAnalytics(context);
    const banner = page.getByRole("region", { name: /help us improve/i });
    await expect(banner.isVisible()).resolves.toBe(true);
    await page.waitForLoadState("networkidle");
    expect(thirdParty).toEqual([]);
    await banner.getByRole("button", { name: "Decline" }).click();
    await expect(banner.isVisible()).resolves.toBe(false);
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("region", { name: /help us improve/i }).isVisible()).resolves.toBe(false);
    expect(thirdParty).toEqual([]);
    await context.close();
  });

  it("loads the analytics script once the reader accepts", async () => {
    const context = await browser.newContext();
    const { page, thirdParty } = await openWithAnalytics(context);
    await page.getByRole("button", { name: "Accept analytics" }).click();
    await expect.poll(() => thirdParty).toEqual([analyticsScript]);
    await context.close();
  });
});

describe("under a path prefix", () => {
  it("searches and opens results under /docs/", async () => {
    const page = desktop();
    const failed: string[] = [];
    const onResponse = (response: Response) => {
      if (response.status() >= 400) failed.push(response.url());
    };
    page.on("response", onResponse);
    await page.goto(`${prefixedServer.url}/docs/`);
    await page.getByRole("search", { name: "Site search" }).getByRole("searchbox").fill("key vault");
    await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
    await expect.poll(() => resultLinks(page)).not.toEqual([]);
    const links = await resultLinks(page);
    for (const link of links) expect(link).toMatch(/^\/docs\/guides\//);
    await page.locator("[data-search-results] a").first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(links[0]);
    page.off("response", onResponse);
    expect(failed).toEqual([]);
  });
});
