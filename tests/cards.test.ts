// Social cards: which cards the site publishes, and what one is: a 1200×630 PNG, the same bytes
// every time, drawn again only when what it shows or how it is drawn changes.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cardPathFor, cardsOf, homeCardPath } from "../src/cards/cards.ts";
import { cardHeight, cardWidth, lightTokens } from "../src/cards/design.ts";
import { createCardRenderer } from "../src/cards/render.ts";
import { buildCatalog } from "../src/catalog/catalog.ts";
import { readGuides } from "../src/content/guide.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { fixturesDir } from "./helpers/site.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const { guides } = readGuides(readGuideSources(path.join(fixturesDir, "site", "guides")), registry, site);
const catalog = buildCatalog(guides, registry, false);

/** Width and height from a PNG's header chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("the site's cards", () => {
  const cards = cardsOf(catalog, site);

  it("are one per built guide, one per taxonomy page and the home page's, each at its own path", () => {
    expect(cards).toHaveLength(catalog.listed.length + catalog.termPages.length + 1);
    expect(new Set(cards.map((card) => card.path)).size).toBe(cards.length);
    expect(cards[0]?.path).toBe(homeCardPath);
    const guide = catalog.listed.find((entry) => entry.slug === "detect-pii-aws");
    expect(cards.find((card) => card.path === cardPathFor(guide, undefined))?.content).toEqual({
      site: site.name,
      title: guide?.title,
      detail: "Detect · PII · AWS",
      accent: "detect",
    });
    const aws = catalog.termPages.find((page) => page.kind === "platforms" && page.term.slug === "aws");
    expect(cardPathFor(undefined, aws)).toBe("/cards/platforms/aws.png");
    expect(cards.find((card) => card.path === "/cards/platforms/aws.png")?.content.detail).toMatch(/^Platform · \d+ guides?$/);
    expect(cardPathFor(undefined, undefined)).toBe(homeCardPath);
  });

  it("take their colours from the site's light theme", () => {
    const tokens = lightTokens();
    for (const name of ["bg", "text", "accent", "detect", "prevent", "fix", "platform", "risk", "regulation"]) {
      expect(tokens[name], name).toMatch(/^#[0-9a-f]{6}$/i);
    }
    for (const card of cards) expect(tokens[card.content.accent], card.path).toBeDefined();
  });
});

describe("a card", () => {
  const renderer = createCardRenderer();
  const content = {
    site: "DSPM Guides",
    title: "Find personal data in Amazon S3 with Amazon Macie",
    detail: "Detect · PII · AWS",
    accent: "detect",
  };

  it("is a 1200×630 PNG, the same bytes each time it is drawn", async () => {
    const [first, second] = await Promise.all([renderer.render(content), renderer.render(content)]);
    expect(pngSize(first)).toEqual({ width: cardWidth, height: cardHeight });
    expect(first.equals(second)).toBe(true);
  });

  it("is drawn again when what it shows changes, and only then", async () => {
    expect(renderer.key(content)).toBe(createCardRenderer().key({ ...content }));
    expect(renderer.key({ ...content, title: "Another title" })).not.toBe(renderer.key(content));
    expect(renderer.key({ ...content, accent: "fix" })).not.toBe(renderer.key(content));
    const other = await renderer.render({ ...content, title: "Another title" });
    expect(other.equals(await renderer.render(content))).toBe(false);
  });

  it("draws text that is not Latin or is hostile as text, without failing", async () => {
    const png = await renderer.render({ ...content, title: `日本語 🚀 <script>alert(1)</script> ${"long words ".repeat(40)}` });
    expect(pngSize(png)).toEqual({ width: cardWidth, height: cardHeight });
  });
});
