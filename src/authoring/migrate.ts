import path from "node:path";
import { HTMLElement, NodeType, parse as parseHtml, type Node } from "node-html-parser";
import { Document, isSeq, parse as parseYaml } from "yaml";
import { guideUrl, readGuides, schemasFor } from "../content/guide.ts";
import { renderLegacyBody } from "../content/legacy-body.ts";
import type { Problem } from "../messages/problems.ts";
import { canonicalWord, legacyLayoutName, maxTitleLength } from "../content/schema.ts";
import type { SiteSettings } from "../site-settings.ts";
import type { RegulationTerm, TaxonomyKind, TaxonomyRegistry } from "../taxonomy/registry.ts";
import { commandBlockOf, isCodeBlock, isLanguageLabel, type CommandBlock } from "./command-block.ts";
import { commandLanguage, languageSources } from "./command-language.ts";
import { describeRepair, keepPlaceholdersAsText } from "./placeholders.ts";
import { unmappedSections, type SectionOutcome } from "./publication.ts";

/**
 * Converts a legacy guide (front matter with `layout: base.njk` and a raw HTML body) into the structured
 * format: front matter holding every section, the "Why it matters" prose as the markdown body.
 * Nothing is dropped silently: what fits no section is kept verbatim in `legacy_content`, and every
 * decision lands in the report.
 */

/** What happened to a piece of the legacy guide. */
export type ReportKind = "fixed" | "mapped" | "guessed" | "kept" | "computed" | "omitted" | "warning";

/** What a "guessed" line guessed, so the guesses left to review can be counted. */
export type Guess = "command effect" | "command language" | "reference title";

/** One decision of the migration, for the person who reviews the migrated guide. */
export interface ReportLine {
  kind: ReportKind;
  message: string;
  guesses?: Guess[];
}

/** The outcome of migrating one file. */
export interface MigrationResult {
  /** The structured guide; written only when `problems` is empty. */
  output?: string;
  report: ReportLine[];
  /** Why the output cannot be written: it would not validate, or the input could not be read. */
  problems: Problem[];
  /** The input is not a legacy guide (no `layout: base.njk`), so there was nothing to convert. */
  notLegacy: boolean;
  /** The status the structured guide is written with. */
  status?: unknown;
  /** Why a guide published on the legacy site is written as a draft: the sections it lacks, each with its reason. */
  demotedBecause?: string;
}

const reportLabels: Record<ReportKind, string> = {
  fixed: "fixed",
  mapped: "mapped",
  guessed: "guessed, review it",
  kept: "kept in legacy_content",
  computed: "dropped, the site computes it",
  omitted: "left out",
  warning: "WARNING",
};

/** One report line as printed, e.g. `kept in legacy_content: <table> "Sample findings…": unknown element`. */
export function formatReportLine(line: ReportLine): string {
  return `${reportLabels[line.kind]}: ${line.message}`;
}

interface Prerequisites {
  permissions: string[];
  tools: string[];
  setup: string[];
}

interface Command {
  code: string;
  language: string;
  effect: CommandEffect;
  warning?: string;
}

interface MigratedStep {
  title: string;
  body: string;
  command?: Command;
}

interface PracticeCard {
  title: string;
  items: string[];
  pitfalls?: true;
}

/** The structured sections read from the HTML body, in the order the front matter lists them. */
interface Sections {
  primary_risk?: string;
  prerequisites?: Prerequisites;
  spotlight?: { title: string; text: string };
  steps?: MigratedStep[];
  architecture?: { components: { name: string; role: string }[]; flow: string[] };
  best_practices?: PracticeCard[];
  references?: { title: string; url: string }[];
}

interface Context {
  /** The HTML the parser read; kept elements are sliced from it so they stay byte for byte. */
  html: string;
  report: ReportLine[];
  kept: string[];
}

/** Front-matter values the body needs to recognise what the layout now draws itself. */
interface GuideFacts {
  title: string;
  description: string;
  regulations: RegulationTerm[];
}

/**
 * Migrates one legacy guide. `fileName` is where the output will be written (its name sets the URL and
 * is checked by the validator); the output is validated in memory with the project's own `readGuides`.
 */
