import type { Catalog } from "../catalog/catalog.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";

/** /guides.json: every published guide's metadata and command blocks, for tools that list or import guides. */
export function guidesJson(site: SiteSettings, catalog: Catalog): string {
  const guides = catalog.published.map((guide) => ({
    url: absoluteUrl(site, guide.url),
    path: guide.url,
    title: guide.title,
    description: guide.description,
    action: guide.action.slug,
    subject: guide.subject.slug,
    platform: guide.platform.slug,
    risk: guide.risk.slug,
    regulations: guide.regulation.map((regulation) => regulation.slug),
    difficulty: guide.difficulty,
    tags: guide.tags,
    format: guide.format,
    reviewed: guide.reviewed ?? null,
    updated: catalog.updated[guide.url],
    controls: (guide.controls ?? []).map((control) => ({
      framework: control.framework.slug,
      edition: control.framework.edition,
      id: control.id,
      summary: control.summary,
    })),
    // Each step's blocks as written, so a tool that imports a guide keeps what a reader runs at once apart.
    steps: (guide.steps ?? []).map((step) => ({ title: step.title, commands: step.commands ?? [] })),
  }));
  return `${JSON.stringify({ site: site.name, url: absoluteUrl(site, "/"), schema: absoluteUrl(site, guideSchemaPath), guides }, null, 2)}\n`;
}

/** Where the generated JSON Schema of a guide's front matter is published. */
export const guideSchemaPath = "/schema/guide.schema.json";
