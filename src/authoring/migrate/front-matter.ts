import { schemasFor } from "../../content/guide.ts";
import { canonicalWord, legacyLayoutName, maxTitleLength, wholeNumberText } from "../../content/schema.ts";
import type { RegulationTerm, TaxonomyKind, TaxonomyRegistry } from "../../taxonomy/registry.ts";
import { quote, type ReportLine } from "./report.ts";

/**
 * The legacy front matter in its canonical structured form: registry labels for taxonomy values, lower-case
 * words, numbers that were quoted as text, without what the structured site computes itself.
 */

/** Fields a legacy guide may carry that the structured format keeps as they are. */
const passThrough = ["action", "subject", "reviewed"] as const;
/** The legacy site put every guide in this Eleventy collection; the structured site lists guides itself. */
const collectionTag = "guides";

export function canonicalFrontMatter(
  data: Record<string, unknown>,
  registry: TaxonomyRegistry,
  report: ReportLine[],
): Record<string, unknown> {
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
  // YAML reads a bare date as a date; the structured guide writes it back as one.
  if (front.reviewed instanceof Date) front.reviewed = front.reviewed.toISOString().slice(0, 10);
  front.platform = canonicalTerm(registry, "platforms", "platform", data.platform, report);
  front.risk = canonicalTerm(registry, "risks", "risk", data.risk, report);
  front.regulation = Array.isArray(data.regulation)
    ? data.regulation.map((value) => canonicalTerm(registry, "regulations", "regulation", value, report))
    : canonicalTerm(registry, "regulations", "regulation", data.regulation, report);
  front.difficulty = canonicalValue("difficulty", data.difficulty, canonicalWord, report);
  front.status = canonicalValue("status", data.status, canonicalWord, report);
  front.order = canonicalValue("order", data.order, wholeNumberText, report);

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

/** The registry terms of a regulation field, one value or a list; values the registry does not know are left out. */
export function regulationTerms(value: unknown, registry: TaxonomyRegistry): RegulationTerm[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((entry) => {
    const term = typeof entry === "string" ? registry.resolve("regulations", entry) : undefined;
    return term ? [term] : [];
  });
}
