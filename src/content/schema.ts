import { z } from "zod";
import type { ActionTerm, RegulationTerm, Term, TaxonomyKind, TaxonomyRegistry } from "../taxonomy/registry.ts";

/**
 * The guide front-matter schema: the only place the rules for a guide live.
 * Validation, the layouts (through the normalised Guide) and the tests all read it.
 */

export const statuses = ["published", "coming-soon", "draft"] as const;
export const difficulties = ["beginner", "intermediate", "advanced"] as const;
export type Status = (typeof statuses)[number];

/** Legacy files write "Coming Soon" or "Published"; the canonical form is lower-case and hyphenated. */
export const canonicalWord = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase().replace(/\s+/g, "-") : value);

/** Legacy files sometimes quote numbers ("1"); a quoted whole number is still a number. */
export const wholeNumberText = (value: unknown) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value);

const text = z.string().trim().min(1);

/** Search engines cut a page title after about this many characters; html-validate's long-title rule agrees. */
export const maxTitleLength = 70;
const list = z.array(text).min(1);

export const commandEffects = ["reads", "changes", "destructive"] as const;
export type CommandEffect = (typeof commandEffects)[number];

/** How a command's effect is labelled over its block, on the page and in the guide's markdown copy. */
export const commandEffectLabels: Readonly<Record<CommandEffect, string>> = {
  reads: "Read-only: changes nothing",
  changes: "Changes your environment",
  destructive: "Destructive: cannot be undone",
};

const commandSchema = z
  .strictObject({
    code: text.describe("The command itself, exactly as a reader would paste it; placeholders look like <vault-name>."),
    language: text.default("bash").describe("Language of the block, for highlighting and its label (default bash)."),
    effect: z
      .enum(commandEffects)
      .describe("reads (changes nothing), changes (alters state, can be undone) or destructive (cannot be undone)."),
    warning: text.optional().describe("What the reader must know before running it; required when the effect is destructive."),
    note: text
      .optional()
      .describe(
        'One line on when or why to run this block, shown above it, e.g. "Run this after every client has switched to the new key."',
      ),
  })
  .superRefine((command, ctx) => {
    if (command.effect === "destructive" && !command.warning) {
      ctx.addIssue({
        code: "custom",
        path: ["warning"],
        message: "is missing: a destructive command needs a warning: say what cannot be undone and what to check first",
      });
    }
  });

/**
 * The one `command:` block a step held before it could hold several. It is refused rather than read as a
 * one-block list, so every guide, and everything built from one, has one shape; `deprecated` and `not`
 * make editors that validate against the JSON Schema flag it too.
 */
const retiredCommandField = z
  .unknown()
  .refine(() => false, {
    message:
      'was replaced by commands:, a list of blocks: write commands: with "- code: …" under it (one block per thing a reader runs at once)',
  })
  .transform((): undefined => undefined)
  .optional()
  .meta({ deprecated: true, not: {}, description: "Replaced by commands:, a list of blocks." });

const stepSchema = z.strictObject({
  title: text.describe("What the step achieves, as a short imperative sentence."),
  body: text.describe("Markdown prose: what to do and why."),
  commands: z
    .array(commandSchema)
    .min(1)
    .optional()
    .describe(
      "Command blocks, in the order a reader runs them; a block is what a reader runs at once, so split where the prose says wait, choose or confirm.",
    ),
  command: retiredCommandField,
});

