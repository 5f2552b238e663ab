import type { ActionTerm, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";

/**
 * What a guide's file name says. The legacy convention is `<action prefix>-<subject>-<platform>`; a
 * qualifier may follow the platform (`detect-pii-aws-s3-buckets`) when one combination needs several guides.
 */
export interface FileNameParts {
  action?: ActionTerm;
  subject?: Term;
  platform?: Term;
  /** What follows the platform, e.g. "s3-buckets"; empty for the plain convention. */
  qualifier?: string;
}

export function parseGuideFileName(slug: string, registry: TaxonomyRegistry): FileNameParts {
  const prefixes = registry.terms.actions
    .flatMap((action) => [action.file_prefix, action.slug].map((prefix) => ({ prefix: `${prefix}-`, action })))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const match = prefixes.find(({ prefix }) => slug.startsWith(prefix));
  if (!match) return {};
  const rest = slug.slice(match.prefix.length);
  for (const platform of registry.terms.platforms) {
    const marker = `-${platform.slug}`;
    for (let at = rest.indexOf(marker); at > 0; at = rest.indexOf(marker, at + 1)) {
      const after = rest.slice(at + marker.length);
      if (after !== "" && !after.startsWith("-")) continue;
      const subject = registry.resolve("subjects", rest.slice(0, at));
      if (subject) return { action: match.action, platform, subject, qualifier: after.slice(1) };
    }
  }
  return { action: match.action };
}

/** The file name a guide with these terms should have. */
export function guideFileName(action: ActionTerm, subject: Term, platform: Term): string {
  return `${action.file_prefix}-${subject.slug}-${platform.slug}.md`;
}