export function migrateLegacyGuide(text: string, fileName: string, registry: TaxonomyRegistry, site: SiteSettings): MigrationResult {
  const report: ReportLine[] = [];
  const problem = (field: string, message: string): MigrationResult => ({
    report,
    problems: [{ file: fileName, field, message }],
    notLegacy: false,
  });
  const parts = splitLegacyFile(text, report);
  if (typeof parts === "string") return problem("front matter", parts);
  let data: unknown;
  try {
    data = parseYaml(parts.frontMatter);
  } catch (error) {
    return problem("front matter", `is not valid YAML (${String(error).split("\n")[0]}): fix the syntax, then migrate again`);
  }
  if (!isRecord(data)) return problem("front matter", "is not a set of fields: write one field a line, as name: value");
  if (typeof data.layout !== "string" || data.layout.trim().toLowerCase() !== legacyLayoutName) {
    return { report, problems: [], notLegacy: true };
  }

  const front = mapFrontMatter(data, registry, report);
  const repair = keepPlaceholdersAsText(renderLiquid(parts.body, data, fileName, site, report));
  for (const message of describeRepair(repair)) report.push({ kind: "fixed", message });
  const ctx: Context = { html: repair.html, report, kept: [...parts.strays] };
  const facts: GuideFacts = {
    title: typeof front.title === "string" ? front.title : "",
    description: typeof front.description === "string" ? front.description : "",
    regulations: regulationTerms(front.regulation, registry),
  };
  const { body, sections, outcome } = migrateBody(ctx, facts);

  const missing = unmappedSections(sections, body, outcome);
  const demotedBecause = front.status === "published" && missing.length > 0 ? `a published guide needs ${missing.join("; ")}` : undefined;
  if (demotedBecause) {
    front.status = "draft";
    report.push({
      kind: "warning",
      message: `status: published became draft, because ${demotedBecause}: write what is missing (see legacy_content), then set status: published`,
    });
  }
  if (front.status === "published") {
    report.push({
      kind: "omitted",
      message: "controls: the legacy guide names none; npm run check recommends adding them for the primary regulation",
    });
  }

  const output = serialise({ ...front, ...sections, legacy_content: ctx.kept.length > 0 ? ctx.kept.join("\n\n") : undefined }, body);
  const { problems } = readGuides([{ path: path.resolve(fileName), displayPath: fileName, text: output }], registry, site);
  return { output, report, problems, notLegacy: false, status: front.status, ...(demotedBecause ? { demotedBecause } : {}) };
}

// --- The file around the HTML: stray text, a wrapping code fence, the front matter ---------------------

const openingFence = /^\s*(```|~~~)[\w+-]*\s*$/;
const closingFence = /^\s*(```|~~~)\s*$/;

interface LegacyParts {
  frontMatter: string;
  body: string;
  /** Text found outside the guide (before the front matter or after a closing fence), kept verbatim. */
  strays: string[];
}

/**
 * Finds the front matter even when something was pasted before it, and unwraps a code fence that a chat
 * tool or an editor put around the whole file: the legacy site published such files with the fence showing.
 */
function splitLegacyFile(text: string, report: ReportLine[]): LegacyParts | string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const open = lines.findIndex((line) => line.trim() === "---");
  if (open === -1) return "is missing: a legacy guide starts with its fields between two --- lines";
  const close = lines.findIndex((line, index) => index > open && line.trim() === "---");
  if (close === -1) return "is not closed: add a --- line after the last field";

  const strays: string[] = [];
  const before = lines.slice(0, open);
  const fenced = before.some((line) => openingFence.test(line));
  const preamble = before
    .filter((line) => !openingFence.test(line))
    .join("\n")
    .trim();
  if (before.some((line) => line.trim() !== "")) {
    report.push({ kind: "fixed", message: `removed ${countLines(before)} before the front matter, so the file starts with it` });
  }
  if (preamble !== "") {
    strays.push(preamble);
    report.push({ kind: "kept", message: `the text before the front matter: ${quote(preamble)}` });
  }

  let body = lines.slice(close + 1);
  if (fenced) {
    const end = body.findLastIndex((line) => closingFence.test(line));
    if (end !== -1) {
      const after = body
        .slice(end + 1)
        .join("\n")
        .trim();
      if (after !== "") {
        strays.push(after);
        report.push({ kind: "kept", message: `the text after the closing code fence: ${quote(after)}` });
      }
      body = body.slice(0, end);
    }
    report.push({ kind: "fixed", message: "unwrapped the code fence around the whole file" });
  }
  return { frontMatter: lines.slice(open + 1, close).join("\n"), body: body.join("\n"), strays };
}

function countLines(lines: string[]): string {
  return lines.length === 1 ? "1 line" : `${lines.length} lines`;
}

// --- Front matter -------------------------------------------------------------------------------------

