import { requiredSections } from "../../content/schema.ts";

/**
 * Whether a guide published on the legacy site can stay published once migrated: only when every section a
 * published guide needs was mapped. When one was not, the report says which, and why, so the draft is
 * never a surprise.
 */

/** Which kinds of legacy section were mapped, and which were found but kept in legacy_content. */
export interface SectionOutcome {
  mapped: ReadonlySet<string>;
  unmapped: ReadonlySet<string>;
}

/** The legacy section each required field comes from, and what that section must hold to map. */
const legacySources: Record<string, { kind: string; name: string; needs: string }> = {
  primary_risk: { kind: "intro", name: '"Why it matters"', needs: "a primary-risk callout (class risk-highlight) with text" },
  prerequisites: {
    kind: "prerequisites",
    name: "prerequisites",
    needs: "three cards whose headings name permissions, tools and setup, each with a list",
  },
  steps: { kind: "steps", name: "steps", needs: "steps with a title and prose each" },
  architecture: {
    kind: "architecture",
    name: "architecture",
    needs: "component cards with a name and a role, and a flow of two or more stages",
  },
  best_practices: { kind: "practices", name: "best practices", needs: "cards with a title and a list" },
  references: { kind: "references", name: "references", needs: "a list of https links" },
};

/**
 * What a published guide needs and the migration could not fill, each with its reason, e.g.
 * `architecture (the legacy page has no section recognisable as architecture: …)`; empty when nothing is missing.
 */
export function unmappedSections(sections: object, body: string, outcome: SectionOutcome): string[] {
  const filled = new Set(Object.entries(sections).flatMap(([field, value]) => (value === undefined ? [] : [field])));
  const missing = Object.keys(requiredSections).flatMap((field) => {
    if (filled.has(field)) return [];
    const source = legacySources[field]!;
    let why: string;
    if (outcome.unmapped.has(source.kind)) why = `its legacy ${source.name} section is kept in legacy_content: it needs ${source.needs}`;
    else if (outcome.mapped.has(source.kind)) why = `its legacy ${source.name} section lacks ${source.needs}`;
    else why = `the legacy page has no section recognisable as ${source.name} by its class, its cards or its heading`;
    return [`${field} (${why})`];
  });
  if (body === "") missing.push('the "Why it matters" prose (the legacy page has no paragraphs or lists in a "Why it matters" section)');
  return missing;
}
