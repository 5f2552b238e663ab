import { isPublished, type Guide } from "../content/guide.ts";
import type { Term } from "../taxonomy/registry.ts";

/** The same action and subject on another platform: linked where its guide is published. */
export interface OtherPlatform {
  platform: Term;
  /** "coming-soon" has a page that says so, not the guide: it is named, like "not-written", without a link. */
  state: "published" | "coming-soon" | "not-written";
  /** The published guide's page. */
  url?: string;
}

const jobKey = (action: Term, subject: Term, platform: Term) => `${action.slug}|${subject.slug}|${platform.slug}`;

/** Better first: published before coming soon, then the plain guide before a qualified one (…-aws-s3). */
const rank = (guide: Guide) => (isPublished(guide) ? 0 : 2) + (guide.qualifier === "" ? 0 : 1);

/** The guide that stands for each action, subject and platform: drafts are never offered. */
function guidesByJob(listed: readonly Guide[]): Map<string, Guide> {
  const byJob = new Map<string, Guide>();
  for (const guide of listed) {
    if (guide.status === "draft") continue;
    const key = jobKey(guide.action, guide.subject, guide.platform);
    const held = byJob.get(key);
    if (!held || rank(guide) < rank(held)) byJob.set(key, guide);
  }
  return byJob;
}

// One table per build's list of guides, made on the first page that asks, so each page costs its
// platforms, not the catalog. The list is the catalog's own frozen array, the same for every page.
const tables = new WeakMap<readonly Guide[], Map<string, Guide>>();

/** The guide's action and subject on each of the other platforms, in registry order. */
export function otherPlatforms(guide: Guide, listed: readonly Guide[], platforms: readonly Term[]): OtherPlatform[] {
  let byJob = tables.get(listed);
  if (!byJob) {
    byJob = guidesByJob(listed);
    tables.set(listed, byJob);
  }
  return platforms
    .filter((platform) => platform.slug !== guide.platform.slug)
    .map((platform): OtherPlatform => {
      const other = byJob.get(jobKey(guide.action, guide.subject, platform));
      if (!other) return { platform, state: "not-written" };
      if (!isPublished(other)) return { platform, state: "coming-soon" };
      return { platform, state: "published", url: other.url };
    });
}
