import type { Env, MarkdownIt, Token } from "markdown-it";
import { createBodyRenderer, createFieldRenderer } from "../markdown/renderers.ts";
import type { Problem } from "../messages/problems.ts";
import type { FrontMatter } from "./front-matter.ts";
import type { GuideSource } from "./guide.ts";

/** Which renderer draws a text: the body's, or the one for markdown in front-matter fields (step bodies). */
type Renderer = "body" | "field";

/** A mistake in one markdown text, at its line counted from 0. */
interface MarkdownProblem {
  line: number;
  message: string;
}

/** The env markdown-it hands every rule of one parse; the block tokenizer notes the first line it skips for nesting too deep. */
interface ParseNotes extends Env {
  tooDeepFrom?: number;
}

let parsers: Record<Renderer, MarkdownIt> | undefined;
/** Instances configured as the renderers, so a text is parsed as its page will render it; only parsed, never rendered. */
function parserFor(renderer: Renderer): MarkdownIt {
  parsers ??= { body: notingNesting(createBodyRenderer()), field: notingNesting(createFieldRenderer()) };
  return parsers[renderer];
}

/**
 * markdown-it stops at `maxNesting` levels (each list counts two, each quote one) by skipping the
 * rest of the list or quote it is in, silently. Its tokenizer is where that happens, so it notes the
 * line there; the renderers themselves are not touched.
 */
function notingNesting(markdown: MarkdownIt): MarkdownIt {
  const tokenize = markdown.block.tokenize.bind(markdown.block);
  markdown.block.tokenize = (state, startLine, endLine) => {
    if (state.level >= markdown.options.maxNesting) {
      const firstSkipped = state.skipEmptyLines(startLine);
      const notes = state.env as ParseNotes;
      if (firstSkipped < endLine) notes.tooDeepFrom ??= firstSkipped;
    }
    tokenize(state, startLine, endLine);
  };
  return markdown;
}

/**
 * Whether a text could nest that deep, read without parsing it. Each nesting level costs its line at
 * least one column of indentation or markers (`>`, `-`, `1.`), and a tab is at most four columns, so a
 * line opening the deepest level starts with at least a quarter of maxNesting such characters.
 */
function mayNestTooDeep(text: string, maxNesting: number): boolean {
  return new RegExp(`^[ \\t>*+\\-\\d.)]{${Math.floor(maxNesting / 4)}}`, "m").test(text);
}

/** A URL the page would fetch from another site: with a scheme (https:, data:) or a host (//host/). */
const isOffSite = (url: string) => /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url);

/** What markdown-it would drop or the Content-Security-Policy would block in one text; most texts need no parse at all. */
function markdownTextProblems(text: string, renderer: Renderer): MarkdownProblem[] {
  const markdown = parserFor(renderer);
  const maxNesting = markdown.options.maxNesting;
  if (!text.includes("![") && !mayNestTooDeep(text, maxNesting)) return [];
  const notes: ParseNotes = {};
  const tokens = markdown.parse(text, notes);
  const problems = offSiteImages(tokens);
  if (notes.tooDeepFrom !== undefined) {
    problems.unshift({
      line: notes.tooDeepFrom,
      message: `nests lists or quotes deeper than markdown renders (${maxNesting} levels, a list counting two), so the page would leave out the text from here on: flatten the nesting`,
    });
  }
  return problems;
}

/** Images from another site, each at its line: inline tokens know the line they start on, and count theirs by line breaks. */
function offSiteImages(tokens: Token[]): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  let line = 0;
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    let breaks = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") breaks += 1;
      const source = child.type === "image" ? String(child.attrGet("src") ?? "") : "";
      if (isOffSite(source)) {
        problems.push({
          line: line + breaks,
          message: `shows the image "${source}" from another site, which the page's Content-Security-Policy blocks: images must be served by this site; link one by its path here (starting with /) or remove it`,
        });
      }
    }
  }
  return problems;
}

/** A literal block scalar's header (`body: |`, `|-`, `|2`): its text starts on the next line and keeps its lines. */
const literalBlock = /:[ \t]*\|[1-9+-]{0,2}[ \t]*(?:#.*)?$/;

/**
 * Every markdown text of a structured guide checked as its page renders it: the body, and each
 * step's body (layouts/partials/guide/steps.liquid and the search index render them with the field
 * renderer). Problems are placed on their line of the file; in a field written as a literal block
 * (`body: |`) on the line itself, in any other form of field on the field's line.
 */
export function markdownProblems(source: GuideSource, frontMatter: FrontMatter): Problem[] {
  const { body, data, linesBeforeBody, lineOf } = frontMatter;
  const problems: Problem[] = markdownTextProblems(body, "body").map(({ line, message }) => ({
    file: source.displayPath,
    line: linesBeforeBody + line + 1,
    field: "body",
    message,
  }));
  const steps = Array.isArray(data.steps) ? (data.steps as unknown[]) : [];
  for (const [index, step] of steps.entries()) {
    const text = (step as { body?: unknown } | null)?.body;
    if (typeof text !== "string") continue;
    for (const { line, message } of markdownTextProblems(text, "field")) {
      const fieldLine = lineOf(["steps", index, "body"]);
      const written = fieldLine === undefined ? undefined : source.text.split("\n")[fieldLine - 1]?.replace(/\r$/, "");
      const inLiteralBlock = written !== undefined && literalBlock.test(written);
      problems.push({
        file: source.displayPath,
        line: inLiteralBlock ? fieldLine! + 1 + line : fieldLine,
        field: `steps[${index}].body`,
        message,
      });
    }
  }
  return problems;
}
