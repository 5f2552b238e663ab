// Eleventy configuration for the dspm-guides site: it only wires the plugins in src/.
import type { EleventyConfig } from "./src/eleventy-types.ts";
import { configureSite } from "./src/site.ts";

export default function (eleventyConfig: EleventyConfig): { pathPrefix: string } {
  return configureSite(eleventyConfig, { includeDrafts: process.env.ELEVENTY_RUN_MODE !== "build" });
}
