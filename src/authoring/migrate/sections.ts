import { parse as parseHtml, type HTMLElement } from "node-html-parser";
import type { StructuredFrontMatterInput } from "../../content/schema.ts";
import type { RegulationTerm } from "../../taxonomy/registry.ts";
import type { SectionOutcome } from "./publication.ts";
import { migrateArchitecture, migratePractices, migratePrerequisites, migrateReferences, migrateSpotlight } from "./card-sections.ts";
import { attempt, childElements, contentElements, hasClass, isStyleWrapper, keep, plainText, textOf, type MappingContext } from "./dom.ts";
import { blockMarkdown } from "./html-to-markdown.ts";
import { quote } from "./report.ts";
import { plural } from "../../text/plural.ts";
import { migrateSteps } from "./steps.ts";

/**
 * The legacy HTML body, section by section: each section is recognised by its class, its cards or its heading,
 * and mapped to its structured field, or to the markdown body for "Why it matters". A section that does not
 * fill its field is kept whole in legacy_content.
 */

/** The structured sections read from the HTML body. */
export type MigratedSections = Pick<
  StructuredFrontMatterInput,
  "primary_risk" | "prerequisites" | "spotlight" | "steps" | "architecture" | "best_practices" | "references"
>;

/** Front-matter values the body needs to recognise what the layout now draws itself. */
export interface GuideFacts {
  title: string;
  description: string;
  regulations: RegulationTerm[];
}

type SectionKind =
  "header" | "intro" | "prerequisites" | "spotlight" | "steps" | "architecture" | "practices" | "references" | "next-steps";

const sectionsByClass: [string, SectionKind][] = [
  ["header", "header"],
  ["intro-section", "intro"],
  ["cyera-highlight", "spotlight"],
  ["architecture-section", "architecture"],
  ["references-section", "references"],
  ["next-steps", "next-steps"],
];
const sectionsByContent: [string, SectionKind][] = [
  [".prereq-card", "prerequisites"],
  [".step", "steps"],
  [".component-card, .flow-diagram", "architecture"],
  [".practice-card", "practices"],
];
const sectionsByHeading: [RegExp, SectionKind][] = [
  [/next step/i, "next-steps"],
  [/why it matters/i, "intro"],
  [/prerequisite/i, "prerequisites"],
  [/step/i, "steps"],
  [/architecture|workflow/i, "architecture"],
  [/best practice|tips/i, "practices"],
  [/reference|further reading/i, "references"],
];

export function sectionKind(element: HTMLElement): SectionKind | undefined {
  const byClass = sectionsByClass.find(([name]) => element.classList.contains(name));
  if (byClass) return byClass[1];
  const byContent = sectionsByContent.find(([selector]) => element.querySelector(selector));
  if (byContent) return byContent[1];
  const heading = sectionHeading(element);
  return heading ? sectionsByHeading.find(([pattern]) => pattern.test(textOf(heading)))?.[1] : undefined;
}

function sectionHeading(element: HTMLElement): HTMLElement | undefined {
  return childElements(element).find((child) => child.localName === "h2" || child.classList.contains("section-title"));
}

export function migrateBody(ctx: MappingContext, facts: GuideFacts): { body: string; sections: MigratedSections; outcome: SectionOutcome } {
  const root = parseHtml(ctx.html, { comment: true, blockTextElements: { script: true, style: true } });
  const sections: MigratedSections = {};
  const body: string[] = [];
  const headings: string[] = [];
  const mapped = new Set<SectionKind>();
  const unmapped = new Set<SectionKind>();

  for (const element of contentElements(root, ctx, (candidate) => candidate.classList.contains("container") || isStyleWrapper(candidate))) {
    const kind = sectionKind(element);
    // A second section of a kind already mapped would overwrite the first; keep it as it was instead.
    if (!kind || (mapped.has(kind) && kind !== "next-steps")) {
      keep(ctx, element, kind ? `a second ${kind} section` : "no structured section matches it");
      continue;
    }
    const heading = sectionHeading(element);
    const mappedHere = attempt(ctx, (sub) => migrateSection(kind, element, heading, sub, facts, sections, body));
    if (!mappedHere) {
      keep(ctx, element, `its ${kind} content does not fill a complete section`);
      unmapped.add(kind);
      continue;
    }
    mapped.add(kind);
    if (heading && kind !== "header" && kind !== "next-steps" && kind !== "spotlight") headings.push(textOf(heading));
  }
  if (headings.length > 0) {
    ctx.report.push({ kind: "computed", message: `section headings ${headings.map(quote).join(", ")} (the layout draws its own)` });
  }
  return { body: body.join("\n\n"), sections, outcome: { mapped, unmapped } };
}

