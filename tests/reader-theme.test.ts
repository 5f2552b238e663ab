// The header's theme control in Chromium at phone and desktop widths, under a light and a dark OS setting:
// it starts on "system", cycles through the other two themes and back, says which one is on, keeps the
// choice across a reload, and on "system" follows the OS setting again, live.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runAxe } from "./helpers/axe.ts";
import { realSiteInChromium } from "./helpers/chromium.ts";

type Scheme = "light" | "dark";

const storageKey = "dspm-guides-theme";
const opposite = (scheme: Scheme): Scheme => (scheme === "dark" ? "light" : "dark");

const chromium = realSiteInChromium();

async function open(context: BrowserContext, url = "/"): Promise<Page> {
  const page = await context.newPage();
  await page.goto(chromium.url + url);
  return page;
}

const control = (page: Page) => page.locator("header [data-theme-control]");
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const dataTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? "none");
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), storageKey);

/** The control names its state on screen and, to a screen reader, also what a press chooses. */
async function expectLabel(page: Page, state: string, next: string): Promise<void> {
  await expect.poll(() => control(page).locator("[data-theme-state]").textContent()).toBe(state);
  const button = page.getByRole("button", { name: `Theme: ${state}, switch to ${next}`, exact: true });
  await expect(button.count()).resolves.toBe(1);
  expect(await button.innerText()).toBe(`Theme: ${state}`);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("the element is not shown");
  return found;
}

describe.each([375, 1280])("the theme control at %i px", (width) => {
  describe.each<Scheme>(["light", "dark"])("with the OS set to %s", (os) => {
    it("starts on system, cycles through both themes and back, keeps the choice and follows the OS again", async () => {
      const context = await chromium.browser.newContext({ viewport: { width, height: 900 }, colorScheme: os });
      const page = await open(context);
      const other = opposite(os);

      await expectLabel(page, "system", other);
      expect(await dataTheme(page)).toBe("none");
      const osBackground = await background(page);

      // Keyboard first: the control is a button a reader can reach and press without a pointer.
      await control(page).focus();
      await page.keyboard.press("Enter");
      await expectLabel(page, other, os);
      expect(await dataTheme(page)).toBe(other);
      expect(await stored(page)).toBe(other);
      const otherBackground = await background(page);
      expect(otherBackground).not.toBe(osBackground);

      await control(page).click();
      await expectLabel(page, os, "system");
      expect(await background(page)).toBe(osBackground);
      await page.reload();
      await expectLabel(page, os, "system");
      expect(await dataTheme(page)).toBe(os);
      expect(await stored(page)).toBe(os);

      // A fixed theme holds when the OS setting changes; "system" gives way to it.
      await page.emulateMedia({ colorScheme: other });
      expect(await background(page)).toBe(osBackground);
      await page.emulateMedia({ colorScheme: os });
      await control(page).focus();
      await page.keyboard.press("Space");
      await expectLabel(page, "system", other);
      expect(await stored(page)).toBeNull();
      expect(await dataTheme(page)).toBe("none");
      await page.emulateMedia({ colorScheme: other });
      await expect.poll(() => background(page)).toBe(otherBackground);
      // Under the other OS setting a press still moves away from what the reader sees.
      await expectLabel(page, "system", os);
      await page.reload();
      await expectLabel(page, "system", os);
      expect(await background(page)).toBe(otherBackground);
      await context.close();
    });
  });

  it("is a 24 px target that fits the header beside the brand on a phone and in the tools row on a desktop", async () => {
    const context = await chromium.browser.newContext({ viewport: { width, height: 900 }, colorScheme: "light" });
    const page = await open(context);
    const button = await box(control(page));
    const header = await box(page.locator(".site-header"));
    const brand = await box(page.locator(".site-header__brand"));
    const nav = await box(page.locator(".site-header__nav"));
    const search = await box(page.locator(".site-header .search-box"));
    expect(button.width).toBeGreaterThanOrEqual(24);
    expect(button.height).toBeGreaterThanOrEqual(24);
    expect(button.x + button.width).toBeLessThanOrEqual(width);
    // Centred on the brand's line on a phone, on the search box's on a desktop: no row of its own.
    const besides = width < 640 ? brand : search;
    expect(Math.abs(button.y + button.height / 2 - (besides.y + besides.height / 2))).toBeLessThan(2);
    for (const neighbour of [brand, nav, search]) {
      const apart =
        button.x >= neighbour.x + neighbour.width ||
        neighbour.x >= button.x + button.width ||
        button.y >= neighbour.y + neighbour.height ||
        neighbour.y >= button.y + button.height;
      expect(apart).toBe(true);
    }
    expect(button.y + button.height).toBeLessThanOrEqual(header.y + header.height);
    await context.close();
  });
});

describe("the theme control, before and without scripts", () => {
  it("applies a stored theme before the body is parsed, so the page never paints in the other one", async () => {
    const context = await chromium.browser.newContext({ colorScheme: "light" });
    await context.addInitScript((key) => {
      localStorage.setItem(key, "dark");
      const seen = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? "none";
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    }, storageKey);
    const page = await open(context);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe("dark");
    await context.close();
  });

  it("stays out of the page without JavaScript, where the OS setting is what applies", async () => {
    const context = await chromium.browser.newContext({ colorScheme: "dark", javaScriptEnabled: false });
    const page = await open(context);
    await expect(control(page).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it.each<Scheme>(["light", "dark"])("leaves axe nothing to report with the %s theme chosen", async (theme) => {
    const context = await chromium.browser.newContext({ viewport: { width: 375, height: 900 }, colorScheme: opposite(theme) });
    const page = await open(context);
    await control(page).click();
    expect(await dataTheme(page)).toBe(theme);
    expect((await runAxe(page)).violations).toEqual([]);
    await context.close();
  });
});
