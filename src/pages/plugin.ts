import { readFileSync } from "node:fs";
import path from "node:path";
import { commandEffectLabels, type CommandEffect } from "../content/schema.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { projectRoot } from "../paths.ts";
import { registerGuideCards } from "./cards.ts";

const faviconUrl = "/assets/favicon.svg";

/** Site pages that are not guides nor taxonomy terms (their markup lives in layouts/), and the favicon. */
export function registerPages(eleventyConfig: EleventyConfig): void {
  registerGuideCards(eleventyConfig);
  eleventyConfig.addFilter("effectLabel", (effect: CommandEffect) => commandEffectLabels[effect]);
  eleventyConfig.addTemplate("index.liquid", "", { layout: "home.liquid", permalink: "/", eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("search.liquid", "", {
    layout: "search.liquid",
    permalink: "/search/",
    pageTitle: "Search",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("404.liquid", "", {
    layout: "not-found.liquid",
    permalink: "/404.html",
    eleventyExcludeFromCollections: true,
  });
  const favicon = readFileSync(path.join(projectRoot, "src", "assets", "favicon.svg"), "utf8");
  eleventyConfig.addGlobalData("faviconUrl", faviconUrl);
  eleventyConfig.addTemplate(
    "assets/favicon.11ty.js",
    { render: () => favicon },
    { permalink: faviconUrl, layout: false, eleventyExcludeFromCollections: true },
  );
}
