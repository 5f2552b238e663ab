// Search as a reader meets it: on a phone the query and the first results on the first screen, the
// filters folded into one control that counts what is chosen, beside the results on a wide screen, and
// results that link to the step they matched in. The real guides, built and searched in Chromium.
import { parse } from "node-html-parser";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { escapeMarkup } from "../src/text/escape.ts";
import { searchDocument } from "../src/search/document.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { runAxe } from "./helpers/axe.ts";
import { realSiteInChromium } from "./helpers/chromium.ts";

const { guides } = readGuides(readGuideSources(defaultGuidesDir), loadRegistry(), loadSiteSettings());
const published = guides.filter((guide) => guide.status === "published");
/** The height of the first screen of a phone 375 px wide. */
const firstScreen = 812;

const chromium = realSiteInChromium();

/** A page of its own at this width, so what one test leaves open or scrolled never reaches another. */
async function withPage(
  options: { width: number; colorScheme?: "light" | "dark"; javaScriptEnabled?: boolean },
  work: (page: Page) => Promise<void>,
): Promise<void> {
  const context: BrowserContext = await chromium.browser.newContext({
    viewport: { width: options.width, height: firstScreen },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  try {
    await work(await context.newPage());
  } finally {
    await context.close();
  }
}

const top = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Infinity;
const filters = (page: Page) => page.locator("details[data-search-filters]");
const isOpen = (page: Page) => filters(page).evaluate((details) => (details as HTMLDetailsElement).open);

describe("search on a phone", () => {
  it("shows the query and the first result on the first screen, with the filters folded", () =>
    withPage({ width: 375 }, async (page) => {
      await page.goto(`${chromium.url}/search/`);
      await page.getByLabel("Words to look for").fill("Macie");
      await expect.poll(() => page.locator("[data-search-status]").textContent()).toMatch(/^\d+ guides? found$/);
      await expect(isOpen(page)).resolves.toBe(false);
      await expect(page.getByRole("group", { name: "Platform" }).isVisible()).resolves.toBe(false);
      expect(await top(page, "#search-query")).toBeLessThan(firstScreen);
      const first = await page.locator(".search-result").first().boundingBox();
      expect(first!.y).toBeLessThan(firstScreen);
      // The title and the start of the excerpt, not only the result's first pixel.
      expect(await top(page, ".search-result__excerpt")).toBeLessThan(firstScreen);
    }));

  it("counts the chosen filters in the folded control, and keeps the count for a shared search", () =>
    withPage({ width: 375 }, async (page) => {
      await page.goto(`${chromium.url}/search/?q=Macie`);
      const summary = page.locator("details[data-search-filters] > summary");
      await expect(summary.textContent()).resolves.toBe("Filters");
      await summary.click();
      const box = await summary.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(24);
      await page.getByRole("group", { name: "Platform" }).getByLabel("AWS").check();
      await expect.poll(() => summary.textContent()).toBe("Filters · 1 chosen");
      await page.getByRole("group", { name: "Action" }).getByLabel("Detect").check();
      await expect.poll(() => summary.textContent()).toBe("Filters · 2 chosen");
      await expect.poll(() => page.url()).toContain("action=detect");

      await page.reload();
      await expect.poll(() => summary.textContent()).toBe("Filters · 2 chosen");
      await expect(isOpen(page)).resolves.toBe(false);
    }));

  it("has no axe violations with the filters open, in light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await withPage({ width: 375, colorScheme }, async (page) => {
        await page.goto(`${chromium.url}/search/?q=Macie&platform=aws`);
        await page.locator(".search-result__steps a").first().waitFor();
        await page.locator("details[data-search-filters] > summary").click();
        const axe = await runAxe(page);
        expect(axe.violations).toEqual([]);
      });
    }
  });

  it("says without JavaScript, on the first screen, that search needs it, and folds nothing away for good", () =>
    withPage({ width: 375, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${chromium.url}/search/`);
      // Playwright's text queries skip <noscript>, whatever the browser draws of it.
      const notice = page.locator(".search-form .notice");
      await expect(notice.textContent()).resolves.toContain("Search runs in your browser and needs JavaScript.");
      await expect(notice.isVisible()).resolves.toBe(true);
      expect((await notice.boundingBox())!.y).toBeLessThan(firstScreen);
      await page.locator("details[data-search-filters] > summary").click();
      await expect(page.getByRole("group", { name: "Platform" }).getByLabel("AWS").isVisible()).resolves.toBe(true);
    }));
});

describe("search on a wide screen", () => {
  it("opens the filters beside the results, both on the first screen", () =>
    withPage({ width: 1280 }, async (page) => {
      await page.goto(`${chromium.url}/search/?q=Macie`);
      await page.locator(".search-result").first().waitFor();
      await expect(isOpen(page)).resolves.toBe(true);
      const platform = (await page.getByRole("group", { name: "Platform" }).boundingBox())!;
      const result = (await page.locator(".search-result").first().boundingBox())!;
      expect(platform.y).toBeLessThan(firstScreen);
      expect(result.y).toBeLessThan(firstScreen);
      expect(result.x).toBeGreaterThanOrEqual(platform.x + platform.width);
    }));
});

describe("a result that matched inside a step", () => {
  // A command word printed in one step of one guide only, so the step the link must reach is known.
  const word = "generate-credential-report";
  const guide = published.find((candidate) =>
    candidate.steps?.some((step) => step.commands?.some((command) => command.code.includes(word))),
  );
  const stepNumber = (guide?.steps?.findIndex((step) => step.commands?.some((command) => command.code.includes(word))) ?? -1) + 1;

  it.each([375, 1280])("links to that step at %i px, and the link lands on it", (width) =>
    withPage({ width }, async (page) => {
      expect(guide, `a guide whose command holds ${word}`).toBeDefined();
      await page.goto(`${chromium.url}/search/?q=${word}`);
      const stepLink = page.locator(`[data-search-results] a[href$="#step-${stepNumber}"]`);
      await stepLink.first().waitFor();
      const href = await stepLink.first().getAttribute("href");
      expect(href).toBe(`${guide!.url}#step-${stepNumber}`);
      await expect(stepLink.first().textContent()).resolves.toBe(`Step ${stepNumber}: ${guide!.steps![stepNumber - 1]!.title}`);
      const height = (await stepLink.first().boundingBox())!.height;
      expect(height).toBeGreaterThanOrEqual(24);

      await stepLink.first().click();
      await page.waitForURL((url) => url.hash === `#step-${stepNumber}`);
      expect(new URL(page.url()).pathname).toBe(guide!.url);
      const landed = await page.evaluate(() => {
        const target = document.querySelector(":target");
        return { id: target?.id, top: target?.getBoundingClientRect().top ?? Infinity, height: window.innerHeight };
      });
      expect(landed.id).toBe(`step-${stepNumber}`);
      expect(landed.top).toBeGreaterThanOrEqual(0);
      expect(landed.top).toBeLessThan(landed.height / 2);
      await expect(page.locator(`#step-${stepNumber} .step__title`).textContent()).resolves.toBe(guide!.steps![stepNumber - 1]!.title);
    }),
  );

  it("is indexed under each step's own id, the steps last, so no other section's words lead to a step", () => {
    const structured = published.find((candidate) => candidate.format === "structured" && (candidate.steps?.length ?? 0) > 1)!;
    const content = searchDocument(structured).content;
    const anchored = parse(content).querySelectorAll("[id]");
    expect(anchored.map((element) => [element.tagName, element.id, element.text])).toEqual(
      structured.steps!.map((step, index) => ["H3", `step-${index + 1}`, step.title]),
    );
    const stepsStart = content.indexOf('<h3 id="step-1">');
    const otherSections = [
      ...(structured.references ?? []).map((reference) => reference.title),
      ...(structured.best_practices ?? []).map((card) => card.title),
      ...(structured.architecture?.components ?? []).map((component) => component.role),
    ];
    expect(otherSections.length).toBeGreaterThan(0);
    for (const text of otherSections) expect(content.indexOf(escapeMarkup(text))).toBeLessThan(stepsStart);
  });
});