/** Fields a legacy guide may carry that the structured format keeps as they are. */
const passThrough = ["action", "subject", "reviewed"] as const;
/** The legacy site put every guide in this Eleventy collection; the structured site lists guides itself. */
const collectionTag = "guides";

function mapFrontMatter(data: Record<string, unknown>, registry: TaxonomyRegistry, report: ReportLine[]): Record<string, unknown> {
  const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
  const front: Record<string, unknown> = { title: trimmed(data.title), description: trimmed(data.description) };

  const metaTitle = trimmed(data.meta_title);
  if (typeof metaTitle === "string" && metaTitle.length > maxTitleLength) {
    report.push({
      kind: "omitted",
      message: `meta_title ${quote(metaTitle)} is ${metaTitle.length} characters, more than the ${maxTitleLength} a search result shows: the page title falls back to the title`,
    });
  } else if (metaTitle !== undefined) {
    front.meta_title = metaTitle;
  }

  for (const field of passThrough) if (data[field] !== undefined) front[field] = data[field];
  front.platform = canonicalTerm(registry, "platforms", "platform", data.platform, report);
  front.risk = canonicalTerm(registry, "risks", "risk", data.risk, report);
  front.regulation = Array.isArray(data.regulation)
    ? data.regulation.map((value) => canonicalTerm(registry, "regulations", "regulation", value, report))
    : canonicalTerm(registry, "regulations", "regulation", data.regulation, report);
  front.difficulty = canonicalValue("difficulty", data.difficulty, canonicalWord, report);
  front.status = canonicalValue("status", data.status, canonicalWord, report);
  front.order = canonicalValue(
    "order",
    data.order,
    (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    report,
  );

  const tags = typeof data.tags === "string" ? [data.tags] : data.tags;
  if (Array.isArray(tags)) {
    const kept = tags.filter((tag) => !(typeof tag === "string" && tag.trim().toLowerCase() === collectionTag));
    if (kept.length < tags.length) {
      report.push({ kind: "computed", message: `tag "${collectionTag}" (the legacy collection tag; the site lists every guide itself)` });
    }
    if (kept.length > 0) front.tags = kept;
  } else if (tags !== undefined) {
    front.tags = tags;
  }

  report.push({ kind: "computed", message: `layout: ${legacyLayoutName} (structured guides get the guide layout without asking)` });
  // The fields a legacy guide may carry are exactly those of the legacy schema.
  const handled = schemasFor(registry).legacy.shape;
  for (const [field, value] of Object.entries(data)) {
    if (!Object.hasOwn(handled, field)) {
      report.push({
        kind: "warning",
        message: `front-matter field ${field}: ${JSON.stringify(value) ?? "null"} has no place in a structured guide and was left out: move what matters into a section`,
      });
    }
  }
  return front;
}

/** The registry's label for a taxonomy value; an unknown value stays as written so validation names it. */
function canonicalTerm(registry: TaxonomyRegistry, kind: TaxonomyKind, field: string, value: unknown, report: ReportLine[]): unknown {
  if (typeof value !== "string") return value;
  const label = registry.resolve(kind, value)?.label;
  if (!label) return value;
  // A difference of case only is not worth a line; an alias or another spelling is.
  if (label.toLowerCase() !== value.trim().toLowerCase()) {
    report.push({ kind: "fixed", message: `${field}: ${quote(value)} is written as the registry's ${quote(label)}` });
  }
  return label;
}

function canonicalValue(field: string, value: unknown, canonical: (value: unknown) => unknown, report: ReportLine[]): unknown {
  const fixed = canonical(value);
  if (fixed !== value) report.push({ kind: "fixed", message: `${field}: ${JSON.stringify(value)} became ${JSON.stringify(fixed)}` });
  return fixed;
}

function regulationTerms(value: unknown, registry: TaxonomyRegistry): RegulationTerm[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((entry) => {
    const term = typeof entry === "string" ? registry.resolve("regulations", entry) : undefined;
    return term ? [term] : [];
  });
}

/**
 * Legacy bodies are Liquid templates (`{{ title }}`, tag links built with filters). A structured body
 * is never a template, so the body is rendered first, by the engine that renders it on the site today.
 */
function renderLiquid(body: string, data: Record<string, unknown>, fileName: string, site: SiteSettings, report: ReportLine[]): string {
  const slug = path.basename(fileName, ".md");
  const rendered = renderLegacyBody(body, { frontMatter: data, url: guideUrl(slug), slug, site });
  for (const problem of rendered.problems) {
    report.push({
      kind: "warning",
      message: `body line ${problem.line}: ${problem.message}; the body is migrated as written, so this Liquid will show as text`,
    });
  }
  return rendered.html ?? body;
}

// --- The HTML body ------------------------------------------------------------------------------------

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

function sectionKind(element: HTMLElement): SectionKind | undefined {
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

function migrateBody(ctx: Context, facts: GuideFacts): { body: string; sections: Sections; outcome: SectionOutcome } {
  const root = parseHtml(ctx.html, { comment: true, blockTextElements: { script: true, style: true } });
  const sections: Sections = {};
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
  ctx: Context,
  facts: GuideFacts,
  sections: Sections,
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

function assign<K extends keyof Sections>(sections: Sections, key: K, value: Sections[K]): boolean {
  if (value === undefined) return false;
  sections[key] = value;
  return true;
}

function migrateHeader(children: HTMLElement[], ctx: Context, facts: GuideFacts): void {
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

function migrateIntro(children: HTMLElement[], ctx: Context, facts: GuideFacts, sections: Sections, body: string[]): boolean {
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

const prerequisiteKinds: [RegExp, keyof Prerequisites][] = [
  [/permission|role|access/i, "permissions"],
  [/tool|software|cli/i, "tools"],
  [/setup|set-up|set up|prior|before|in place/i, "setup"],
];

function migratePrerequisites(children: HTMLElement[], ctx: Context): Prerequisites | undefined {
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

function migrateSpotlight(children: HTMLElement[], sectionHeading: HTMLElement | undefined, ctx: Context): Sections["spotlight"] {
  const heading = sectionHeading ?? children.find((child) => /^h[3-6]$/.test(child.localName));
  const paragraphs = children.filter((child) => child.localName === "p");
  if (!heading || paragraphs.length === 0) return undefined;
  for (const child of children)
    if (child !== heading && child.localName !== "p") keep(ctx, child, "in the product spotlight, which holds a title and text");
  const spotlight = { title: textOf(heading), text: paragraphs.map((p) => plainText(p, ctx, "the spotlight")).join(" ") };
  ctx.report.push({ kind: "mapped", message: `product spotlight ${quote(spotlight.title)} → spotlight (replaces the site-wide panel)` });
  return spotlight;
}

function migrateSteps(children: HTMLElement[], ctx: Context): MigratedStep[] | undefined {
  const steps: MigratedStep[] = [];
  let numbers = 0;
  for (const child of children) {
    if (!child.classList.contains("step")) {
      keep(ctx, child, "between the steps, not in one");
      continue;
    }
    const step = attempt(ctx, (sub) => migrateStep(child, steps.length, sub));
    if (step) {
      steps.push(step);
      if (child.querySelector(".step-number")) numbers++;
    } else keep(ctx, child, "a step without a title or without prose");
  }
  if (steps.length === 0) return undefined;
  if (numbers > 0) ctx.report.push({ kind: "computed", message: `${plural(numbers, "step number")} (the steps are an ordered list)` });
  const commands = steps.filter((step) => step.command).length;
  ctx.report.push({
    kind: "mapped",
    message: `${plural(steps.length, "step")} → steps, ${plural(commands, "with a command", "with commands")}`,
  });
  return steps;
}

function migrateStep(element: HTMLElement, index: number, ctx: Context): MigratedStep | undefined {
  let title: string | undefined;
  let command: Command | undefined;
  const body: string[] = [];
  const children = contentElements(element, ctx, isStyleWrapper);
  let label: HTMLElement | undefined;
  for (const [position, child] of children.entries()) {
    if (child.classList.contains("step-number")) continue;
    const block = command === undefined ? commandBlockOf(child, label) : undefined;
    if (title === undefined && (child.classList.contains("step-title") || /^h[3-6]$/.test(child.localName))) {
      title = plainText(child, ctx, "a step title");
    } else if (block) {
      command = migrateCommand(block, `steps[${index}].command`, ctx);
    } else if (command === undefined && isLanguageLabel(child) && commandBlockOf(children[position + 1])) {
      label = child;
    } else {
      const markdown = isCodeBlock(child) ? undefined : blockMarkdown(child);
      if (markdown === undefined) keep(ctx, child, `in step ${index + 1}, not prose a step body can hold`);
      else body.push(markdown);
    }
  }
  if (!title || body.length === 0) return undefined;
  return { title, body: body.join("\n\n"), ...(command ? { command } : {}) };
}

type CommandEffect = "reads" | "changes" | "destructive";

const destructiveWords = ["delete", "purge", "remove", "rm", "destroy", "regenerate", "renew", "reset", "filter-repo", "drop", "truncate"];
const readingWords = [
  "list",
  "show",
  "get",
  "describe",
  "lookup",
  "read",
  "scan",
  "ls",
  "cat",
  "select",
  "grep",
  "find",
  "search",
  "query",
  "detect",
];
/** Verbs that change state even when the command also reads (create-for-rbac … --query). */
const changingWords = ["create", "update", "set", "put", "add", "enable", "disable", "grant", "revoke", "assign", "apply", "attach"];

/**
 * Guesses what a command does from its verbs. Legacy guides never said, and a wrong "reads" label would
 * invite readers to run something carelessly, so every guess is reported for review.
 */
export function guessCommandEffect(code: string): { effect: CommandEffect; because?: string } {
  // A few options destroy on their own (git push --force, aws s3 sync --delete); other options name
  // settings, not actions: --enable-soft-delete does not delete anything.
  const destructiveOption = /(^|\s)(--force|--delete|--purge)(\s|=|$)/.exec(code.toLowerCase())?.[2];
  if (destructiveOption) return { effect: "destructive", because: destructiveOption };
  const lower = code.toLowerCase().replace(/(^|\s)--?[a-z0-9-]+/g, " ");
  // Splitting on hyphens finds the verb in remove-item and get-secret-value, but would break up filter-repo.
  const words = new Set(lower.split(/[^a-z0-9]+/));
  if (lower.includes("filter-repo")) words.add("filter-repo");
  const has = (list: string[]) => list.find((word) => words.has(word));
  const destructive = has(destructiveWords);
  if (destructive) return { effect: "destructive", because: destructive };
  const reading = has(readingWords);
  const changing = has(changingWords);
  if (reading && !changing) return { effect: "reads", because: reading };
  return { effect: "changes", because: changing };
}

function migrateCommand(block: CommandBlock, field: string, ctx: Context): Command {
  const { code } = block;
  const language = commandLanguage(code, block.hints);
  const { effect, because } = guessCommandEffect(code);
  const reason = because ? `from ${quote(because)}` : "no verb it knows";
  const ignored = language.ignored.length > 0 ? `; ${language.ignored.map(quote).join(", ")} names no language it knows` : "";
  ctx.report.push({
    kind: "guessed",
    message: `${field}: effect ${effect} (${reason}), language ${language.name} (${languageSources[language.source]}${ignored}): ${quote(code)}`,
    guesses: language.source === "command" ? ["command effect", "command language"] : ["command effect"],
  });
  for (const label of block.hints.labels) {
    ctx.report.push({ kind: "computed", message: `label ${quote(label)} of ${field} (the layout labels each command with its language)` });
  }
  return {
    code,
    language: language.name,
    effect,
    ...(effect === "destructive"
      ? {
          warning: `Migrated from a legacy guide and judged destructive because it uses "${because}": review what it removes or replaces, and whether that can be undone, before running it.`,
        }
      : {}),
  };
}

function migrateArchitecture(children: HTMLElement[], ctx: Context): Sections["architecture"] {
  const components: { name: string; role: string }[] = [];
  const flow: string[] = [];
  for (const child of children) {
    // Cards are usually in a grid, but a card outside one is a component all the same.
    if (hasClass(child, ["component-grid", "component-card"])) {
      const found = child.classList.contains("component-grid") ? cards(childElementsOf(child, ctx), ctx, "component-grid") : [child];
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

function componentParts(card: HTMLElement, ctx: Context): [HTMLElement, HTMLElement[]] | undefined {
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

function migrateFlow(diagram: HTMLElement, flow: string[], ctx: Context): void {
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

function migratePractices(children: HTMLElement[], ctx: Context): PracticeCard[] | undefined {
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

function migrateReferences(children: HTMLElement[], ctx: Context): Sections["references"] {
  const references: { title: string; url: string }[] = [];
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
        ctx.report.push({ kind: "kept", message: `${describe(item)}: references hold one http(s) link each` });
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
    return ["http:", "https:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

// --- Cards and lists ----------------------------------------------------------------------------------

/** The cards of a section, with its grid opened. */
function cards(children: HTMLElement[], ctx: Context, grid: string): HTMLElement[] {
  return children.flatMap((child) => {
    if (child.classList.contains(grid)) return childElementsOf(child, ctx);
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
function listItems(card: HTMLElement, heading: HTMLElement | undefined, ctx: Context, where: string): string[] {
  const items: string[] = [];
  for (const child of contentElements(card, ctx, isStyleWrapper)) {
    if (child === heading) continue;
    if (child.localName === "ul" || child.localName === "ol") {
      for (const item of contentElements(child, ctx, () => false)) items.push(plainText(item, ctx, where));
    } else keep(ctx, child, `in ${where}, but not its list`);
  }
  return items.filter((item) => item !== "");
}

// --- Markdown -----------------------------------------------------------------------------------------

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

// --- Helpers ------------------------------------------------------------------------------------------

/**
 * Runs a mapping on its own report and kept list, and adopts them only when it succeeds (neither undefined
 * nor false): a part that does not map is kept whole, so what its pieces would have reported must not show.
 */
function attempt<T>(ctx: Context, run: (sub: Context) => T | undefined): T | undefined {
  const sub: Context = { html: ctx.html, report: [], kept: [] };
  const result = run(sub);
  if (result !== undefined && result !== false) {
    ctx.report.push(...sub.report);
    ctx.kept.push(...sub.kept);
  }
  return result;
}

function keep(ctx: Context, node: Node, why: string): void {
  const source = ctx.html.slice(node.range[0], node.range[1]);
  // Loose text carries the line breaks around it, which would only widen the gaps between kept pieces.
  ctx.kept.push(node instanceof HTMLElement ? source : source.trim());
  ctx.report.push({ kind: "kept", message: `${describe(node)}: ${why}` });
}

/**
 * The element children of a node, with wrappers opened. Text outside any element is kept (the legacy page
 * showed it); comments are reported, since readers never saw them.
 */
function contentElements(parent: HTMLElement, ctx: Context, opens: (element: HTMLElement) => boolean): HTMLElement[] {
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

function childElementsOf(parent: HTMLElement, ctx: Context): HTMLElement[] {
  return contentElements(parent, ctx, isStyleWrapper);
}

function childElements(parent: HTMLElement): HTMLElement[] {
  return parent.childNodes.filter((node): node is HTMLElement => node instanceof HTMLElement);
}

/** A div or span that only styles its content (the legacy pages used them for spacing) can be opened. */
function isStyleWrapper(element: HTMLElement): boolean {
  return ["div", "span"].includes(element.localName) && Object.keys(element.attributes).every((name) => name === "style");
}

function hasClass(element: HTMLElement, names: string[]): boolean {
  return names.some((name) => element.classList.contains(name));
}

/**
 * Text for a plain-text field. Such fields cannot hold a link, so a link's address is reported rather than
 * lost without a word.
 */
function plainText(element: HTMLElement, ctx: Context, where: string): string {
  for (const link of element.querySelectorAll("a[href]")) {
    ctx.report.push({
      kind: "omitted",
      message: `the address ${link.getAttribute("href")} of the link ${quote(textOf(link))} in ${where} (a plain-text field)`,
    });
  }
  return textOf(element);
}

function textOf(node: Node): string {
  return node.text.replace(/\s+/g, " ").trim();
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function describe(node: Node): string {
  const text = textOf(node);
  const excerpt = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  if (!(node instanceof HTMLElement)) return quote(excerpt);
  const classes = node.classList.value.join(" ");
  return `<${node.localName}${classes ? ` class="${classes}"` : ""}>${excerpt ? ` ${quote(excerpt)}` : ""}`;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return `"${line.length > 80 ? `${line.slice(0, 79)}…` : line}"`;
}

function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// --- Output -------------------------------------------------------------------------------------------

/** Key order of the README's complete example, so migrated guides read like hand-written ones. */
const keyOrder = [
  "title",
  "description",
  "meta_title",
  "action",
  "subject",
  "platform",
  "risk",
  "regulation",
  "difficulty",
  "status",
  "order",
  "reviewed",
  "tags",
  "primary_risk",
  "prerequisites",
  "spotlight",
  "steps",
  "architecture",
  "best_practices",
  "references",
  "legacy_content",
];

function serialise(fields: Record<string, unknown>, body: string): string {
  const ordered = Object.fromEntries(keyOrder.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
  const doc = new Document(ordered);
  // Short lists of names read best on one line, as in the README example.
  for (const keyPath of [["tags"], ["regulation"], ["architecture", "flow"]]) {
    const node = doc.getIn(keyPath, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body === "" ? "" : `${body}\n`}`;
}
