import { codePointLabel } from "../text/code-point.ts";
import type { CardContent } from "./design.ts";

/** The text a card draws, by what a warning calls it. */
const drawnText = { site: "site name", title: "title", detail: "detail line" } as const;

/** Text left off a card, and the characters that made it so. */
export interface LeftOut {
  what: (typeof drawnText)[keyof typeof drawnText];
  characters: string[];
}

/**
 * The card with each text its fonts cannot draw whole left off (blank), and what was left off. A title
 * drawn as a row of boxes tells a reader nothing and its author nothing either; without it the card
 * still names the site and what the page is about, and the warning says what to fix.
 */
export function legibleContent(
  content: CardContent,
  missingGlyphs: (text: string) => string[],
): { content: CardContent; leftOut: LeftOut[] } {
  const legible = { ...content };
  const leftOut: LeftOut[] = [];
  for (const [field, what] of Object.entries(drawnText) as [keyof typeof drawnText, LeftOut["what"]][]) {
    const characters = missingGlyphs(content[field]);
    if (characters.length === 0) continue;
    legible[field] = "";
    leftOut.push({ what, characters });
  }
  return { content: legible, leftOut };
}

/** One line for the build's output: the file to fix, what its card left out, and the characters to blame. */
export function leftOutWarning(source: string, leftOut: LeftOut[]): string {
  const what = leftOut.map((entry) => entry.what).join(" and ");
  const characters = [...new Set(leftOut.flatMap((entry) => entry.characters))];
  return `${source}: social card drawn without its ${what}: no card font has a glyph for ${characters.map((character) => `${character} (${codePointLabel(character)})`).join(", ")}`;
}