const sectionFields = {
  primary_risk: text.optional().describe('One line naming the primary risk this guide reduces, shown in the "Why it matters" callout.'),
  prerequisites: z
    .strictObject({
      permissions: list.describe("Roles and permissions the reader needs."),
      tools: list.describe("CLIs and tools to install."),
      setup: list.describe("What must already be in place."),
    })
    .optional()
    .describe("The three prerequisite cards."),
  spotlight: z
    .union([
      z.literal(false),
      z.strictObject({ title: text.describe("The panel's heading."), text: text.describe("The panel's text, one paragraph.") }),
    ])
    .optional()
    .describe("Replaces the site-wide product spotlight for this guide; `false` hides it."),
  steps: z.array(stepSchema).min(1).optional().describe("Numbered steps, in order."),
  architecture: z
    .strictObject({
      components: z
        .array(
          z.strictObject({
            name: text.describe("The component, e.g. a service or a tool."),
            role: text.describe("What it does in this guide, in one line."),
          }),
        )
        .min(1)
        .describe("The parts involved, drawn as cards."),
      flow: z.array(text).min(2).describe("The stages in order (two or more, usually four), drawn as a diagram."),
    })
    .optional()
    .describe("The architecture: components with their role, and the stages of the flow in order."),
  best_practices: z
    .array(
      z.strictObject({
        title: text.describe("The card's heading."),
        items: list.describe("One practice a line."),
        pitfalls: z.boolean().default(false).describe("true for the common-pitfalls card, drawn as a warning."),
      }),
    )
    .min(1)
    .optional()
    .describe("Best-practice cards; mark the common-pitfalls card with `pitfalls: true`."),
  references: z
    .array(
      z.strictObject({
        title: text.describe("The page's title, and its publisher when that helps."),
        url: z
          .url({ protocol: /^https?$/, abort: true })
          // Its own message, because an http:// address is a web address, only not the one to link to.
          .refine((url) => new URL(url).protocol === "https:", {
            message: "is an http:// address: use the https:// address, so readers reach the page over an encrypted connection",
          })
          .describe("The full https:// address."),
      }),
    )
    .min(1)
    .optional()
    .describe("Further reading: primary documentation first."),
  legacy_content: text
    .optional()
    .describe("HTML that `npm run migrate` could not map to a section, kept verbatim; move it into the sections, then delete the field."),
};

function controlSchema(registry: TaxonomyRegistry) {
  return z.strictObject({
    framework: taxonomyValue<RegulationTerm>(registry, "regulations", "regulation").describe(
      "The framework, a regulation from the registry, e.g. PCI-DSS.",
    ),
    id: text.describe("The control's identifier in that framework, e.g. 8.6.2, IA-5(7) or CC6.1."),
    summary: text.describe("One line, in your own words, on what the control asks for."),
  });
}

/** Sections a published structured guide must have, with the hint printed when one is missing. */
export const requiredSections: Record<string, string> = {
  primary_risk: 'add primary_risk: "<one line on what goes wrong>"',
  prerequisites: "add prerequisites: with permissions:, tools: and setup: lists",
  steps: "add steps: with at least one step (title:, body:, optional commands:)",
  architecture: "add architecture: with components: (name:, role:) and flow: (two or more stages)",
  best_practices: "add best_practices: with cards of title: and items:",
  references: "add references: with title: and url: entries",
};

/** How to fill in `reviewed`, which a published guide needs: readers are told when an expert last checked it. */
export const reviewedFix = "add reviewed: with the day an expert last checked the guide, YYYY-MM-DD";

/** Sections a published guide should have; `npm run check` warns when one is missing (migrated guides start without them). */
export const recommendedSections: Record<string, string> = {
  controls: "add controls: with framework:, id: and summary: for the guide's primary regulation",
};

function taxonomyValue<T extends Term>(registry: TaxonomyRegistry, kind: TaxonomyKind, noun: string) {
  const slugs = registry.slugs(kind);
  const described = z
    .string()
    .meta({ description: `A ${noun} of src/data/taxonomy.yaml: its slug, its label or an alias`, examples: slugs });
  return described.transform((value, ctx): T => {
    const term = registry.resolve(kind, value);
    if (term) return term as T;
    const suggestion = registry.suggest(kind, value);
    const fix = suggestion ? `did you mean "${suggestion}"?` : `use one of ${slugs.join(", ")} (or add it to src/data/taxonomy.yaml)`;
    ctx.issues.push({ code: "custom", input: value, message: `unknown ${noun} "${value}": ${fix}` });
    return z.NEVER;
  });
}

