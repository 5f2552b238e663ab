import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;

/** A markdown renderer as the page uses it (HTML off), and the same with HTML on, as a reader of the copy may render it. */
export interface ProseRenderers {
  page: Markdown;
  reader: Markdown;
}

/** Renderers made from one of the site's: highlighting changes no markup they are compared on, and is most of their cost. */
export function proseRenderers(create: () => Markdown): ProseRenderers {
  return { page: create().set({ highlight: null }), reader: create().set({ html: true, highlight: null }) };
}

/** Where markdown with HTML on starts an element, a comment or a declaration: `<` then a letter, `/`, `!` or `?`. */
const markupStart = /<(?=[A-Za-z/!?])/g;

/** The text with the `<` at each offset written `&lt;`; the last is replaced first, so the others stay where they are. */
const escapedAt = (text: string, offsets: readonly number[]) =>
  offsets.toReversed().reduce((escaped, offset) => `${escaped.slice(0, offset)}&lt;${escaped.slice(offset + 1)}`, text);

/**
 * Markdown prose as its page shows it, for a reader that renders HTML in markdown: the page renders prose with
 * HTML off, so `<script>` written in it is text there, and must not become an element in the copy. Each `<` that
 * would start markup becomes `&lt;` where the page shows it as text; one in a code span or an autolink, which
 * escaping would change on the page, stays. The page's own renderer judges which is which, so the copy needs no
 * markdown parser of its own.
 */
export function inertMarkdown(prose: string, { page, reader }: ProseRenderers): string {
  const starts = [...prose.matchAll(markupStart)].map((match) => match.index);
  if (starts.length === 0) return prose;
  const shown = page.render(prose);
  if (reader.render(prose) === shown) return prose;
  // Usually every such `<` is text, and one rendering settles it; otherwise each is tried alone.
  let escaped = escapedAt(prose, starts);
  if (page.render(escaped) !== shown) {
    escaped = prose;
    for (const offset of starts.toReversed()) {
      const trial = escapedAt(escaped, [offset]);
      if (page.render(trial) === shown) escaped = trial;
    }
  }
  // With no `<` left that could start markup, no reader finds HTML, whatever the copy then looks like.
  return reader.render(escaped) === shown ? escaped : escapedAt(prose, starts);
}
