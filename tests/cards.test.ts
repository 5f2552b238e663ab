// Social cards: which cards the site publishes, and what one is: a 1200×630 PNG, the same bytes
// every time, drawn again only when what it shows or how it is drawn changes, never with a missing
// glyph, and published as a copy the cache does not share.
import { appendFileSync, cpSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import satori from "satori";
import { describe, expect, it } from "vitest";
import { buildSite } from "../src/build.ts";
import { cachedCardFile } from "../src/cards/cache.ts";
import { cardPathFor, cardsOf, homeCardPath } from "../src/cards/cards.ts";
import { cardElement, cardHeight, cardWidth, lightTokens, type CardContent } from "../src/cards/design.ts";
import { loadCardFonts } from "../src/cards/fonts.ts";
import { legibleContent } from "../src/cards/legible.ts";
import { cardCacheFolder } from "../src/cards/plugin.ts";
import { createCardRenderer } from "../src/cards/render.ts";
import { buildCatalog } from "../src/catalog/catalog.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { fixturesDir, temporaryFolder } from "./helpers/site.ts";

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

  it("draws hostile text as text, without failing", async () => {
    const png = await renderer.render({ ...content, title: `<script>alert(1)</script> ${"long words ".repeat(40)}` });
    expect(pngSize(png)).toEqual({ width: cardWidth, height: cardHeight });
  });
});

/** The text satori finds no glyph for in the card's fonts, which it would draw as boxes. */
async function satoriMissing(content: CardContent): Promise<string[]> {
  const missing: string[] = [];
  await satori(cardElement(content, lightTokens()), {
    width: cardWidth,
    height: cardHeight,
    fonts: loadCardFonts(),
    loadAdditionalAsset: (_language, segment) => {
      missing.push(segment);
      return Promise.resolve([]);
    },
  });
  return missing;
}

describe("a card's text", () => {
  const renderer = createCardRenderer();
  const content = { site: "DSPM Guides", title: "", detail: "Detect · PII · AWS", accent: "detect" };

  it.each([
    ["Chinese", "查找 S3 存储桶中的个人数据", "查"],
    ["Arabic", "العثور على البيانات الشخصية في S3", "ث"],
    ["Hindi", "S3 में व्यक्तिगत डेटा खोजें", "व"],
    ["Thai", "ค้นหาข้อมูลส่วนบุคคลใน S3", "ค"],
    ["emoji", "Find leaked keys 🚀", "🚀"],
  ])("in a script the card fonts lack (%s) is left off, the rest drawn without a box", async (_script, title, character) => {
    expect((await satoriMissing({ ...content, title })).join("")).toContain(character);
    const fitted = legibleContent({ ...content, title }, renderer.missingGlyphs);
    expect(fitted.leftOut).toEqual([{ what: "title", characters: expect.arrayContaining([character]) as string[] }]);
    expect(fitted.leftOut[0]?.characters).not.toContain("S");
    expect(fitted.content).toEqual(content);
    expect(await satoriMissing(fitted.content)).toEqual([]);
  });

  it.each([
    ["Cyrillic", "Найти утёкшие ключи доступа в AWS"],
    ["Greek", "Εύρεση διαρρευσμένων κλειδιών στο AWS"],
    ["Vietnamese", "Tìm khóa truy cập bị lộ trên AWS"],
    ["extended Latin", "Zażółć gęślą jaźń, naïve Ærø Œuvre"],
  ])("in %s is drawn as it is", async (_script, title) => {
    expect(legibleContent({ ...content, title }, renderer.missingGlyphs)).toEqual({ content: { ...content, title }, leftOut: [] });
    expect(await satoriMissing({ ...content, title })).toEqual([]);
    expect((await renderer.render({ ...content, title })).equals(await renderer.render(content))).toBe(false);
  });
});

describe("a build's cards", () => {
  const renderer = createCardRenderer();
  // In the order cardsOf gives: a card's key is drawn from its content as JSON.
  const guideCard = (title: string, detail: string): CardContent => ({ site: site.name, title, detail, accent: "detect" });
  const retitled = {
    "detect-pii-aws.md": "查找 S3 存储桶中的个人数据",
    "fix-exposure-of-api-keys-secrets-tokens-aws.md": "تدوير مفتاح وصول مسرّب في AWS",
    "detect-api-keys-secrets-tokens-aws.md": "Найти утёкшие ключи доступа в AWS",
    "prevent-exposure-of-api-keys-secrets-tokens-aws.md": "Ngăn khóa truy cập dài hạn trong AWS",
  };

  it("leave off a title the fonts cannot draw, with one warning for its guide, and are copies an edit of the site cannot carry into the cache", async () => {
    const input = path.join(temporaryFolder("cards"), "guides");
    cpSync(path.join(fixturesDir, "site", "guides"), input, { recursive: true });
    for (const [file, title] of Object.entries(retitled)) {
      const guide = path.join(input, file);
      writeFileSync(guide, readFileSync(guide, "utf8").replace(/^title: .*$/m, `title: ${title}`));
    }
    const output = path.join(path.dirname(input), "_site");
    const build = async () => {
      const warnings: string[] = [];
      await buildSite({ input, output, site, reporter: { warning: (message) => warnings.push(message) } });
      return warnings;
    };

    // Only this test draws the untitled card; without it in the cache the first build draws it on the
    // card worker, and the second places it from the cache on the main thread: both ways are edited below.
    const untitledCard = guideCard("", "Detect · PII · AWS");
    const cached = cachedCardFile(cardCacheFolder, renderer.key(untitledCard));
    rmSync(cached, { force: true });

    const warnings = await build();
    expect(warnings).toHaveLength(2);
    expect(warnings.find((warning) => warning.includes("detect-pii-aws.md"))).toMatch(
      /social card drawn without its title: .*查 \(U\+67E5\)/,
    );
    expect(warnings.find((warning) => warning.includes("fix-exposure-of-api-keys-secrets-tokens-aws.md"))).toMatch(/ت \(U\+062A\)/);
    const card = path.join(output, "cards", "guides", "detect-pii-aws.png");
    const untitled = await renderer.render(untitledCard);
    expect(readFileSync(card).equals(untitled)).toBe(true);
    const cyrillic = readFileSync(path.join(output, "cards", "guides", "detect-api-keys-secrets-tokens-aws.png"));
    const cyrillicTitle = guideCard(retitled["detect-api-keys-secrets-tokens-aws.md"], "Detect · API keys, secrets & tokens · AWS");
    expect(cyrillic.equals(await renderer.render(cyrillicTitle))).toBe(true);

    // An image optimiser, say, rewriting the published card in place.
    for (let edit = 0; edit < 2; edit += 1) {
      expect(statSync(card).nlink).toBe(1);
      appendFileSync(card, "edited in place");
      expect(readFileSync(cached).equals(untitled)).toBe(true);
      expect(await build()).toHaveLength(2);
      expect(readFileSync(card).equals(untitled)).toBe(true);
    }
  });
});
