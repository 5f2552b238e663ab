import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cardElement, cardHeight, cardWidth, lightTokens, type CardContent } from "./design.ts";

const require = createRequire(import.meta.url);

/** Inter, shipped in an npm package: Latin and extended Latin, regular and bold. Nothing is fetched. */
const fontFiles = [
  ["latin", 400],
  ["latin", 700],
  ["latin-ext", 400],
  ["latin-ext", 700],
].map(([subset, weight]) => ({
  weight: weight as 400 | 700,
  file: require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`),
}));

/** What a card is drawn with; a change to any of it draws every card again. */
export interface CardRenderer {
  render(content: CardContent): Promise<Buffer>;
  /** Identifies a card's image: its content and everything it is drawn with. */
  key(content: CardContent): string;
}

export function createCardRenderer(): CardRenderer {
  const fonts = fontFiles.map(({ weight, file }) => ({ name: "Inter", data: readFileSync(file), weight, style: "normal" as const }));
  const tokens = lightTokens();
  const design = createHash("sha256");
  design.update(readFileSync(new URL("./design.ts", import.meta.url)));
  design.update(readFileSync(new URL(import.meta.url)));
  design.update(JSON.stringify(tokens));
  for (const font of fonts) design.update(font.data);
  const designHash = design.digest("hex");
  return {
    key: (content) => createHash("sha256").update(designHash).update(JSON.stringify(content)).digest("hex").slice(0, 32),
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
