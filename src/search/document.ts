import type { Guide } from "../content/guide.ts";
import { createBodyRenderer } from "../markdown/renderers.ts";
import { escapeMarkup } from "../text/escape.ts";

/** What Pagefind indexes for one guide: the page's URL and a small HTML document of its reading text. */
export interface SearchDocument {
  url: string;
  content: string;
}

const bodyProse = createBodyRenderer();

const paragraph = (text: string | undefined) => (text ? `<p>${escapeMarkup(text)}</p>` : "");
const list = (items: string[] | undefined) =>
  items?.length ? `<ul>${items.map((item) => `<li>${escapeMarkup(item)}</li>`).join("")}</ul>` : "";
const heading = (text: string) => `<h3>${escapeMarkup(text)}</h3>`;
// A legacy body's section headings, from its HTML as the page shows it.
const legacyHeadings = (html: string) => [...html.matchAll(/<h[2-4][^>]*>([\s\S]*?)<\/h[2-4]>/gi)].map((match) => `<h3>${match[1]}</h3>`);

/**
 * What a guide is about, for the search index: its title, lead, taxonomy labels, the "why it matters"
 * prose and primary risk, its regulations and controls, the tools it needs, its step titles,
 * components and best-practice headings. Step prose, commands and reference lists are left out:
 * Pagefind's work grows with the words it is given, and the full text of every section made
 * indexing cost more than rendering the site; what a guide is for, and how, is in what is kept.
 * Built from the guide's data rather than its written page, so the index can be built while pages
 * render, in a fixed order: two builds write the same bytes.
 */
export function searchDocument(guide: Guide): SearchDocument {
  const labels = [
    guide.risk.label,
    ...guide.regulation.map((regulation) => `${regulation.label} (${regulation.full_name})`),
    guide.platform.label,
  ];
  const parts = [`<h1>${escapeMarkup(guide.title)}</h1>`, paragraph(guide.description), list(labels)];
  if (guide.format === "legacy") {
    parts.push(...legacyHeadings(guide.body));
  } else {
    parts.push(bodyProse.render(guide.body), paragraph(guide.primary_risk));
    parts.push(list(guide.controls?.map((control) => `${control.framework.label} ${control.id}: ${control.summary}`)));
    parts.push(list(guide.prerequisites?.tools));
    parts.push(...(guide.steps ?? []).map((step) => heading(step.title)));
    parts.push(list(guide.architecture?.components.map((component) => `${component.name}: ${component.role}`)));
    parts.push(...(guide.best_practices ?? []).map((card) => heading(card.title)));
  }
  return { url: guide.url, content: `<!DOCTYPE html><html><body>${parts.join("")}</body></html>` };
}
