import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cardElement, cardHeight, cardWidth, lightTokens, type CardContent } from "./design.ts";
import { cardFontsCover, loadCardFonts } from "./fonts.ts";

/** Spaces and invisible format characters (joiners, variation selectors) are laid out, never drawn from a glyph. */
const drawnWithoutGlyph = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]$/u;

/** What a card is drawn with; a change to any of it draws every card again. */
export interface CardRenderer {
  render(content: CardContent): Promise<Buffer>;
  /** Identifies a card's image: its content and everything it is drawn with. */
  key(content: CardContent): string;
  /** The characters of `text` no card font has a glyph for (each once): they would be drawn as boxes. */
  missingGlyphs: (text: string) => string[];
}

export function createCardRenderer(): CardRenderer {
  const fonts = loadCardFonts();
  const tokens = lightTokens();
  const design = createHash("sha256");
  design.update(readFileSync(new URL("./design.ts", import.meta.url)));
  design.update(readFileSync(new URL(import.meta.url)));
  design.update(JSON.stringify(tokens));
  for (const font of fonts) design.update(font.name).update(font.data);
  const designHash = design.digest("hex");
  let covers: ((codePoint: number) => boolean) | undefined;
  return {
    key: (content) => createHash("sha256").update(designHash).update(JSON.stringify(content)).digest("hex").slice(0, 32),
    missingGlyphs: (text) => {
      covers ??= cardFontsCover();
      const missing = new Set<string>();
      for (const character of text) {
        if (!covers(character.codePointAt(0)!) && !drawnWithoutGlyph.test(character)) missing.add(character);
      }
      return [...missing];
    },
    async render(content) {
      // Loaded on the first card to draw: a build whose cards all come from the cache never needs them.
      const [{ default: satori }, { renderAsync }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
      // The element tree is satori's plain-object form of JSX.
      const svg = await satori(cardElement(content, tokens), {
        width: cardWidth,
        height: cardHeight,
        fonts,
      });
      const image = await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } });
      return image.asPng();
    },
  };
}
