import type { Catalog } from "../catalog/catalog.ts";
import { isPublished } from "../content/guide.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";
import { markdownCopyPath, markdownText } from "./markdown-copy.ts";

/**
 * /llms.txt (https://llmstxt.org): the site's name and one-line summary, then every published guide
 * as a link to its markdown copy with its description, under its subject, in the home page's order.
 */
export function llmsTxt(site: SiteSettings, catalog: Catalog): string {
  const lines = [`# ${markdownText(site.name)}`, "", `> ${markdownText(site.tagline)}`, ""];
  lines.push(`Each guide below links to a markdown copy of its page; the pages themselves are under ${absoluteUrl(site, "/guides/")}.`);
  for (const section of catalog.bySubject) {
    const published = section.guides.filter(isPublished);
    if (published.length === 0) continue;
    lines.push("", `## ${markdownText(section.subject.label)}`, "");
    for (const guide of published) {
      lines.push(`- [${markdownText(guide.title)}](${absoluteUrl(site, markdownCopyPath(guide))}): ${markdownText(guide.description)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
