import type { HTMLElement } from "node-html-parser";
import type { StructuredFrontMatterInput } from "../../content/schema.ts";
import {
  attempt,
  childElements,
  contentElements,
  describeNode,
  hasClass,
  isStyleWrapper,
  keep,
  plainText,
  textOf,
  type MappingContext,
} from "./dom.ts";
import { quote } from "./report.ts";
import { plural } from "../../text/plural.ts";

/**
 * The sections legacy pages drew as cards and lists: prerequisites, the product spotlight, architecture,
 * best practices and references. Each returns undefined when what it found does not fill its section.
 */

type Prerequisites = NonNullable<StructuredFrontMatterInput["prerequisites"]>;
type Spotlight = Exclude<StructuredFrontMatterInput["spotlight"], false | undefined>;
type Architecture = NonNullable<StructuredFrontMatterInput["architecture"]>;
type PracticeCard = NonNullable<StructuredFrontMatterInput["best_practices"]>[number];
type Reference = NonNullable<StructuredFrontMatterInput["references"]>[number];

const prerequisiteKinds: [RegExp, keyof Prerequisites][] = [
  [/permission|role|access/i, "permissions"],
  [/tool|software|cli/i, "tools"],
  [/setup|set-up|set up|prior|before|in place/i, "setup"],
];

export function migratePrerequisites(children: HTMLElement[], ctx: MappingContext): Prerequisites | undefined {
  const found: Partial<Prerequisites> = {};
  for (const card of cards(children, ctx, "prerequisites-grid")) {
    const heading = cardHeading(card);
    const kind = heading && prerequisiteKinds.find(([pattern]) => pattern.test(textOf(heading)))?.[1];
    if (!kind || found[kind]) {
      keep(ctx, card, kind ? `a second ${kind} card` : "a prerequisite card whose heading names no permissions, tools or setup");
      continue;
    }
    const items = attempt(ctx, (sub) => nonEmpty(listItems(card, heading, sub, `the ${kind} card`)));
    if (items) found[kind] = items;
    else keep(ctx, card, "a prerequisite card without a list");
  }
  if (!found.permissions || !found.tools || !found.setup) return undefined;
  const prerequisites = { permissions: found.permissions, tools: found.tools, setup: found.setup };
  ctx.report.push({
    kind: "mapped",
    message: `prerequisites: ${plural(prerequisites.permissions.length, "permission")}, ${plural(prerequisites.tools.length, "tool")}, ${plural(prerequisites.setup.length, "setup item")}`,
  });
  return prerequisites;
}

export function migrateSpotlight(
  children: HTMLElement[],
  sectionHeading: HTMLElement | undefined,
  ctx: MappingContext,
): Spotlight | undefined {
  const heading = sectionHeading ?? children.find((child) => /^h[3-6]$/.test(child.localName));
  const paragraphs = children.filter((child) => child.localName === "p");
  if (!heading || paragraphs.length === 0) return undefined;
  for (const child of children)
    if (child !== heading && child.localName !== "p") keep(ctx, child, "in the product spotlight, which holds a title and text");
  const spotlight = { title: textOf(heading), text: paragraphs.map((p) => plainText(p, ctx, "the spotlight")).join(" ") };
  ctx.report.push({ kind: "mapped", message: `product spotlight ${quote(spotlight.title)} → spotlight (replaces the site-wide panel)` });
  return spotlight;
}

export function migrateArchitecture(children: HTMLElement[], ctx: MappingContext): Architecture | undefined {
  const components: Architecture["components"] = [];
  const flow: string[] = [];
  for (const child of children) {
    // Cards are usually in a grid, but a card outside one is a component all the same.
    if (hasClass(child, ["component-grid", "component-card"])) {
      const found = child.classList.contains("component-grid")
        ? cards(contentElements(child, ctx, isStyleWrapper), ctx, "component-grid")
        : [child];
      for (const card of found) {
        const parts = attempt(ctx, (sub) => componentParts(card, sub));
        if (!parts) {
          keep(ctx, card, "a component card without a name or a role");
          continue;
        }
        const [heading, role] = parts;
        components.push({ name: textOf(heading), role: role.map((p) => plainText(p, ctx, "a component role")).join(" ") });
      }
    } else if (child.classList.contains("flow-diagram")) {
      migrateFlow(child, flow, ctx);
    } else {
      keep(ctx, child, "in the architecture section, but not a component or the flow");
    }
  }
  if (components.length === 0 || flow.length < 2) return undefined;
  ctx.report.push({
    kind: "mapped",
    message: `architecture: ${plural(components.length, "component")}, ${plural(flow.length, "flow stage")}`,
  });
  return { components, flow };
}

function componentParts(card: HTMLElement, ctx: MappingContext): [HTMLElement, HTMLElement[]] | undefined {
  const parts = contentElements(card, ctx, isStyleWrapper);
  const heading = parts.find((part) => /^h[2-6]$/.test(part.localName));
  const role = parts.filter((part) => part.localName === "p");
  if (!heading || role.length === 0) return undefined;
  for (const part of parts) if (part !== heading && !role.includes(part)) keep(ctx, part, "in a component card, but not its name or role");
  return [heading, role];
}

