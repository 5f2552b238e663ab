import type { SearchFacet } from "../catalog/catalog.ts";
import type { Guide } from "../content/guide.ts";
import { createBodyRenderer, createFieldRenderer } from "../markdown/renderers.ts";
import { escapeMarkup } from "../text/escape.ts";

/** What Pagefind indexes for one guide: the page's URL and a small HTML document of its reading text. */
export interface SearchDocument {
  url: string;
  content: string;
}

const bodyProse = createBodyRenderer();
const fieldProse = createFieldRenderer();

const paragraph = (text: string | undefined) => (text ? `<p>${escapeMarkup(text)}</p>` : "");
const list = (items: string[] | undefined) =>
  items?.length ? `<ul>${items.map((item) => `<li>${escapeMarkup(item)}</li>`).join("")}</ul>` : "";
const heading = (text: string, id?: string) => `<h3${id ? ` id="${id}"` : ""}>${escapeMarkup(text)}</h3>`;
const code = (text: string) => `<pre><code>${escapeMarkup(text)}</code></pre>`;

/**
 * A legacy body is HTML with Liquid in it. Its tags and outputs are dropped and the text around them
 * kept (what `{% raw %}` shows as written is kept too): the words Liquid prints on these pages are the
 * guide's own taxonomy labels, which the document carries anyway.
 */
const withoutLiquid = (html: string) =>
  html
    .split(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g, " ")))
    .join("");

/** Each search facet's values for a guide, as Pagefind filters: the slugs of its terms. */
function facetValues(guide: Guide): Record<SearchFacet["name"], string[]> {
  return {
    action: [guide.action.slug],
    platform: [guide.platform.slug],
    subject: [guide.subject.slug],
    risk: [guide.risk.slug],
    regulation: guide.regulation.map((regulation) => regulation.slug),
  };
}

/**
 * Every word a reader sees on the guide's page, for the search index: title, lead and taxonomy labels,
 * then each section's text, step prose and commands included (not the product spotlight, the same on
 * every page, which would match every guide). The title is the document's h1 and step
 * and card titles are headings, which Pagefind ranks above body text; each step's heading carries the
 * page's `step-N` id, so a search result can link to the step that matched. The facets go in as Pagefind
 * filters and the lead as metadata, so the search page needs nothing but the index.
 * Built from the guide's data rather than its written page, so the index is built while pages render,
 * in a fixed order: two builds write the same bytes.
 */
export function searchDocument(guide: Guide): SearchDocument {
  const labels = [
    guide.risk.label,
    ...guide.regulation.map((regulation) => `${regulation.label} (${regulation.full_name})`),
    guide.platform.label,
    guide.subject.label,
  ];
  const filters = Object.entries(facetValues(guide)).flatMap(([facet, values]) =>
    values.map((value) => `<span data-pagefind-filter="${facet}:${escapeMarkup(value)}"></span>`),
  );
  const parts = [
    `<h1>${escapeMarkup(guide.title)}</h1>`,
    `<p data-pagefind-meta="description" data-pagefind-weight="2">${escapeMarkup(guide.description)}</p>`,
    list(labels),
    ...filters,
  ];
  if (guide.format === "legacy") {
    parts.push(withoutLiquid(guide.body));
  } else {
    parts.push(bodyProse.render(guide.body), paragraph(guide.primary_risk));
    const prerequisites = guide.prerequisites;
    if (prerequisites) parts.push(list([...prerequisites.permissions, ...prerequisites.tools, ...prerequisites.setup]));
    const architecture = guide.architecture;
    if (architecture) {
      parts.push(list(architecture.components.map((component) => `${component.name}: ${component.role}`)), list(architecture.flow));
    }
    for (const card of guide.best_practices ?? []) parts.push(heading(card.title), list(card.items));
    if (guide.legacy_content) parts.push(guide.legacy_content);
    parts.push(list(guide.references?.map((reference) => reference.title)));
    parts.push(list(guide.controls?.map((control) => `${control.framework.label} ${control.id}: ${control.summary}`)));
    // Pagefind gives each heading with an id the words up to the next one, and a match among them a
    // result of its own linking to that id: the steps come last, so their words alone lead to a step.
    guide.steps?.forEach((step, index) => {
      parts.push(heading(step.title, `step-${index + 1}`), fieldProse.render(step.body));
      for (const command of step.commands ?? []) parts.push(paragraph(command.note), paragraph(command.warning), code(command.code));
    });
  }
  return { url: guide.url, content: `<!DOCTYPE html><html><body>${parts.join("")}</body></html>` };
}
