import { placeholdersAcross } from "../commands/placeholders.ts";
import { isLegacyLayout, type Step } from "../content/schema.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { highlightCommand } from "./highlight.ts";
import { withBreakableInlineCode } from "./inline-code.ts";
import { createBodyRenderer, createFieldRenderer } from "./renderers.ts";

interface RenderEnv {
  layout?: string;
}

export function registerMarkdown(eleventyConfig: EleventyConfig): void {
  const body = withBreakableInlineCode(createBodyRenderer());
  const fields = withBreakableInlineCode(createFieldRenderer());
  eleventyConfig.setLibrary("md", {
    // A legacy body's Liquid is rendered when the guide is read, where its mistakes are reported with
    // the others; the layout shows that HTML (guide.body), so there is nothing to render here.
    render: (text: string, env?: unknown) =>
      isLegacyLayout((env as RenderEnv | undefined)?.layout) ? "" : body.render(text, env as Record<string, unknown>),
  });
  eleventyConfig.addFilter("markdown", (text: string) => fields.render(text));
  eleventyConfig.addFilter("highlight", (code: string, language: string) => highlightCommand(code, language));
  // The placeholders the highlight filter marks in a guide's commands: the fields of its values panel.
  eleventyConfig.addFilter("placeholderNames", (steps: readonly Step[] | undefined) =>
    placeholdersAcross((steps ?? []).flatMap((step) => step.commands ?? []).map((command) => command.code)),
  );
}
