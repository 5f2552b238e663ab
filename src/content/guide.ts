import path from "node:path";
import type { ActionTerm, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";
import type { SiteSettings, Spotlight } from "../site-settings.ts";
import { guideFileName, parseGuideFileName } from "./file-name.ts";
import { renderLegacyBody } from "./legacy-body.ts";
import { markdownProblems } from "./markdown-checks.ts";
import { sanitiseLegacyHtml } from "./legacy-html.ts";
import { readFrontMatter, type FrontMatter } from "./front-matter.ts";
import { reviewedDateProblem } from "./reviewed-date.ts";
import { standInIsPublished, standInMessage, standInsLeft } from "./stand-ins.ts";
import { zodProblems, type Problem } from "../messages/problems.ts";
import { parseFieldPath } from "../messages/yaml-lines.ts";
import {
  canonicalWord,
  legacyGuideSchema,
  isLegacyLayout,
  maxTitleLength,
  structuredGuideSchema,
  type StructuredFrontMatter,
} from "./schema.ts";

/** A guide file as read from disk. */
export interface GuideSource {
  /** Absolute path. */
  path: string;
  /** Path used in messages (relative to the working directory). */
  displayPath: string;
  text: string;
  /** Why the file's bytes could not be read as text; its text is then empty. */
  unreadable?: { line?: number; message: string };
}

/** What the site derives for a guide beyond its front matter. */
interface DerivedFields {
  inputPath: string;
  displayPath: string;
  /** File name without `.md`; the last segment of the URL. */
  slug: string;
  /** What follows the platform in the file name (`…-aws-s3-buckets` → "s3-buckets"); empty for most guides. */
  qualifier: string;
  url: string;
  format: "structured" | "legacy";
  /** The page's <title>: see pageTitle(). */
  pageTitle: string;
  action: ActionTerm;
  subject: Term;
  /** The text below the front matter: markdown prose as written, or a legacy guide's HTML with its Liquid rendered. */
  body: string;
  /** The guide's own spotlight, else the site's; false when none is shown (always for legacy guides). */
  spotlight: Spotlight | false;
}

/**
 * A validated guide: its front matter under the schema's own field names, with every taxonomy value
 * resolved to its registry term, plus what the site derives. A legacy guide has no section fields.
 */
export type Guide = Omit<StructuredFrontMatter, keyof DerivedFields> & DerivedFields;

export type GuideResult =
  | {
      guide: Guide;
      frontMatter: FrontMatter;
      problems: [];
      /** What `npm run check` warns about without failing: the markup sanitising took out of legacy HTML. */
      warnings: Problem[];
    }
  | { guide?: undefined; frontMatter?: undefined; problems: Problem[]; warnings?: undefined };

/**
 * The <title>: the meta_title, else the title with the site name when that fits, else the title,
 * cut at a word boundary when even that is longer than a search result shows.
 */
export function pageTitle({ title, meta_title }: { title: string; meta_title?: string }, siteName: string): string {
  const withSite = `${title} | ${siteName}`;
  const chosen = meta_title ?? (withSite.length <= maxTitleLength ? withSite : title);
  if (chosen.length <= maxTitleLength) return chosen;
  const cut = chosen.slice(0, maxTitleLength - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length).trimEnd()}…`;
}

/** Does this guide get a page in this build? Drafts do only when drafts are built (npm start). */
export function isBuilt(guide: Guide, includeDrafts: boolean): boolean {
  return guide.status !== "draft" || includeDrafts;
}

/** Published guides are the ones with their full content, carried by search, feeds, the sitemap and exports. */
export const isPublished = (guide: Guide): boolean => guide.status === "published";

export function guideUrl(slug: string): string {
  return `/guides/${slug}/`;
}

/** The schemas are built once per registry: building one costs more than validating a guide with it. */
const schemaCache = new WeakMap<
  TaxonomyRegistry,
  { structured: ReturnType<typeof structuredGuideSchema>; legacy: ReturnType<typeof legacyGuideSchema> }
>();
export function schemasFor(registry: TaxonomyRegistry) {
  let schemas = schemaCache.get(registry);
  if (!schemas) {
    schemas = { structured: structuredGuideSchema(registry), legacy: legacyGuideSchema(registry) };
    schemaCache.set(registry, schemas);
  }
  return schemas;
}

/** Reads one guide: front matter, schema, file-name conventions. Every problem found is returned. */
export function readGuide(source: GuideSource, registry: TaxonomyRegistry, site: SiteSettings): GuideResult {
  if (source.unreadable) return { problems: [{ file: source.displayPath, field: "file", ...source.unreadable }] };
  const read = readFrontMatter(source.text);
  if (read.problem) return { problems: [{ file: source.displayPath, ...read.problem }] };
  const { data, body: written, linesBeforeBody, lineOf } = read.frontMatter;
  const legacy = isLegacyLayout(data.layout);
  const schema = legacy ? schemasFor(registry).legacy : schemasFor(registry).structured;
  const result = schema.safeParse(data, { reportInput: true });
  const problems: Problem[] = result.success
    ? []
    : zodProblems(result.error.issues, source.displayPath, lineOf, { knownFields: Object.keys(schema.shape) });
  if ("permalink" in data) {
    problems.push({
      file: source.displayPath,
      field: "permalink",
      message: "is not allowed: a guide's URL comes from its file name, so rename the file instead",
    });
  }

  const frontMatterText = source.text.split("\n", linesBeforeBody).join("\n");
  const reviewedProblem = reviewedDateProblem(data.reviewed, frontMatterText, new Date());
  if (reviewedProblem) problems.push({ file: source.displayPath, ...reviewedProblem });

  const slug = path.basename(source.path, ".md");
  const fromName = parseGuideFileName(slug, registry);
  const front = result.success ? result.data : undefined;
  const action = front?.action ?? fromName.action;
  const subject = front?.subject ?? fromName.subject;
  // A value that is present but wrong is reported by the schema; only absence needs the file name.
  if (!action && !("action" in data)) {
    problems.push({
      file: source.displayPath,
      field: "action",
      message: `is missing and the file name does not start with ${registry.terms.actions.map((a) => `${a.file_prefix}-`).join(", ")}: add action: (${registry.slugs("actions").join(", ")}) or rename the file`,
    });
  }
  if (!subject && !("subject" in data)) {
    problems.push({
      file: source.displayPath,
      field: "subject",
      message: `is missing and the file name names no known subject: add subject: (one of ${registry.slugs("subjects").join(", ")}) or name the file <action>-<subject>-<platform>.md`,
    });
  }
  if (front) {
    for (const [field, fromFront, fromFile] of [
      ["action", front.action, fromName.action],
      ["subject", front.subject, fromName.subject],
      ["platform", front.platform, fromName.platform],
    ] as const) {
      if (fromFront && fromFile && fromFront !== fromFile) {
        problems.push({
          file: source.displayPath,
          field,
          message: `"${fromFront.slug}" disagrees with the file name, which says "${fromFile.slug}": make them agree (the file name sets the guide's URL)`,
        });
      }
    }
    if (action && subject && front.platform && !fromName.platform && !legacy) {
      problems.push({
        file: source.displayPath,
        field: "file",
        message: `the name does not follow the convention: rename it to ${guideFileName(action, subject, front.platform)}`,
      });
    }
  }
  if (!legacy && canonicalWord(data.status) === "published" && written.trim() === "") {
    problems.push({
      file: source.displayPath,
      field: "body",
      message: 'is empty: write the "Why it matters" prose below the front matter',
    });
  }
  if (legacy && written.trim() === "") {
    problems.push({ file: source.displayPath, field: "body", message: "is empty: a legacy guide's HTML body is its content; add it back" });
  }
  let body = written;
  if (legacy) {
    const rendered = renderLegacyBody(written, { frontMatter: data, url: guideUrl(slug), slug, site });
    if (rendered.html === undefined) {
      for (const problem of rendered.problems) {
        problems.push({ file: source.displayPath, line: linesBeforeBody + problem.line, field: "body", message: problem.message });
      }
    } else {
      body = rendered.html;
    }
  } else {
    problems.push(...markdownProblems(source, read.frontMatter));
    for (const standIn of standInsLeft(read.frontMatter)) {
      if (standInIsPublished(data.status, standIn.field)) {
        problems.push({ file: source.displayPath, line: standIn.line, field: standIn.field, message: standInMessage(standIn, "error") });
      }
    }
  }
  for (const problem of problems) problem.line ??= lineOf(parseFieldPath(problem.field));
  if (problems.length > 0 || !front || !action || !subject) {
    return {
      problems:
        problems.length > 0
          ? problems
          : [{ file: source.displayPath, field: "front matter", message: "could not be read: check the file" }],
    };
  }

  const structured = legacy ? undefined : (front as StructuredFrontMatter);
  // Legacy HTML is published inside the site's pages, so only its text markup is kept (see legacy-html.ts).
  const legacyBody = legacy ? sanitiseLegacyHtml(body) : undefined;
  const legacyContent = structured?.legacy_content === undefined ? undefined : sanitiseLegacyHtml(structured.legacy_content);
  return {
    problems: [],
    frontMatter: read.frontMatter,
    // Worked out when read: `npm run check` reads them, a build does not.
    get warnings() {
      const contentDrops = legacyContent?.dropped ?? [];
      // Placing a drop in legacy_content reads the YAML again for positions: only when there is one.
      const legacyContentLine = contentDrops.length > 0 ? legacyContentLines(source, read.frontMatter) : undefined;
      return [
        ...(legacyBody?.dropped ?? []).map(({ line, message }) => ({
          file: source.displayPath,
          line: linesBeforeBody + line,
          field: "body",
          message,
        })),
        ...contentDrops.map(({ line, message }) => ({
          file: source.displayPath,
          line: legacyContentLine?.(line),
          field: "legacy_content",
          message,
        })),
      ];
    },
    guide: {
      ...schemaFields(front, registry),
      ...(legacyContent && { legacy_content: legacyContent.html }),
      inputPath: source.path,
      displayPath: source.displayPath,
      slug,
      qualifier: fromName.qualifier ?? "",
      url: guideUrl(slug),
      format: legacy ? "legacy" : "structured",
      pageTitle: pageTitle(front, site.name),
      action,
      subject,
      body: legacyBody?.html ?? body,
      // A legacy body carries its own spotlight panel, so the chrome adds none.
      spotlight: legacy ? false : (structured?.spotlight ?? site.spotlight),
    },
  };
}

/**
 * The file line of a line of the HTML in `legacy_content`: a literal block (`legacy_content: |`), as the migration
 * writes it, holds the HTML line for line below the field; otherwise the field's own line.
 */
function legacyContentLines(source: GuideSource, frontMatter: FrontMatter): (htmlLine: number) => number | undefined {
  const fieldLine = frontMatter.lineOf(["legacy_content"]);
  if (fieldLine === undefined || !/^legacy_content:\s*\|/.test(source.text.split("\n")[fieldLine - 1] ?? "")) return () => fieldLine;
  return (htmlLine) => fieldLine + htmlLine;
}

/** The front matter's schema fields, in the schema's order; a legacy guide's other fields stay in its file. */
function schemaFields(front: Record<string, unknown>, registry: TaxonomyRegistry): Omit<StructuredFrontMatter, keyof DerivedFields> {
  const fields = Object.keys(schemasFor(registry).structured.shape).filter((field) => front[field] !== undefined);
  return Object.fromEntries(fields.map((field) => [field, front[field]])) as Omit<StructuredFrontMatter, keyof DerivedFields>;
}
