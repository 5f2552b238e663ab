import type { MarkdownIt } from "markdown-it";

/**
 * Where a line may break inside inline code: after a run of `/ - = . _ , :` that follows a character and precedes
 * one, so `.env` and `--recursive` keep their start.
 */
const breakPoints = /(?<=[^\s/=._,:-][/=._,:-]+)(?=[^\s/=._,:-])/g;

/**
 * A piece of more than 24 characters, near a phone's line of code in a nested list, also breaks between the words
 * of a camelCase name rather than anywhere; a shorter one, `allAuthenticatedUsers`, stays whole, where a break
 * would read as two names.
 */
const longPiece = 24;
const camelCaseWords = /(?<=[a-z])(?=[A-Z])/g;

/** A hyphen the browser would break after on its own, which is not one of the break points: `--` in `--access-key`. */
const innerHyphen = /-(?!$)/;

/**
 * Code as text escaped by `escape`, with a `<wbr>` at each place a reader expects a long token to break. A piece
 * between two of them that holds a hyphen of its own is kept on one line, since browsers break after any hyphen.
 */
export function breakableCode(code: string, escape: (text: string) => string): string {
  const word = (text: string) =>
    text
      .split(breakPoints)
      .flatMap((piece) => (piece.length > longPiece ? piece.split(camelCaseWords) : [piece]))
      .map((piece) => (innerHyphen.test(piece) ? `<span class="code-piece">${escape(piece)}</span>` : escape(piece)))
      .join("<wbr>");
  // Odd parts are the spaces between words, where lines break anyway.
  return code
    .split(/(\s+)/)
    .map((part, index) => (index % 2 === 1 ? escape(part) : word(part)))
    .join("");
}

/**
 * Inline code on the site's pages breaks only where a reader expects it to (`projects/<id>/locations/…` after
 * a slash, never mid-word). Only the pages' renderers get this: the search index and the markdown copy keep
 * the text as written.
 */
export function withBreakableInlineCode(md: MarkdownIt): MarkdownIt {
  md.renderer.rules.code_inline = (tokens, index, _options, _env, self) => {
    const token = tokens[index]!;
    return `<code${self.renderAttrs(token)}>${breakableCode(token.content, md.utils.escapeHtml)}</code>`;
  };
  return md;
}
