// The real site in a real browser: search, copy buttons, the theme toggle, phone widths and
// accessibility, against `guides/` built into a temporary folder and served on 127.0.0.1.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build.ts";
import { readGuides } from "../src/content/guide.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { launchChromium } from "./helpers/browser.ts";
import { serveSite } from "./helpers/serve.ts";

const screenshotDir = path.resolve("test-results", "browser");
const { guides } = readGuides(readGuideSources(defaultGuidesDir), loadRegistry(), loadSiteSettings());
const published = guides.filter((guide) => guide.status === "published");
const guideWithCommands = published.find((guide) => guide.format === "structured" && guide.steps?.some((step) => step.command));

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const output = path.join(mkdtempSync(path.join(tmpdir(), "dspm-browser-")), "site");
  await buildSite({ input: defaultGuidesDir, output });
  server = await serveSite(output);
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(
  url: string,
  options: { width?: number; colorScheme?: "light" | "dark" } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  await page.goto(server.url + url);
  return { context, page };
}

const resultLinks = (page: Page) =>
  page.locator("[data-search-results] a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));

describe("search", () => {
  it("finds the Azure secrets guides for “key vault”, narrows by platform, and opens a result", async () => {
    const { context, page } = await openPage("/search/");
    await page.getByLabel("Words to look for").fill("key vault");
    const keyVaultGuides = published.filter((guide) => guide.platform.slug === "azure" && guide.subject.slug === "api-keys-secrets-tokens");
    expect(keyVaultGuides.length).toBeGreaterThan(0);
    await expect.poll(() => resultLinks(page)).toEqual(expect.arrayContaining(keyVaultGuides.map((guide) => guide.url)));

    await page.getByLabel("Words to look for").fill("access key");
    await expect.poll(async () => new Set((await resultLinks(page)).map((url) => url.replace(/.*-/, ""))).size).toBeGreaterThan(1);
    const unfiltered = (await resultLinks(page)).length;
    await page.getByRole("group", { name: "Platform" }).getByLabel("AWS").check();
    await expect.poll(async () => (await resultLinks(page)).length).toBeLessThan(unfiltered);
    const filtered = await resultLinks(page);
    expect(filtered.length).toBeGreaterThan(0);
    for (const url of filtered) expect(url).toMatch(/-aws\/$/);
    expect(page.url()).toContain("platform=aws");

    const first = page.locator("[data-search-results] a").first();
    const title = await first.textContent();
    await first.click();
    await expect.poll(() => page.locator("h1").textContent()).toBe(title);
    expect(new URL(page.url()).pathname).toBe(filtered[0]);
    await context.close();
  });

  it("runs the header search from any page", async () => {
    const { context, page } = await openPage("/");
    await page.getByRole("search").first().getByRole("searchbox").fill("gitleaks");
    await page.getByRole("search").first().getByRole("button", { name: "Search" }).click();
    await expect.poll(() => resultLinks(page)).not.toEqual([]);
    expect(page.url()).toContain("/search/?q=gitleaks");
    await context.close();
  });
});

describe("guide page", () => {
  it("copies exactly the command to the clipboard", async () => {
    expect(guideWithCommands, "a published guide with commands").toBeDefined();
    if (!guideWithCommands) return;
    const { context, page } = await openPage(guideWithCommands.url);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const steps = guideWithCommands.steps ?? [];
    const index = steps.findIndex((step) => step.command);
    await page
      .locator(`#step-${index + 1}`)
      .getByRole("button", { name: /^Copy/ })
      .click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(steps[index]?.command?.code);
    await expect(page.locator(`#step-${index + 1} .copy-button`).textContent()).resolves.toBe("Copied");
    await context.close();
  });

  it("switches the theme and keeps it across a reload", async () => {
    const { context, page } = await openPage("/", { colorScheme: "light" });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.locator("[data-theme-toggle]");
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await background()).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await background()).not.toBe(light);
    await expect(page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).resolves.toBe("true");
    await context.close();
  });

  it("filters the home page's guide list in place", async () => {
    const { context, page } = await openPage("/");
    const bar = page.locator("[data-filter-bar]");
    await bar.getByRole("button", { name: "Fix" }).click();
    const visible = await page
      .locator("#guide-library [data-action]:visible")
      .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.action));
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(["fix"]));
    await context.close();
  });
});

describe("at 375 px wide", () => {
  it.each(["/", guideWithCommands?.url ?? "/", "/search/?q=secret"])("%s has no horizontal scroll", async (url) => {
    const { context, page } = await openPage(url, { width: 375 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
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

  it("serves every page under the site's own Content-Security-Policy", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it.each(pages)(`%s page (%s) has no axe violations in ${colorScheme} mode and requests nothing from elsewhere`, async (name, url) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      const requests: string[] = [];
      const cspViolations: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
      });
      await page.goto(server.url + url);
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).analyze();
      await page.screenshot({ path: path.join(screenshotDir, `${name.replace(/ /g, "-")}-${colorScheme}.png`), fullPage: true });
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
      ).toEqual([]);
      expect(requests.filter((request) => !request.startsWith(server.url) && !request.startsWith("data:"))).toEqual([]);
      expect(cspViolations).toEqual([]);
      await context.close();
    });
  }
});

describe("analytics consent", () => {
  const scriptUrl = "https://analytics.example.test/script.js";
  let consentServer: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "dspm-consent-")), "site");
    await buildSite({
      input: defaultGuidesDir,
      output,
      site: loadSiteSettings(undefined, { analytics: { provider: "Example Analytics", script_url: scriptUrl } }),
    });
    consentServer = await serveSite(output);
  });

  afterAll(async () => {
    await consentServer?.close();
  });

  /** A page whose requests to other hosts are recorded and answered here, so none leaves the machine. */
  async function openWithAnalytics(context: BrowserContext): Promise<{ page: Page; thirdParty: string[] }> {
    const thirdParty: string[] = [];
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      thirdParty.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    });
    const page = await context.newPage();
    await page.goto(`${consentServer.url}/`);
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
    await expect.poll(() => thirdParty).toEqual([scriptUrl]);
    await context.close();
  });
});

describe("under a path prefix", () => {
  let prefixedServer: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "dspm-prefix-")), "site");
    await buildSite({ input: defaultGuidesDir, output, site: loadSiteSettings(undefined, { path_prefix: "/docs/" }) });
    prefixedServer = await serveSite(output, "/docs/");
  });

  afterAll(async () => {
    await prefixedServer?.close();
  });

  it("searches and opens results under /docs/", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${prefixedServer.url}/docs/`);
    await page.getByRole("search", { name: "Site search" }).getByRole("searchbox").fill("key vault");
    await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
    await expect.poll(() => resultLinks(page)).not.toEqual([]);
    const links = await resultLinks(page);
    for (const link of links) expect(link).toMatch(/^\/docs\/guides\//);
    await page.locator("[data-search-results] a").first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(links[0]);
    expect(failed).toEqual([]);
    await context.close();
  });
});