/** A wrapper of stages and arrows, whatever its class, is opened like a style wrapper. */
function holdsOnlyFlowParts(element: HTMLElement): boolean {
  const parts = childElements(element);
  return parts.length > 0 && parts.every((part) => hasClass(part, ["flow-step", "flow-arrow"]));
}

function migrateFlow(diagram: HTMLElement, flow: string[], ctx: MappingContext): void {
  let arrows = 0;
  for (const part of contentElements(diagram, ctx, (element) => isStyleWrapper(element) || holdsOnlyFlowParts(element))) {
    if (part.classList.contains("flow-step")) flow.push(textOf(part));
    else if (part.classList.contains("flow-arrow")) arrows++;
    else if (/^h[3-6]$/.test(part.localName)) {
      ctx.report.push({ kind: "computed", message: `flow heading ${quote(textOf(part))} (the layout titles it "Flow")` });
    } else keep(ctx, part, "in the flow diagram, but not a stage");
  }
  if (arrows > 0) ctx.report.push({ kind: "computed", message: `${plural(arrows, "flow arrow")} (drawn in CSS)` });
}

export function migratePractices(children: HTMLElement[], ctx: MappingContext): PracticeCard[] | undefined {
  const practices: PracticeCard[] = [];
  for (const card of cards(children, ctx, "best-practices-grid")) {
    const heading = cardHeading(card);
    const items = heading && attempt(ctx, (sub) => nonEmpty(listItems(card, heading, sub, "a best-practice card")));
    if (!heading || !items) {
      keep(ctx, card, "a best-practice card without a title or a list");
      continue;
    }
    const title = textOf(heading);
    const pitfalls = card.classList.contains("warning-card") || /pitfall/i.test(title);
    practices.push({ title, items, ...(pitfalls ? { pitfalls: true as const } : {}) });
  }
  if (practices.length === 0) return undefined;
  const pitfallCards = practices.filter((card) => card.pitfalls).length;
  ctx.report.push({
    kind: "mapped",
    message: `best practices: ${plural(practices.length, "card")}${pitfallCards > 0 ? `, ${pitfallCards} marked pitfalls: true` : ""}`,
  });
  return practices;
}

export function migrateReferences(children: HTMLElement[], ctx: MappingContext): Reference[] | undefined {
  const references: Reference[] = [];
  const unmapped: string[] = [];
  for (const child of children) {
    if (child.localName !== "ul" && child.localName !== "ol") {
      keep(ctx, child, "in the references, but not in their list");
      continue;
    }
    for (const item of contentElements(child, ctx, () => false)) {
      const links = item.querySelectorAll("a");
      const href = links.length === 1 ? links[0]!.getAttribute("href")?.trim() : undefined;
      if (!href || !isWebAddress(href)) {
        unmapped.push(ctx.html.slice(item.range[0], item.range[1]));
        ctx.report.push({ kind: "kept", message: `${describeNode(item)}: references hold one https link each` });
        continue;
      }
      const title = textOf(item) || href;
      if (!textOf(item)) {
        ctx.report.push({
          kind: "guessed",
          message: `reference ${href} has no link text: its address is its title`,
          guesses: ["reference title"],
        });
      }
      references.push({ title, url: href });
    }
  }
  if (unmapped.length > 0) ctx.kept.push(`<ul>\n${unmapped.join("\n")}\n</ul>`);
  if (references.length === 0) return undefined;
  ctx.report.push({ kind: "mapped", message: `${plural(references.length, "reference")} → references` });
  return references;
}

function isWebAddress(href: string): boolean {
  try {
    return new URL(href).protocol === "https:";
  } catch {
    return false;
  }
}

/** The cards of a section, with its grid opened. */
function cards(children: HTMLElement[], ctx: MappingContext, grid: string): HTMLElement[] {
  return children.flatMap((child) => {
    if (child.classList.contains(grid)) return contentElements(child, ctx, isStyleWrapper);
    return [child];
  });
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function cardHeading(card: HTMLElement): HTMLElement | undefined {
  return childElements(card).find((child) => /^h[2-6]$/.test(child.localName));
}

/** The list items of a card; what else the card holds is kept, so nothing but the heading is lost. */
function listItems(card: HTMLElement, heading: HTMLElement | undefined, ctx: MappingContext, where: string): string[] {
  const items: string[] = [];
  for (const child of contentElements(card, ctx, isStyleWrapper)) {
    if (child === heading) continue;
    if (child.localName === "ul" || child.localName === "ol") {
      for (const item of contentElements(child, ctx, () => false)) items.push(plainText(item, ctx, where));
    } else keep(ctx, child, `in ${where}, but not its list`);
  }
  return items.filter((item) => item !== "");
}
