import MarkdownIt from "markdown-it";
import { highlightCode } from "./highlight.ts";

// markdown-it wraps the returned markup in <pre><code class="language-…"> itself.
const highlight = (code: string, language: string) => highlightCode(code, language || "plaintext");

/**
 * A structured guide's body is markdown and nothing else: HTML written in it shows as text, as it
 * does in every front-matter field. Indented code blocks are off, as in the fields: prose indented
 * by habit stays prose, and code is fenced.
 */
export function createBodyRenderer() {
  return new MarkdownIt({ html: false, linkify: false, typographer: false, highlight }).disable("code");
}

/** Markdown inside front-matter fields (step prose) is text from data, so HTML in it is escaped. */
export function createFieldRenderer() {
  return new MarkdownIt({ html: false, linkify: true, typographer: false, highlight }).disable("code");
}
