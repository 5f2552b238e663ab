import path from "node:path";
import type { Guide } from "../content/guide.ts";
import { projectRoot } from "../paths.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";

/** The guide file's path in the repository, which is the project folder. */
export function repositoryPath(guide: Guide): string {
  return path.relative(projectRoot, guide.inputPath).split(path.sep).join("/");
}

const encodedPath = (file: string) => file.split("/").map(encodeURIComponent).join("/");

/** GitHub's editor for the guide's file on the configured branch; undefined without a repository. */
export function editUrl(guide: Guide, site: SiteSettings): string | undefined {
  if (!site.repository_url) return undefined;
  return `${site.repository_url}/edit/${encodedPath(site.repository_branch)}/${encodedPath(repositoryPath(guide))}`;
}

/** A new issue on the repository, its title and text already naming the guide, its page and its file. */
export function reportUrl(guide: Guide, site: SiteSettings): string | undefined {
  if (!site.repository_url) return undefined;
  const title = `Problem in "${guide.title}"`;
  const body = [
    `Guide: ${absoluteUrl(site, guide.url)}`,
    `File: ${repositoryPath(guide)}`,
    "",
    "What is wrong (a command, a flag, a value, a fact), and where on the page:",
    "",
    "What it should say, with a link to the documentation that shows it:",
    "",
  ].join("\n");
  return `${site.repository_url}/issues/new?${new URLSearchParams({ title, body }).toString()}`;
}
