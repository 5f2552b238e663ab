import type { ContentEvents } from "../content/plugin.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { emptyFolder } from "./clean-output.ts";
import { registerProblemsOverlay, type PreviewStatus } from "./problems-overlay.ts";

/**
 * What only npm start's preview does: each build starts from an empty output folder once the guides
 * are valid (registered before any other listener of the guides, so before the search index starts
 * writing into it), and the browser shows the problems of a failed build until one succeeds.
 */
export function registerPreview(eleventyConfig: EleventyConfig, content: ContentEvents, status: PreviewStatus): void {
  content.onGuides((_guides, { output }) => emptyFolder(output));
  registerProblemsOverlay(eleventyConfig, status);
  eleventyConfig.on("eleventy.after", () => {
    status.problems = [];
  });
}
