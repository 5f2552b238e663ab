import path from "node:path";
import { z } from "zod";
import { readYamlFile } from "../messages/yaml-file.ts";
import { dataDir } from "../paths.ts";
import { editDistance } from "../text/edit-distance.ts";

const termSchema = z.strictObject({
  /** URL segment of the term's page. */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters and digits joined by single hyphens, e.g. pci-dss"),
  /** How the term is written in pages. */
  label: z.string().min(1),
  /** One or two factual sentences shown on the term's page. */
  description: z.string().min(1),
  /** Other spellings that resolve to this term. */
  aliases: z.array(z.string().min(1)).default([]),
});

const registrySchema = z.strictObject({
  actions: z.array(termSchema.extend({ /** File-name prefix of guides with this action. */ file_prefix: z.string() })),
  platforms: z.array(termSchema),
  subjects: z.array(termSchema),
  risks: z.array(termSchema),
  regulations: z.array(
    termSchema.extend({
      /** The regulation's full name, shown in guide callouts. */
      full_name: z.string(),
      /** The edition whose control numbers guides cite, e.g. v4.0.1. */
      edition: z.string(),
      /** A real control id of that edition, written as guides cite it: the example a new guide's controls start from. */
      example_control: z.string().min(1).optional(),
    }),
  ),
});

export type Term = z.infer<typeof termSchema>;
export type ActionTerm = z.infer<typeof registrySchema>["actions"][number];
export type RegulationTerm = z.infer<typeof registrySchema>["regulations"][number];
export type TaxonomyKind = keyof z.infer<typeof registrySchema>;

/** The kinds that get generated pages, with their URL folder: the legacy site's for platforms, risks and regulations. */
export const pagedKinds = {
  actions: { folder: "actions", heading: "Action" },
  platforms: { folder: "platforms", heading: "Platform" },
  risks: { folder: "risk", heading: "Risk" },
  regulations: { folder: "regulation", heading: "Regulation" },
} as const;
export type PagedKind = keyof typeof pagedKinds;

/** Matching key: case, spaces, hyphens and underscores do not distinguish two spellings. */
export function matchKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The legacy site's slug rule for tag links: lower-case, spaces become hyphens. */
export function legacySlug(label: string): string {
  return label.toLowerCase().replace(/ /g, "-");
}

export interface Registry {
  actions: ActionTerm[];
  platforms: Term[];
  subjects: Term[];
  risks: Term[];
  regulations: RegulationTerm[];
}

export class TaxonomyRegistry {
  readonly terms: Registry;
  private readonly index = new Map<TaxonomyKind, Map<string, Term>>();

  constructor(terms: Registry) {
    this.terms = terms;
    for (const kind of Object.keys(terms) as TaxonomyKind[]) {
      const byKey = new Map<string, Term>();
      for (const term of terms[kind]) {
        for (const spelling of [term.slug, term.label, ...term.aliases]) {
          const key = matchKey(spelling);
          const taken = byKey.get(key);
          if (taken && taken !== term) {
            throw new Error(`taxonomy registry: ${kind}: "${spelling}" names both "${taken.slug}" and "${term.slug}"`);
          }
          byKey.set(key, term);
        }
      }
      this.index.set(kind, byKey);
    }
  }

  /** The term a written value names (by slug, label or alias), or undefined. */
  resolve<K extends TaxonomyKind>(kind: K, value: string): Registry[K][number] | undefined {
    return this.index.get(kind)?.get(matchKey(value));
  }

  /** The closest known spelling to an unknown value, when one is close enough to be a typo. */
  suggest(kind: TaxonomyKind, value: string): string | undefined {
    const key = matchKey(value);
    let best: { term: Term; distance: number } | undefined;
    for (const term of this.terms[kind]) {
      for (const spelling of [term.slug, term.label, ...term.aliases]) {
        const distance = editDistance(key, matchKey(spelling));
        if (!best || distance < best.distance) best = { term, distance };
      }
    }
    if (!best) return undefined;
    const tolerance = Math.max(2, Math.floor(key.length / 3));
    return best.distance <= tolerance ? best.term.slug : undefined;
  }

  /** Every accepted slug of a kind, for messages that list the choices. */
  slugs(kind: TaxonomyKind): string[] {
    return this.terms[kind].map((term) => term.slug);
  }
}

export const registryFile = path.join(dataDir, "taxonomy.yaml");

/** Reads and checks the registry; a malformed registry stops the build with the field at fault. */
export function loadRegistry(file = registryFile): TaxonomyRegistry {
  return new TaxonomyRegistry(
    readYamlFile(file, registrySchema, {
      heading: "The taxonomy registry is invalid; nothing was built.",
      reference: "README.md's taxonomy registry section",
    }),
  );
}
