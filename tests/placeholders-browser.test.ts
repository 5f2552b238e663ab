// The "Your values" panel in Chromium, on the real guides built into a temporary folder: a value typed
// once fills every command and every copy, follows the reader to the next guide, stays text, and a
// copy that still holds placeholders says so; without JavaScript the commands read as written.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { isCredentialName } from "../src/client/placeholder-storage.ts";
import { fillPlaceholders, placeholdersIn } from "../src/commands/placeholders.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { runAxe } from "./helpers/axe.ts";
import { realSiteInChromium } from "./helpers/chromium.ts";

const { guides } = readGuides(readGuideSources(defaultGuidesDir), loadRegistry(), loadSiteSettings());
/** Each published structured guide with its command blocks in page order. */
const withCommands = guides
  .filter((guide) => guide.status === "published" && guide.format === "structured")
  .map((guide) => ({ url: guide.url, codes: (guide.steps ?? []).flatMap((step) => step.commands ?? []).map((command) => command.code) }));
const usesRegion = (codes: string[]) => codes.filter((code) => placeholdersIn(code).includes("region")).length;
/** A guide with <region> in several blocks, and another guide that asks for it too. */
const regionGuide = withCommands.find((guide) => usesRegion(guide.codes) > 1);
const nextRegionGuide = withCommands.find((guide) => guide !== regionGuide && usesRegion(guide.codes) > 0);
/** A block of the region guide that holds <region> and other placeholders, so one value leaves some to fill. */
const mixedBlock = regionGuide?.codes.findIndex((code) => placeholdersIn(code).includes("region") && placeholdersIn(code).length > 1) ?? -1;

const chromium = realSiteInChromium();

/** A fresh context (its own localStorage) that may read the clipboard. */
async function newReader(
  options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark"; width?: number } = {},
): Promise<BrowserContext> {
  const context = await chromium.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: chromium.url });
  return context;
}

const regionField = (page: Page) => page.getByRole("textbox", { name: "region", exact: true });
const block = (page: Page, index: number) => page.locator(".command-block").nth(index);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function copy(page: Page, index: number): Promise<void> {
  await block(page, index).getByRole("button", { name: /^Copy/ }).click();
}

