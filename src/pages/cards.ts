import type { Guide } from "../content/guide.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { createLiquid } from "../templates/engine.ts";

/**
 * A guide's card is the same wherever it is listed (home, and every taxonomy page the guide is on),
 * so `partials/guide-card.liquid` is rendered once per guide and build, not once per listing: with
 * thousands of guides the cards are most of the rendering work.
 */
export function registerGuideCards(eleventyConfig: EleventyConfig): void {
  let liquid = createLiquid();
  let rendered = new WeakMap<Guide, string>();
  eleventyConfig.on("eleventy.before", () => {
    // A rebuild in watch mode may follow an edit to the partial.
    liquid = createLiquid();
    rendered = new WeakMap();
  });
  eleventyConfig.addFilter("guideCard", (guide: Guide) => {
    let card = rendered.get(guide);
    if (card === undefined) {
      card = liquid.renderFileSync("partials/guide-card", { guide }) as string;
      rendered.set(guide, card);
    }
    return card;
  });
}
