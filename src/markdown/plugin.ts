import MarkdownIt from "markdown-it";
import { isLegacyLayout } from "../content/schema.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { highlightCode } from "./highlight.ts";

// markdown-it wraps the returned markup in <pre><code class="language-…"> itself.
const highlight = (code: string, language: string) => highlightCode(code, language || "plaintext");

/**
 * Guide bodies may hold HTML (legacy guides are nothing else), so the body renderer allows it.
 * Indented code blocks are off: legacy bodies indent their HTML, and CommonMark would turn it into code.
 */
export function createBodyRenderer() {
  return new MarkdownIt({ html: true, linkify: false, typographer: false, highlight }).disable("code");
}

/** Markdown inside front-matter fields (step prose) is text from data, so HTML in it is escaped. */
export function createFieldRenderer() {
  return new MarkdownIt({ html: false, linkify: true, typographer: false, highlight }).disable("code");
}

interface RenderEnv {
  layout?: string;
}

export function registerMarkdown(eleventyConfig: EleventyConfig): void {
  const body = createBodyRenderer();
  const fields = createFieldRenderer();
  eleventyConfig.setLibrary("md", {
    // A legacy body is already HTML; markdown would wrap its nested blocks in stray paragraphs.
    render: (text: string, env?: unknown) =>
      isLegacyLayout((env as RenderEnv | undefined)?.layout) ? text : body.render(text, env as Record<string, unknown>),
  });
  eleventyConfig.addFilter("markdown", (text: string) => fields.render(text));
  eleventyConfig.addFilter("highlight", (code: string, language: string) => highlightCode(code, language));
}
