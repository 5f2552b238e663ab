import { HTMLElement, NodeType, type Node } from "node-html-parser";

/**
 * Legacy prose as markdown that renders back to the same text: paragraphs, lists and headings whose inline
 * elements markdown can say. Anything else is refused, so the caller keeps the HTML rather than lose meaning.
 */

/** Inline elements whose meaning markdown can carry, or that only style text. */
const inlineTags = new Set(["strong", "b", "em", "i", "code", "kbd", "a", "br", "span", "small", "abbr", "mark", "u", "time", "cite"]);

/** Markdown for a paragraph, list or heading; undefined when the block holds something markdown cannot say. */
export function blockMarkdown(element: HTMLElement): string | undefined {
  const tag = element.localName;
  if (tag === "p") return inlineBlock(element);
  const heading = /^h([3-6])$/.exec(tag);
  if (heading) {
    const text = inlineBlock(element);
    return text === undefined ? undefined : `${"#".repeat(Number(heading[1]))} ${text}`;
  }
  if (tag === "ul" || tag === "ol") {
    const items = element.childNodes.filter((node) => !(node.nodeType === NodeType.TEXT_NODE && node.text.trim() === ""));
    const lines: string[] = [];
    for (const [index, item] of items.entries()) {
      const text = item instanceof HTMLElement && item.localName === "li" ? inlineBlock(item) : undefined;
      if (text === undefined) return undefined;
      lines.push(`${tag === "ol" ? `${index + 1}.` : "-"} ${text.replace(/\n/g, "\n   ")}`);
    }
    return lines.length > 0 ? lines.join("\n") : undefined;
  }
  return undefined;
}

function inlineBlock(element: HTMLElement): string | undefined {
  const parts = element.childNodes.map(inlineMarkdown);
  if (parts.some((part) => part === undefined)) return undefined;
  const lines = parts
    .join("")
    .split("\n")
    .map((line) => escapeLineStart(line.replace(/[ \t]+/g, " ").trim()));
  const text = lines.join("\n").trim();
  return text === "" ? undefined : text;
}

function inlineMarkdown(node: Node): string | undefined {
  if (node.nodeType === NodeType.TEXT_NODE) return escapeMarkdown(node.text.replace(/\s+/g, " "));
  if (!(node instanceof HTMLElement) || !inlineTags.has(node.localName)) return undefined;
  switch (node.localName) {
    case "br":
      return "\\\n";
    case "code":
    case "kbd":
      return codeSpan(node.text.replace(/\s+/g, " "));
  }
  const parts = node.childNodes.map(inlineMarkdown);
  if (parts.some((part) => part === undefined)) return undefined;
  const inner = parts.join("");
  switch (node.localName) {
    case "strong":
    case "b":
      return wrap(inner, "**");
    case "em":
    case "i":
      return wrap(inner, "*");
    case "a": {
      const href = node.getAttribute("href")?.trim();
      return href
        ? `[${inner.trim()}](${href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)})`
        : inner;
    }
    default:
      return inner;
  }
}

/** Emphasis only works when the markers touch the text, so surrounding spaces move outside them. */
function wrap(inner: string, marker: string): string {
  const [, before = "", core = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? [];
  return core === "" ? inner : `${before}${marker}${core}${marker}${after}`;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  // A code span strips one space from each end, which lets it start or end with a backtick.
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text that must read the same after markdown: its special characters are escaped, and entity-like text keeps its ampersand. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, "\\$&").replace(/&(?=#?[a-z0-9]+;)/gi, "\\&");
}

/** Characters that start a heading, quote, list or rule only at the start of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\d+)([.)])/, "$1\\$2").replace(/^([#+=-])/, "\\$1");
}
