// Commands and the coverage matrix on a phone, in real Chromium against `guides/` built into a temporary folder:
// the scroll cue and wrap toggle of code blocks, where inline code breaks, the matrix one platform at a time, and
// where a guide's control references and permission lists break.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { runAxe } from "./helpers/axe.ts";
import { realSiteInChromium } from "./helpers/chromium.ts";

const registry = loadRegistry();
const { guides } = readGuides(readGuideSources(defaultGuidesDir), registry, loadSiteSettings());
const published = guides.filter((guide) => guide.status === "published" && guide.format === "structured");
const platforms = registry.terms.platforms;
const subjects = registry.terms.subjects;

const longestLine = (guide: (typeof published)[number]) =>
  Math.max(
    0,
    ...(guide.steps ?? []).flatMap((step) => step.commands ?? []).flatMap((command) => command.code.split("\n").map((line) => line.length)),
  );
/** The two guides with the longest command lines: lines far wider than a phone. */
const [longCommands, otherLongCommands] = [...published].sort((a, b) => longestLine(b) - longestLine(a));

const inlineCodes = (guide: (typeof published)[number]) =>
  (guide.steps ?? []).flatMap((step) => [...step.body.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
const longestInlineCode = (guide: (typeof published)[number]) => Math.max(0, ...inlineCodes(guide).map((code) => code.length));
/** Guides whose step prose holds the longest inline code, which cannot fit a phone's line whole. */
const longInlineCode = [...published].sort((a, b) => longestInlineCode(b) - longestInlineCode(a)).slice(0, 4);

/** One and a half screens of a 375 × 812 phone. */
const phoneBudget = 1218;

const chromium = realSiteInChromium();

async function withPage(
  options: { width: number; javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" },
  work: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await chromium.browser.newContext({
    viewport: { width: options.width, height: 812 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  try {
    await work(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** The RGB colour of each point of a PNG, decoded by the browser on a blank page. */
async function colours(context: BrowserContext, png: Buffer, points: [number, number][]): Promise<number[][]> {
  const decoder = await context.newPage();
  try {
    return await decoder.evaluate(
      async ({ data, points }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const drawing = canvas.getContext("2d")!;
        drawing.drawImage(image, 0, 0);
        return points.map(([x, y]) => [...drawing.getImageData(x, y, 1, 1).data.slice(0, 3)]);
      },
      { data: png.toString("base64"), points },
    );
  } finally {
    await decoder.close();
  }
}

const brightness = ([red = 0, green = 0, blue = 0]: number[]) => red + green + blue;

/** Pixels in from each edge where a glow shows: the glow is 1.25rem (20 px) wide. */
const glowDepths = [2, 6, 10, 14, 18];

/**
 * How much brighter than the middle of the block each edge is at half its height: the most, over the depths
 * into the block where a glow would show.
 */
async function edgeGlow(context: BrowserContext, block: Locator): Promise<{ left: number; right: number }> {
  const png = await block.screenshot();
  const { width, height } = (await block.boundingBox())!;
  const y = Math.round(height / 2);
  const [middle, ...edges] = await colours(context, png, [
    [Math.round(width / 2), y],
    ...glowDepths.map((depth): [number, number] => [depth, y]),
    ...glowDepths.map((depth): [number, number] => [Math.round(width) - 1 - depth, y]),
  ]);
  const glow = (points: number[][]) => Math.max(...points.map((point) => Math.abs(brightness(point) - brightness(middle!))));
  return { left: glow(edges.slice(0, glowDepths.length)), right: glow(edges.slice(glowDepths.length)) };
}

/** Hides a block's code, its label and its buttons, so that only the block's own background is compared. */
const showBackgroundOnly = (block: Locator) =>
  block.evaluate((pre) => {
    pre.querySelector("code")!.style.visibility = "hidden";
    (pre.nextElementSibling as HTMLElement).style.visibility = "hidden";
  });

const overflows = (block: Locator) => block.evaluate((pre) => pre.scrollWidth > pre.clientWidth);

describe("code blocks on a phone", () => {
  it("finds guides with commands wider than a phone", () => {
    expect(longCommands && longestLine(longCommands)).toBeGreaterThan(80);
    expect(otherLongCommands && longestLine(otherLongCommands)).toBeGreaterThan(60);
  });

  it("marks the edge of a block that has more code beyond it, and only that edge", async () => {
    await withPage({ width: 375, colorScheme: "dark" }, async (page, context) => {
      await page.goto(chromium.url + longCommands!.url);
      const block = page.locator("pre.command").filter({ has: page.locator("code") });
      const wide = block.nth(await block.evaluateAll((blocks) => blocks.findIndex((pre) => pre.scrollWidth > pre.clientWidth + 100)));
      await showBackgroundOnly(wide);
      await wide.evaluate((pre) => pre.scrollTo({ left: 0 }));
      const start = await edgeGlow(context, wide);
      expect(start.right, "a glow at the right edge").toBeGreaterThan(60);
      expect(start.left, "no glow at the left edge").toBeLessThan(6);

      await wide.evaluate((pre) => pre.scrollTo({ left: pre.scrollWidth }));
      const end = await edgeGlow(context, wide);
      expect(end.left, "a glow at the left edge").toBeGreaterThan(60);
      expect(end.right, "no glow at the right edge").toBeLessThan(6);
    });
  });

  it("shows no glow at either edge of a block that fits", async () => {
    await withPage({ width: 1280, colorScheme: "dark" }, async (page, context) => {
      await page.goto(chromium.url + longCommands!.url);
      const block = page.locator("pre.command").filter({ has: page.locator("code") });
      const fits = block.nth(await block.evaluateAll((blocks) => blocks.findIndex((pre) => pre.scrollWidth <= pre.clientWidth)));
      await showBackgroundOnly(fits);
      const glow = await edgeGlow(context, fits);
      expect(glow.left, "no glow at the left edge").toBeLessThan(6);
      expect(glow.right, "no glow at the right edge").toBeLessThan(6);
    });
  });

  it("wraps long lines on a labelled, pressed toggle, remembered across reloads and guides", async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(chromium.url + longCommands!.url);
      const blocks = page.locator("pre.command");
      const toggles = page.getByRole("button", { name: "Wrap lines" });
      await expect(toggles.count()).resolves.toBe(await blocks.count());
      const anyOverflows = () => blocks.evaluateAll((all) => all.some((pre) => pre.scrollWidth > pre.clientWidth));
      await expect(anyOverflows()).resolves.toBe(true);
      await expect(toggles.first().getAttribute("aria-pressed")).resolves.toBe("false");
      const box = (await toggles.first().boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);

      // By keyboard: the button is reached and pressed like any other.
      await toggles.first().focus();
      await page.keyboard.press("Enter");
      await expect(toggles.evaluateAll((all) => all.map((button) => button.getAttribute("aria-pressed")))).resolves.toEqual(
        Array.from({ length: await blocks.count() }, () => "true"),
      );
      await expect(anyOverflows()).resolves.toBe(false);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(375);
      expect((await runAxe(page)).violations).toEqual([]);

      await page.reload();
      await expect(toggles.first().getAttribute("aria-pressed")).resolves.toBe("true");
      await expect(anyOverflows()).resolves.toBe(false);

      await page.goto(chromium.url + otherLongCommands!.url);
      await expect(toggles.first().getAttribute("aria-pressed")).resolves.toBe("true");
      await expect(anyOverflows()).resolves.toBe(false);

      await toggles.last().click();
      await expect(anyOverflows()).resolves.toBe(true);
      await page.reload();
      await expect(toggles.first().getAttribute("aria-pressed")).resolves.toBe("false");
      await expect(anyOverflows()).resolves.toBe(true);
    });
  });

  it("still wraps for the page when the browser refuses storage", async () => {
    await withPage({ width: 375 }, async (page, context) => {
      await context.addInitScript(() => {
        Object.defineProperty(window, "localStorage", {
          get() {
            throw new DOMException("storage is off", "SecurityError");
          },
        });
      });
      await page.goto(chromium.url + longCommands!.url);
      const wide = page.locator("pre.command").first();
      await page.getByRole("button", { name: "Wrap lines" }).first().click();
      await expect(page.getByRole("button", { name: "Wrap lines" }).last().getAttribute("aria-pressed")).resolves.toBe("true");
      await expect(overflows(wide)).resolves.toBe(false);
    });
  });
});

describe("inline code in step prose on a phone", () => {
  it("finds inline code longer than a phone's line", () => {
    expect(longInlineCode.length).toBe(4);
    expect(longestInlineCode(longInlineCode[0]!)).toBeGreaterThan(45);
  });

  it("breaks between words, never inside one, and the page does not scroll sideways", async () => {
    await withPage({ width: 375 }, async (page) => {
      for (const guide of longInlineCode) {
        await page.goto(chromium.url + guide.url);
        // Each word of the code (its letters and digits, an option with its leading --), with the lines it was laid out on.
        const runs = await page.locator(".step .prose code").evaluateAll((codes) =>
          codes.flatMap((code) => {
            const lineCount = (rects: DOMRectList) => new Set(Array.from(rects, (rect) => Math.round(rect.top))).size;
            const codeLines = lineCount(code.getClientRects());
            const texts = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
            const runs: { word: string; lines: number; codeLines: number }[] = [];
            while (texts.nextNode()) {
              const node = texts.currentNode;
              for (const word of (node.textContent ?? "").matchAll(/--[\p{L}\p{N}]|[\p{L}\p{N}]+/gu)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                runs.push({ word: word[0], lines: lineCount(range.getClientRects()), codeLines });
              }
            }
            return runs;
          }),
        );
        expect(
          runs.filter((run) => run.lines !== 1),
          guide.url,
        ).toEqual([]);
        expect(Math.max(...runs.map((run) => run.codeLines)), `${guide.url}: some code is laid out on several lines`).toBeGreaterThan(1);
        await expect(
          page.evaluate(() => document.documentElement.scrollWidth),
          guide.url,
        ).resolves.toBe(375);
      }
    });
  });

  it("keeps the text as written in the markdown copy and the search index", () => {
    const guide = longInlineCode[0]!;
    const code = inlineCodes(guide).sort((a, b) => b.length - a.length)[0]!;
    expect(chromium.site.html(guide.url)).toContain("<wbr>");
    expect(chromium.site.html(`${guide.url}index.md`)).toContain(`\`${code}\``);
    expect(chromium.site.html(`${guide.url}index.md`)).not.toContain("wbr");
    const fragment = chromium.site.searchFragments().find((candidate) => candidate.url === guide.url);
    expect(fragment?.content).toContain(code);
  });
});

describe("the coverage matrix", () => {
  // Without JavaScript: choosing a platform is the radio buttons' own behaviour and CSS.
  it("fits a phone in one and a half screens and shows each platform's column in turn", async () => {
    await withPage({ width: 375, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${chromium.url}/`);
      const coverage = page.locator(".coverage");
      const cells = page.locator(".coverage__table tbody td");
      await expect(cells.count()).resolves.toBe(subjects.length * platforms.length);
      for (const platform of platforms) {
        const choice = page.getByRole("radio", { name: platform.label, exact: true });
        await choice.check();
        const shown = await cells.evaluateAll((all) =>
          all.filter((cell) => cell.getClientRects().length > 0).map((cell) => (cell as HTMLElement).dataset.platform),
        );
        expect(shown).toEqual(subjects.map(() => platform.label));
        const chips = await page
          .locator(".coverage__table .cov")
          .evaluateAll((all) => all.filter((chip) => chip.getClientRects().length > 0).map((chip) => chip.getBoundingClientRect()));
        expect(chips).toHaveLength(subjects.length * registry.terms.actions.length);
        for (const chip of chips) expect(Math.min(chip.width, chip.height)).toBeGreaterThanOrEqual(24);
        const label = (await page.locator(".coverage__platform", { has: choice }).boundingBox())!;
        expect(Math.min(label.width, label.height)).toBeGreaterThanOrEqual(24);
        expect((await coverage.boundingBox())!.height).toBeLessThanOrEqual(phoneBudget);
      }
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(375);
    });
  });

  it("is reached and switched by keyboard and passes axe on a phone", async () => {
    await withPage({ width: 375, colorScheme: "dark" }, async (page) => {
      await page.goto(`${chromium.url}/`);
      await page.getByRole("radio", { name: platforms[0]!.label, exact: true }).focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("radio", { name: platforms[1]!.label, exact: true }).isChecked()).resolves.toBe(true);
      const visible = await page
        .locator(".coverage__table tbody td")
        .evaluateAll((all) => all.filter((cell) => cell.getClientRects().length > 0).map((cell) => (cell as HTMLElement).dataset.platform));
      expect(new Set(visible)).toEqual(new Set([platforms[1]!.label]));
      expect((await runAxe(page)).violations).toEqual([]);
    });
  });

  it("shows the full matrix, with no platform choice, on a wide screen", async () => {
    await withPage({ width: 1280 }, async (page) => {
      await page.goto(`${chromium.url}/`);
      await expect(page.locator(".coverage__platforms").isVisible()).resolves.toBe(false);
      const header = await page.locator(".coverage__table thead th").allTextContents();
      expect(header).toEqual(["Data", ...platforms.map((platform) => platform.label)]);
      await expect(page.locator(".coverage__table thead").isVisible()).resolves.toBe(true);
      const shown = await page
        .locator(".coverage__table tbody td")
        .evaluateAll((all) => all.filter((cell) => cell.getClientRects().length > 0).length);
      expect(shown).toBe(subjects.length * platforms.length);
      // A row per subject, its cells side by side.
      const rowTops = await page
        .locator(".coverage__table tbody tr")
        .first()
        .locator("td")
        .evaluateAll((all) => new Set(all.map((cell) => Math.round(cell.getBoundingClientRect().top))).size);
      expect(rowTops).toBe(1);
    });
  });
});

describe("a guide's controls and prerequisites", () => {
  /** A published guide with the most permission text, long IAM-style action names among it. */
  const [mostPermissions] = [...published].sort(
    (a, b) => (b.prerequisites?.permissions ?? []).join(" ").length - (a.prerequisites?.permissions ?? []).join(" ").length,
  );

  it("keeps each control reference on one line on a phone", async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(chromium.url + mostPermissions!.url);
      const references = page.locator(".controls__ref");
      await expect(references.count()).resolves.toBeGreaterThan(2);
      const broken = await references.evaluateAll((all) =>
        all.filter((reference) => reference.getClientRects().length > 1).map((reference) => reference.textContent),
      );
      expect(broken).toEqual([]);
    });
  });

  it("gives the permissions the prerequisites' full width on a wide screen, tools and setup side by side below", async () => {
    await withPage({ width: 1280 }, async (page) => {
      await page.goto(chromium.url + mostPermissions!.url);
      const grid = page.locator(".cards--prerequisites");
      const cards = await grid.locator(".card").evaluateAll((all) =>
        all.map((card) => {
          const box = card.getBoundingClientRect();
          return { top: Math.round(box.top), width: Math.round(box.width) };
        }),
      );
      const gridWidth = Math.round((await grid.boundingBox())!.width);
      const [permissions, tools, setup] = cards;
      expect(permissions!.width).toBe(gridWidth);
      expect(tools!.top).toBe(setup!.top);
      expect(tools!.top).toBeGreaterThan(permissions!.top);
      expect(tools!.width + setup!.width).toBeLessThan(gridWidth);
    });
  });
});
