import path from "node:path";
import type { Problem } from "../messages/problems.ts";
import { parseFieldPath } from "../messages/yaml-lines.ts";
import type { SiteSettings } from "../site-settings.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { readFrontMatter } from "./front-matter.ts";
import { guideUrl, isPublished, readGuide, type Guide, type GuideSource } from "./guide.ts";
import { brokenLinkReason, guideLinks } from "./guide-links.ts";
import type { Status } from "./schema.ts";

/** Reads every guide and checks what only the whole set can show (see collectGuides). */
export function readGuides(
  sources: GuideSource[],
  registry: TaxonomyRegistry,
  site: SiteSettings,
): { guides: Guide[]; problems: Problem[] } {
  return collectGuides(sources.map((source) => ({ source, result: readGuide(source, registry, site) })));
}

/**
 * The guides and problems of files already read, plus what only the whole set shows: two files
 * publishing one URL, and a published guide linking to a guide the production build leaves out.
 * `otherStatuses` gives the status of guides of the site that were not read (a check of some files).
 */
export function collectGuides(
  read: { source: GuideSource; result: { guide?: Guide; problems: Problem[] } }[],
  otherStatuses: ReadonlyMap<string, Status> = new Map(),
): {
  guides: Guide[];
  problems: Problem[];
} {
  const guides: Guide[] = [];
  const problems: Problem[] = [];
  const byUrl = new Map<string, GuideSource[]>();
  // A file that could not be read has its own problems; links to it are not reported again.
  const statuses = new Map<string, Status | "unreadable">(otherStatuses);
  for (const { source, result } of read) {
    if (result.guide) guides.push(result.guide);
    problems.push(...result.problems);
    const slug = path.basename(source.path, ".md");
    statuses.set(slug, result.guide?.status ?? "unreadable");
    const url = guideUrl(slug);
    byUrl.set(url, [...(byUrl.get(url) ?? []), source]);
  }
  for (const [url, owners] of byUrl) {
    if (owners.length < 2) continue;
    for (const owner of owners) {
      const others = owners
        .filter((other) => other !== owner)
        .map((other) => other.displayPath)
        .join(", ");
      problems.push({ file: owner.displayPath, field: "file", message: `publishes ${url}, as does ${others}: rename one of them` });
    }
  }
  const statusOf = (slug: string) => {
    const status = statuses.get(slug);
    return status === "unreadable" ? "published" : status;
  };
  for (const { source, result } of read) {
    if (!result.guide || !isPublished(result.guide)) continue;
    // The old site linked every guide to its siblings, written or not: a legacy guide builds unchanged,
    // and `check` warns of its links to guides that do not exist. A link to a draft is an error for all.
    const mayLinkNowhere = result.guide.format === "legacy";
    for (const { field, slug } of guideLinks(result.guide)) {
      if (mayLinkNowhere && statusOf(slug) === undefined) continue;
      const message = brokenLinkReason(slug, statusOf);
      if (message) problems.push({ file: source.displayPath, line: lineOfLink(source, field, slug), field, message });
    }
  }
  return { guides, problems };
}

/** The file line of a link to a guide: the first mention of its path at or after the field's line. Read again only for a problem. */
function lineOfLink(source: GuideSource, field: string, slug: string): number | undefined {
  const { frontMatter } = readFrontMatter(source.text);
  if (!frontMatter) return undefined;
  const from = field === "body" ? frontMatter.linesBeforeBody : (frontMatter.lineOf(parseFieldPath(field)) ?? 1) - 1;
  const index = source.text.split("\n").findIndex((line, at) => at >= from && line.includes(`/guides/${slug}`));
  return index >= 0 ? index + 1 : undefined;
}