describe("the values panel", () => {
  it("finds guides to test on", () => {
    expect(regionGuide, "a guide with <region> in several blocks").toBeDefined();
    expect(nextRegionGuide, "a second guide with <region>").toBeDefined();
    expect(mixedBlock, "a block with <region> and another placeholder").toBeGreaterThanOrEqual(0);
  });

  it("fills <region> typed once into every block and every copy, and again on the next guide that asks for it", async () => {
    const context = await newReader();
    const page = await context.newPage();
    await page.goto(chromium.url + regionGuide!.url);
    const marks = page.locator('pre.command [data-placeholder="region"]');
    expect(await marks.count()).toBeGreaterThanOrEqual(usesRegion(regionGuide!.codes));
    await regionField(page).fill("eu-west-1");
    expect(new Set(await marks.allTextContents())).toEqual(new Set(["eu-west-1"]));

    const region = new Map([["region", "eu-west-1"]]);
    for (const [index, code] of regionGuide!.codes.entries()) {
      await expect(block(page, index).locator("pre.command code").textContent()).resolves.toBe(fillPlaceholders(code, region));
    }
    const code = regionGuide!.codes[mixedBlock]!;
    await copy(page, mixedBlock);
    await expect.poll(() => clipboard(page)).toBe(fillPlaceholders(code, region));
    expect(await clipboard(page)).toContain("eu-west-1");
    // The other placeholders of the block are still to fill, and the notice counts them.
    const left = placeholdersIn(code).length - 1;
    await expect(block(page, mixedBlock).getByRole("status").textContent()).resolves.toMatch(
      new RegExp(`^Copied as written, with ${left} placeholders? left to fill: <`),
    );

    await page.goto(chromium.url + nextRegionGuide!.url);
    await expect(regionField(page).inputValue()).resolves.toBe("eu-west-1");
    expect(new Set(await marks.allTextContents())).toEqual(new Set(["eu-west-1"]));
    await context.close();
  });

  it("keeps a credential typed for a placeholder on its page only, never in storage", async () => {
    const guide = withCommands.find((each) => each.codes.some((code) => placeholdersIn(code).some(isCredentialName)));
    const name = guide?.codes.flatMap(placeholdersIn).find(isCredentialName);
    expect(name, "a guide asking for a credential").toBeDefined();
    const context = await newReader();
    const page = await context.newPage();
    await page.goto(chromium.url + guide!.url);
    const field = page.getByRole("textbox", { name: name!, exact: true });
    await field.fill("s3cr3t-value");
    await expect(page.locator(`pre.command [data-placeholder="${name!}"]`).first().textContent()).resolves.toBe("s3cr3t-value");
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("s3cr3t-value");
    await page.reload();
    await expect(field.inputValue()).resolves.toBe("");
    await context.close();
  });

  it("shows a hostile value as text: no element is made from it and nothing runs", async () => {
    const context = await newReader();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(chromium.url + regionGuide!.url);
    const images = await page.locator("img").count();
    const hostile = `"><img src=x onerror=alert(1)>`;
    await regionField(page).fill(hostile);
    expect(new Set(await page.locator('[data-placeholder="region"]').allTextContents())).toEqual(new Set([hostile]));
    await expect(page.locator("img").count()).resolves.toBe(images);
    await expect(page.locator("pre.command img").count()).resolves.toBe(0);
    const index = regionGuide!.codes.findIndex((code) => placeholdersIn(code).includes("region"));
    await copy(page, index);
    await expect.poll(() => clipboard(page)).toBe(fillPlaceholders(regionGuide!.codes[index]!, new Map([["region", hostile]])));
    // Stored, and read back on the next page, it is still text.
    await page.reload();
    await expect(regionField(page).inputValue()).resolves.toBe(hostile);
    await expect(page.locator("img").count()).resolves.toBe(images);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("copies a block with unfilled placeholders as written and says how many are left", async () => {
    const context = await newReader();
    const page = await context.newPage();
    await page.goto(chromium.url + regionGuide!.url);
    const code = regionGuide!.codes[mixedBlock]!;
    const names = placeholdersIn(code);
    const notice = block(page, mixedBlock).getByRole("status");
    await expect(notice.textContent()).resolves.toBe("");
    await copy(page, mixedBlock);
    await expect.poll(() => clipboard(page)).toBe(code);
    await expect
      .poll(() => notice.textContent())
      .toBe(
        `Copied as written, with ${names.length} placeholders left to fill: ${names.map((name) => `<${name}>`).join(", ")}. ` +
          "Type them under Your values, or replace them after pasting.",
      );
    // Typing a value makes the count out of date, so the notice empties until the next copy.
    await regionField(page).fill("eu-west-1");
    await expect(notice.textContent()).resolves.toBe("");
    await context.close();
  });

  it("takes values from nothing but the fields: not the address", async () => {
    const context = await newReader();
    const page = await context.newPage();
    await page.goto(`${chromium.url}${regionGuide!.url}?region=evil#region=evil`);
    await expect(regionField(page).inputValue()).resolves.toBe("");
    expect(new Set(await page.locator('[data-placeholder="region"]').allTextContents())).toEqual(new Set(["<region>"]));
    // The fields are in no form: Enter submits nothing, so the page and its address stay as they were.
    await regionField(page).fill("eu-west-1");
    await regionField(page).press("Enter");
    expect(new URL(page.url()).search).toBe("?region=evil");
    await expect(regionField(page).inputValue()).resolves.toBe("eu-west-1");
    await context.close();
  });

  it("clears the values, on the page and in storage", async () => {
    const context = await newReader();
    const page = await context.newPage();
    await page.goto(chromium.url + regionGuide!.url);
    await regionField(page).fill("eu-west-1");
    await page.getByRole("button", { name: "Clear values" }).click();
    await expect(regionField(page).inputValue()).resolves.toBe("");
    expect(new Set(await page.locator('[data-placeholder="region"]').allTextContents())).toEqual(new Set(["<region>"]));
    await page.goto(chromium.url + nextRegionGuide!.url);
    await expect(regionField(page).inputValue()).resolves.toBe("");
    await context.close();
  });

  it("without JavaScript, hides the panel and shows every command as written", async () => {
    const context = await newReader({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(chromium.url + regionGuide!.url);
    await expect(page.locator("[data-placeholder-values]").count()).resolves.toBe(1);
    await expect(page.locator("[data-placeholder-values]").isVisible()).resolves.toBe(false);
    await expect(page.locator("pre.command code").allTextContents()).resolves.toEqual(regionGuide!.codes);
    await context.close();
  });

  it.each(["light", "dark"] as const)("has no axe violations in %s mode, filled, partly filled and after a copy", async (colorScheme) => {
    const context = await newReader({ colorScheme });
    const page = await context.newPage();
    await page.goto(chromium.url + regionGuide!.url);
    await regionField(page).fill("eu-west-1");
    await copy(page, mixedBlock);
    await expect.poll(() => block(page, mixedBlock).getByRole("status").textContent()).not.toBe("");
    const axe = await runAxe(page);
    expect(axe.violations).toEqual([]);
    expect(axe.passed).toEqual(expect.arrayContaining(["color-contrast", "label"]));
    await context.close();
  });

  it("fits 375 px with values filled and a notice shown, with no horizontal scroll", async () => {
    const context = await newReader({ width: 375 });
    const page = await context.newPage();
    await page.goto(chromium.url + regionGuide!.url);
    await expect(page.locator("[data-placeholder-values]").isVisible()).resolves.toBe(true);
    await regionField(page).fill("a-long-value-that-a-reader-might-paste-into-the-field-0123456789");
    await copy(page, mixedBlock);
    await expect.poll(() => block(page, mixedBlock).getByRole("status").textContent()).not.toBe("");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
