import { parse, type HTMLElement } from "node-html-parser";
import { contentElements, isStyleWrapper, type MappingContext } from "../../src/authoring/migrate/dom.ts";

/** A fresh mapping context over `html`, which kept pieces are sliced from. */
export function contextFor(html: string): MappingContext {
  return { html, report: [], kept: [] };
}

/** The first element of `html`, parsed as the migration parses a legacy body. */
export function elementOf(html: string): HTMLElement {
  const element = parse(html, { comment: true, blockTextElements: { script: true, style: true } }).querySelector("*");
  if (!element) throw new Error(`no element in ${html}`);
  return element;
}

/** A legacy section's content elements, with a context over its HTML, as a section mapper receives them. */
export function sectionOf(html: string): { children: HTMLElement[]; ctx: MappingContext } {
  const ctx = contextFor(html);
  return { children: contentElements(elementOf(html), ctx, isStyleWrapper), ctx };
}
