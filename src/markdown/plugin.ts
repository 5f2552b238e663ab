import { placeholdersAcross } from "../commands/placeholders.ts";
import { isLegacyLayout, type Step } from "../content/schema.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { highlightCommand } from "./highlight.ts";
import { withBreakableInlineCode } from "./inline-code.ts";
import { createRebuildCache } from "./rebuild-cache.ts";
import { createBodyRenderer, createFieldRenderer } from "./renderers.ts";

interface RenderEnv {
  layout?: string;
}

/**
 * Markdown for guide bodies and fields, and highlighting for commands. With `reuseAcrossBuilds` (the
 * preview), a rebuild reuses the last build's prose and commands that did not change instead of rendering
 * them again; a production build renders each once and keeps nothing.
 */
export function registerMarkdown(eleventyConfig: EleventyConfig, { reuseAcrossBuilds = false } = {}): void {
  const body = withBreakableInlineCode(createBodyRenderer());
  const fields = withBreakableInlineCode(createFieldRenderer());
  const cache = reuseAcrossBuilds ? createRebuildCache() : undefined;
  if (cache) eleventyConfig.on("eleventy.after", () => cache.endBuild());
  const reuse = (key: string, render: () => string) => (cache ? cache.get(key, render) : render());
  eleventyConfig.setLibrary("md", {
    // A legacy body's Liquid is rendered when the guide is read, where its mistakes are reported with
    // the others; the layout shows that HTML (guide.body), so there is nothing to render here.
    render: (text: string, env?: unknown) =>
      isLegacyLayout((env as RenderEnv | undefined)?.layout) ? "" : body.render(text, env as Record<string, unknown>),
  });
  eleventyConfig.addFilter("markdown", (text: string) => reuse(`markdown\0${text}`, () => fields.render(text)));
  // A NUL occurs in no language name, so the key tells the language and the code apart.
  eleventyConfig.addFilter("highlight", (code: string, language: string) =>
    reuse(`highlight\0${language}\0${code}`, () => highlightCommand(code, language)),
  );
  // The placeholders the highlight filter marks in a guide's commands: the fields of its values panel.
  eleventyConfig.addFilter("placeholderNames", (steps: readonly Step[] | undefined) =>
    placeholdersAcross((steps ?? []).flatMap((step) => step.commands ?? []).map((command) => command.code)),
  );
}
