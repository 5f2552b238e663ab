import type { Guide } from "./guide.ts";
import type { Status } from "./schema.ts";

/** Site paths of the guides a text links to: markdown links, HTML hrefs and bare /guides/… paths. */
export function linkedGuideSlugs(text: string): string[] {
  if (!text.includes("/guides/")) return [];
  return [...text.matchAll(/(?:\]\(|href=["'])\/guides\/([a-z0-9-]+)\/?(?:[#?][^)"']*)?[)"']/g)].map((match) => match[1] ?? "");
}

/** A link from one of a guide's fields to another guide. */
export interface GuideLink {
  field: string;
  slug: string;
}

/** The links to other guides in every field of a guide that carries prose or HTML, each target once per field. */
export function guideLinks(guide: Pick<Guide, "body" | "steps" | "legacy_content">): GuideLink[] {
  const texts: [string, string][] = [
    ["body", guide.body],
    ...(guide.steps ?? []).map((step, index): [string, string] => [`steps[${index}].body`, step.body]),
    ["legacy_content", guide.legacy_content ?? ""],
  ];
  return texts.flatMap(([field, text]) => [...new Set(linkedGuideSlugs(text))].map((slug) => ({ field, slug })));
}

/** The problem of a link to a guide that does not exist. */
export const missingGuideLink = (slug: string) => `links to /guides/${slug}/, which no guide publishes: fix the link or write that guide`;

/**
 * Why a link from a published guide would break in the production build: the guide it points to
 * does not exist, or is a draft, which the production build leaves out. Coming-soon guides keep
 * their page, so a link to one still lands.
 */
export function brokenLinkReason(slug: string, statusOf: (slug: string) => Status | undefined): string | undefined {
  const status = statusOf(slug);
  if (status === undefined) return missingGuideLink(slug);
  if (status === "draft") {
    return `links to /guides/${slug}/, a draft that the production build leaves out: publish that guide (or set it to coming-soon) first, or remove the link`;
  }
  return undefined;
}
