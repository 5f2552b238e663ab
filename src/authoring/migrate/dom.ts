import { HTMLElement, NodeType, type Node } from "node-html-parser";
import { quote, type ReportLine } from "./report.ts";

/**
 * Reading the legacy HTML while accounting for every piece of it: what a mapping does not use is kept
 * verbatim for legacy_content, or reported, so nothing the legacy page showed is lost without a word.
 */

/** What a section mapping reads from and writes to. */
export interface MappingContext {
  /** The HTML the parser read; kept elements are sliced from it so they stay byte for byte. */
  html: string;
  report: ReportLine[];
  kept: string[];
}

/**
 * Runs a mapping on its own report and kept list, and adopts them only when it succeeds (neither undefined
 * nor false): a part that does not map is kept whole, so what its pieces would have reported must not show.
 */
export function attempt<T>(ctx: MappingContext, run: (sub: MappingContext) => T | undefined): T | undefined {
  const sub: MappingContext = { html: ctx.html, report: [], kept: [] };
  const result = run(sub);
  if (result !== undefined && result !== false) {
    ctx.report.push(...sub.report);
    ctx.kept.push(...sub.kept);
  }
  return result;
}

export function keep(ctx: MappingContext, node: Node, why: string): void {
  const source = ctx.html.slice(node.range[0], node.range[1]);
  // Loose text carries the line breaks around it, which would only widen the gaps between kept pieces.
  ctx.kept.push(node instanceof HTMLElement ? source : source.trim());
  ctx.report.push({ kind: "kept", message: `${describeNode(node)}: ${why}` });
}

/**
 * The element children of a node, with wrappers opened. Text outside any element is kept (the legacy page
 * showed it); comments are reported, since readers never saw them.
 */
export function contentElements(parent: HTMLElement, ctx: MappingContext, opens: (element: HTMLElement) => boolean): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const node of parent.childNodes) {
    if (node instanceof HTMLElement) {
      if (opens(node)) found.push(...contentElements(node, ctx, opens));
      else found.push(node);
    } else if (node.nodeType === NodeType.COMMENT_NODE) {
      ctx.report.push({ kind: "omitted", message: `HTML comment ${quote(node.rawText.trim())} (never shown to readers)` });
    } else if (node.text.trim() !== "") {
      keep(ctx, node, "text outside any element");
    }
  }
  return found;
}

/** The element children of a node as they are, for looking at its shape without accounting for its content. */
export function childElements(parent: HTMLElement): HTMLElement[] {
  return parent.childNodes.filter((node): node is HTMLElement => node instanceof HTMLElement);
}

/** A div or span that only styles its content (the legacy pages used them for spacing) can be opened. */
export function isStyleWrapper(element: HTMLElement): boolean {
  return ["div", "span"].includes(element.localName) && Object.keys(element.attributes).every((name) => name === "style");
}

export function hasClass(element: HTMLElement, names: string[]): boolean {
  return names.some((name) => element.classList.contains(name));
}

/**
 * Text for a plain-text field. Such fields cannot hold a link, so a link's address is reported rather than
 * lost without a word.
 */
export function plainText(element: HTMLElement, ctx: MappingContext, where: string): string {
  for (const link of element.querySelectorAll("a[href]")) {
    ctx.report.push({
      kind: "omitted",
      message: `the address ${link.getAttribute("href")} of the link ${quote(textOf(link))} in ${where} (a plain-text field)`,
    });
  }
  return textOf(element);
}

export function textOf(node: Node): string {
  return node.text.replace(/\s+/g, " ").trim();
}

/** A node as a report line names it: its tag and classes, and the start of its text. */
export function describeNode(node: Node): string {
  const text = textOf(node);
  const excerpt = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  if (!(node instanceof HTMLElement)) return quote(excerpt);
  const classes = node.classList.value.join(" ");
  return `<${node.localName}${classes ? ` class="${classes}"` : ""}>${excerpt ? ` ${quote(excerpt)}` : ""}`;
}