/** Maps one section; false when it does not fill its structured section, so the caller keeps it whole. */
function migrateSection(
  kind: SectionKind,
  element: HTMLElement,
  heading: HTMLElement | undefined,
  ctx: MappingContext,
  facts: GuideFacts,
  sections: MigratedSections,
  body: string[],
): boolean {
  const children = contentElements(element, ctx, isStyleWrapper).filter((child) => child !== heading);
  switch (kind) {
    case "header":
      migrateHeader(children, ctx, facts);
      return true;
    case "next-steps": {
      const links = element.querySelectorAll("a").map(textOf);
      ctx.report.push({ kind: "computed", message: `next steps ${links.map(quote).join(", ")} (links to the published sibling guides)` });
      return true;
    }
    case "intro":
      return migrateIntro(children, ctx, facts, sections, body);
    case "prerequisites":
      return assign(sections, "prerequisites", migratePrerequisites(children, ctx));
    case "spotlight":
      return assign(sections, "spotlight", migrateSpotlight(children, heading, ctx));
    case "steps":
      return assign(sections, "steps", migrateSteps(children, ctx));
    case "architecture":
      return assign(sections, "architecture", migrateArchitecture(children, ctx));
    case "practices":
      return assign(sections, "best_practices", migratePractices(children, ctx));
    case "references":
      return assign(sections, "references", migrateReferences(children, ctx));
  }
}

function assign<K extends keyof MigratedSections>(sections: MigratedSections, key: K, value: MigratedSections[K]): boolean {
  if (value === undefined) return false;
  sections[key] = value;
  return true;
}

function migrateHeader(children: HTMLElement[], ctx: MappingContext, facts: GuideFacts): void {
  const drawn: string[] = [];
  for (const child of children) {
    const text = textOf(child);
    if (child.localName === "h1" && text === facts.title) drawn.push("title");
    else if (child.localName === "p" && text === facts.description) drawn.push("description");
    else if (hasClass(child, ["badge", "guide-tag"])) drawn.push(`badge ${quote(text)}`);
    else if (hasClass(child, ["guide-tags-container", "guide-tags-wrapper"])) drawn.push(`tag links ${quote(text)}`);
    else keep(ctx, child, "in the header, but not the title, description or a tag");
  }
  ctx.report.push({ kind: "computed", message: `header: ${drawn.join(", ")} (the layout draws the header and its tag links)` });
}

function migrateIntro(
  children: HTMLElement[],
  ctx: MappingContext,
  facts: GuideFacts,
  sections: MigratedSections,
  body: string[],
): boolean {
  let paragraphs = 0;
  for (const child of children) {
    if (child.classList.contains("risk-highlight") && sections.primary_risk === undefined) {
      const risk = plainText(child, ctx, "the primary-risk callout")
        .replace(/^primary risk\s*:\s*/i, "")
        .trim();
      if (risk === "") keep(ctx, child, "a primary-risk callout without text");
      else {
        sections.primary_risk = risk;
        ctx.report.push({ kind: "mapped", message: `primary-risk callout → primary_risk` });
      }
    } else if (child.classList.contains("regulation-highlight")) {
      const text = textOf(child).replace(/^relevant regulations?\s*:\s*/i, "");
      if (namesOnlyRegulations(text, facts.regulations)) {
        ctx.report.push({ kind: "computed", message: `regulation callout ${quote(textOf(child))} (drawn from the registry)` });
      } else {
        keep(ctx, child, "the regulation callout says more than the regulation's name, and the layout draws only the name");
      }
    } else {
      const markdown = blockMarkdown(child);
      if (markdown === undefined) keep(ctx, child, "not prose the markdown body can hold");
      else {
        body.push(markdown);
        paragraphs++;
      }
    }
  }
  ctx.report.push({ kind: "mapped", message: `why it matters: ${plural(paragraphs, "block")} of prose → the markdown body` });
  return true;
}

/** Words that join regulation names without adding meaning ("PCI-DSS and SOC 2"). */
const joiningWords = new Set(["and", "or", "the", "of"]);

/** True when a regulation callout says nothing the registry does not already know. */
function namesOnlyRegulations(text: string, regulations: RegulationTerm[]): boolean {
  const known = new Set(regulations.flatMap((term) => [term.slug, term.label, term.full_name, ...term.aliases].flatMap(wordsOf)));
  return regulations.length > 0 && wordsOf(text).every((word) => known.has(word) || joiningWords.has(word));
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
