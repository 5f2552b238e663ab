import type { ActionTerm, Term, TaxonomyRegistry } from "../taxonomy/registry.ts";

/** What a guide's file name says, following the legacy convention `<action prefix>-<subject>-<platform>`. */
export interface FileNameParts {
  action?: ActionTerm;
  subject?: Term;
  platform?: Term;
}

export function parseGuideFileName(slug: string, registry: TaxonomyRegistry): FileNameParts {
  const prefixes = registry.terms.actions
    .flatMap((action) => [action.file_prefix, action.slug].map((prefix) => ({ prefix: `${prefix}-`, action })))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const match = prefixes.find(({ prefix }) => slug.startsWith(prefix));
  if (!match) return {};
  const rest = slug.slice(match.prefix.length);
  const platform = registry.terms.platforms.find((term) => rest.endsWith(`-${term.slug}`));
  if (!platform) return { action: match.action };
  const subject = registry.resolve("subjects", rest.slice(0, -(platform.slug.length + 1)));
  return { action: match.action, platform, subject };
}

/** The file name a guide with these terms should have. */
export function guideFileName(action: ActionTerm, subject: Term, platform: Term): string {
  return `${action.file_prefix}-${subject.slug}-${platform.slug}.md`;
}
