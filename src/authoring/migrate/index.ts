import path from "node:path";
import yaml from "js-yaml";
import { schemasFor } from "../../content/guide.ts";
import { readGuides } from "../../content/guide-set.ts";
import { isLegacyLayout } from "../../content/schema.ts";
import type { SiteSettings } from "../../site-settings.ts";
import type { TaxonomyRegistry } from "../../taxonomy/registry.ts";
import { describeRepair, keepPlaceholdersAsText } from "./placeholders.ts";
import { unmappedSections } from "./publication.ts";
import type { MappingContext } from "./dom.ts";
import { canonicalFrontMatter, regulationTerms } from "./front-matter.ts";
import { renderLegacyLiquid, splitLegacyFile } from "./legacy-file.ts";
import type { MigrationResult, ReportLine } from "./report.ts";
import { migrateBody, type GuideFacts } from "./sections.ts";
import { serialiseGuide } from "./serialise.ts";

export { formatReportLine, type Guess, type MigrationResult, type ReportLine } from "./report.ts";

/**
 * Converts a legacy guide (front matter with `layout: base.njk` and a raw HTML body) into the structured
 * format: front matter holding every section, the "Why it matters" prose as the markdown body.
 * Nothing is dropped silently: what fits no section is kept verbatim in `legacy_content`, and every
 * decision lands in the report.
 */

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
    // The reader the site uses for guides (js-yaml 4, as Eleventy), so a value migrates as it builds.
    data = yaml.load(parts.frontMatter);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    return problem("front matter", `is not valid YAML (${error.reason}): fix the syntax, then migrate again`);
  }
  if (!isRecord(data)) return problem("front matter", "is not a set of fields: write one field a line, as name: value");
  if (!isLegacyLayout(data.layout)) return { report, problems: [], notLegacy: true };

  const front = canonicalFrontMatter(data, registry, report);
  const repair = keepPlaceholdersAsText(renderLegacyLiquid(parts.body, data, fileName, site, report));
  for (const message of describeRepair(repair)) report.push({ kind: "fixed", message });
  const ctx: MappingContext = { html: repair.html, report, kept: [...parts.strays] };
  const facts: GuideFacts = {
    title: typeof front.title === "string" ? front.title : "",
    description: typeof front.description === "string" ? front.description : "",
    regulations: regulationTerms(front.regulation, registry),
  };
  const { body, sections, outcome } = migrateBody(ctx, facts);

  // A review date says an expert checked the guide; the migration cannot vouch for that, only carry one over.
  const unreviewed =
    front.reviewed === undefined
      ? ["a reviewed date (the legacy page has none: have an expert check the guide, then write reviewed: YYYY-MM-DD)"]
      : [];
  const missing = [...unmappedSections(sections, body, outcome), ...unreviewed];
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

  // The schema's field order is the README example's, so migrated guides read like hand-written ones.
  const fieldOrder = Object.keys(schemasFor(registry).structured.shape);
  const legacyContent = ctx.kept.length > 0 ? ctx.kept.join("\n\n") : undefined;
  const output = serialiseGuide({ ...front, ...sections, legacy_content: legacyContent }, body, fieldOrder);
  const { problems } = readGuides([{ path: path.resolve(fileName), displayPath: fileName, text: output }], registry, site);
  return { output, report, problems, notLegacy: false, status: front.status, ...(demotedBecause ? { demotedBecause } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
