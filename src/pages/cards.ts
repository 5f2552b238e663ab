import { Liquid } from "liquidjs";
import type { Guide } from "../content/guide.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { layoutsDir } from "../paths.ts";

/**
 * A guide's card is the same wherever it is listed (home, and every taxonomy page the guide is on),
 * so `partials/guide-card.liquid` is rendered once per guide and build, not once per listing: with
 * thousands of guides the cards are most of the rendering work.
 */
export function registerGuideCards(eleventyConfig: EleventyConfig): void {
  const createEngine = () => new Liquid({ root: layoutsDir, extname: ".liquid", outputEscape: "escape", strictFilters: true, cache: true });
  let liquid = createEngine();
  let rendered = new WeakMap<Guide, Promise<string>>();
  eleventyConfig.on("eleventy.before", () => {
    // A rebuild in watch mode may follow an edit to the partial.
    liquid = createEngine();
    rendered = new WeakMap();
  });
  eleventyConfig.addFilter("guideCard", (guide: Guide) => {
    let card = rendered.get(guide);
    if (!card) {
      card = liquid.renderFile("partials/guide-card", { guide });
      rendered.set(guide, card);
    }
    return card;
  });
}
