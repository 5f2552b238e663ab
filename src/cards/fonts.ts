import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The subsets of Inter its package ships: Latin first, as the family the design names. */
const subsets = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"];

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

/**
 * Inter from an npm package, regular and bold, in every subset it ships; nothing is fetched, so a
 * card is drawn the same everywhere. Other scripts (CJK, Arabic, Indic, Thai, emoji…) have no font.
 *
 * Satori draws a family with one font per weight, so each subset after Latin is a family of its own
 * ("Inter cyrillic"): satori falls back to those, character by character, for what "Inter" lacks.
 */
export function loadCardFonts(): CardFont[] {
  return subsets.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: subset === "latin" ? "Inter" : `Inter ${subset}`,
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
}

/**
 * Whether a character is in a subset the card fonts cover, by the package's own list of each
 * subset's characters (the unicode-range its stylesheets give browsers).
 */
export function cardFontsCover(): (codePoint: number) => boolean {
  const declared = require("@fontsource/inter/unicode.json") as Record<string, string>;
  const ranges = subsets
    .flatMap((subset) => (declared[subset] ?? "").split(","))
    .map((range) =>
      range
        .replace(/^U\+/, "")
        .split("-")
        .map((bound) => Number.parseInt(bound, 16)),
    )
    .map(([first = Number.NaN, last = first]) => [first, last] as const);
  return (codePoint) => ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}