/** Fields every guide has, legacy or structured. */
function metadataFields(registry: TaxonomyRegistry) {
  return {
    title: text.describe("The page heading."),
    description: text.describe("One or two sentences: shown under the title, in lists and in the meta description."),
    meta_title: text
      .max(maxTitleLength)
      .optional()
      .describe("Optional longer `<title>` for search results; the title is used when absent."),
    action: taxonomyValue<ActionTerm>(registry, "actions", "action")
      .optional()
      .describe("detect, prevent or fix; taken from the file name when absent."),
    subject: taxonomyValue<Term>(registry, "subjects", "subject")
      .optional()
      .describe('What is protected, e.g. "API keys, secrets & tokens"; taken from the file name when absent.'),
    platform: taxonomyValue<Term>(registry, "platforms", "platform").describe(
      'The cloud or data platform: aws, azure, gcp, databricks or snowflake (labels and aliases such as "Microsoft Azure" work too).',
    ),
    risk: taxonomyValue<Term>(registry, "risks", "risk").describe('The primary risk, e.g. "insecure APIs".'),
    regulation: z
      .union([z.string(), z.array(z.string()).min(1)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(z.array(taxonomyValue<RegulationTerm>(registry, "regulations", "regulation")))
      .describe(
        'One regulation or a list, the primary first, e.g. PCI-DSS or [PCI-DSS, SOC 2]; aliases such as "PCI DSS" or "nist 800-53" resolve to the registry\'s term.',
      ),
    difficulty: z.preprocess(canonicalWord, z.enum(difficulties)).describe("beginner, intermediate or advanced."),
    status: z
      .preprocess(canonicalWord, z.enum(statuses))
      .describe("published, coming-soon (listed, body withheld) or draft (built only by npm start)."),
    order: z
      .preprocess(wholeNumberText, z.number().int())
      .default(0)
      .describe("Position among guides of the same action in lists; lower comes first (default 0)."),
    reviewed: z
      .union([z.date(), z.iso.date()])
      .transform((value) => (typeof value === "string" ? value : value.toISOString().slice(0, 10)))
      .optional()
      .describe("The date an expert last checked the guide, YYYY-MM-DD; a published guide needs it, and it cannot lie in the future."),
    tags: z
      .preprocess((value) => (typeof value === "string" ? [value] : value), z.array(text))
      .default([])
      .describe("Free keywords; a single word may be written without a list."),
  };
}

/**
 * Front matter of a guide in the structured markdown format. Its fields are in the order of the README's
 * example guide, the order `npm run migrate` writes them in, so migrated guides read like hand-written ones.
 */
export function structuredGuideSchema(registry: TaxonomyRegistry) {
  const { references, legacy_content, ...sections } = sectionFields;
  return z
    .strictObject({
      ...metadataFields(registry),
      ...sections,
      controls: z
        .array(controlSchema(registry))
        .min(1)
        .optional()
        .describe("The specific controls of each framework this guide helps satisfy; the primary regulation must be among them."),
      references,
      legacy_content,
    })
    .superRefine(
      (guide, ctx) => {
        if (guide.status !== "published") return;
        for (const [field, fix] of Object.entries(requiredSections)) {
          if (guide[field as keyof typeof guide] === undefined) {
            ctx.addIssue({
              code: "custom",
              path: [field],
              message: `is missing: a published guide needs it: ${fix}, or set status: coming-soon`,
            });
          }
        }
        if (guide.reviewed === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["reviewed"],
            message: `is missing: a published guide needs it: ${reviewedFix}, or set status: draft`,
          });
        }
        // Runs even when other fields failed, so these values may be unresolved; only compare what resolved.
        const primary = Array.isArray(guide.regulation) ? guide.regulation[0] : undefined;
        if (
          Array.isArray(guide.controls) &&
          typeof primary === "object" &&
          !guide.controls.some((control) => control?.framework === primary)
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["controls"],
            message: `maps no control of the primary regulation ${primary.label}: add one with framework: ${primary.label}`,
          });
        }
      },
      // Report these with the other problems of the file, not only once the rest is fixed.
      { when: () => true },
    );
}

/**
 * Names that mean something to Eleventy or to this site's layouts when a page's data holds them:
 * Eleventy paginates, computes, switches template engine or re-dates a page, and the layouts read
 * the site settings, the catalog and the Content-Security-Policy from page data. A legacy guide's
 * unknown fields are let through, but one of these would silently change how its page is built.
 * (`permalink` is refused for every guide, with its own fix.)
 */
export const reservedDataNames: Readonly<Record<string, string>> = {
  pagination: "Eleventy would paginate the page",
  eleventyComputed: "Eleventy would compute data from templates in it",
  templateEngineOverride: "Eleventy would render the page with another template engine",
  dynamicPermalink: "Eleventy would treat the page's URL differently",
  permalinkBypassOutputDir: "Eleventy would write the page outside the site",
  eleventyImport: "Eleventy would change what the page depends on",
  eleventyDataSchema: "Eleventy would validate the page's data with it",
  eleventyExcludeFromCollections: "the site sets it for every guide",
  page: "Eleventy reserves it",
  content: "Eleventy reserves it",
  collections: "Eleventy reserves it",
  eleventy: "Eleventy reserves it",
  pkg: "Eleventy reserves it",
  site: "the layouts read the site settings from it",
  catalog: "the layouts read every guide from it",
  taxonomy: "the layouts read the registry from it",
  contentSecurityPolicy: "the layouts write the page's Content-Security-Policy from it",
  stylesheet: "the layouts choose the page's stylesheet from it",
  stylesheetUrls: "the layouts link the stylesheets from it",
  scriptUrls: "the layouts link the scripts from it",
  feeds: "the layouts link the feeds from it",
  faviconUrl: "the layouts link the icon from it",
  termPage: "the layouts draw taxonomy pages from it",
  pageTitle: "the layouts title pages from it",
  noindex: "the layouts hide pages from search engines with it",
  socialCard: "the layouts size the page's social card from it",
};

/**
 * Front matter of a legacy guide (`layout: base.njk`, HTML body). Fields this site does not know
 * are let through, because the legacy files must build unchanged, unless their name is reserved.
 */
export function legacyGuideSchema(registry: TaxonomyRegistry) {
  // A legacy meta_title may be longer than a search result shows; the page title is shortened instead.
  return z.looseObject({ ...metadataFields(registry), meta_title: text.optional(), layout: z.string() }).superRefine(
    (guide, ctx) => {
      for (const name of Object.keys(guide)) {
        if (!Object.hasOwn(reservedDataNames, name)) continue;
        ctx.addIssue({ code: "custom", path: [name], message: `is reserved (${reservedDataNames[name]}): rename or remove the field` });
      }
      // Eleventy dates the page from it and stops the build on a value it cannot read as a date.
      if ("date" in guide && !(guide.date instanceof Date)) {
        ctx.addIssue({
          code: "custom",
          path: ["date"],
          message: "is not a date: write it as YYYY-MM-DD without quotes, or remove it (pages are dated from reviewed: and git)",
        });
      }
    },
    { when: () => true },
  );
}

/** The structured guide's front matter as JSON Schema, for editors and tools that validate or import guides. */
export function guideJsonSchema(registry: TaxonomyRegistry): Record<string, unknown> {
  return {
    ...z.toJSONSchema(structuredGuideSchema(registry), { io: "input", unrepresentable: "any", target: "draft-2020-12" }),
    title: "dspm-guides guide front matter",
    description:
      "The YAML front matter of a structured guide. Generated from src/content/schema.ts; the build applies further checks (file name, primary-regulation controls, sections and reviewed required when published, no scaffold stand-ins left in what readers see, reviewed dates on the calendar and not in the future).",
  };
}

export type StructuredFrontMatter = z.infer<ReturnType<typeof structuredGuideSchema>>;
/** Structured front matter as written in a guide file, before defaults apply and taxonomy values resolve. */
export type StructuredFrontMatterInput = z.input<ReturnType<typeof structuredGuideSchema>>;
export type LegacyFrontMatter = z.infer<ReturnType<typeof legacyGuideSchema>>;
export type Step = z.infer<typeof stepSchema>;
export type Command = NonNullable<Step["commands"]>[number];
export type Control = z.infer<ReturnType<typeof controlSchema>>;

/** The layout name legacy guides ask for; Eleventy maps it to this site's guide layout. */
export const legacyLayoutName = "base.njk";

/** A guide in the legacy form names the old site's layout in its front matter. */
export const isLegacyLayout = (layout: unknown): boolean => typeof layout === "string" && layout.trim().toLowerCase() === legacyLayoutName;
