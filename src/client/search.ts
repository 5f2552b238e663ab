// The search page: full-text search over published guides with Pagefind, narrowed by facet checkboxes.
// Facets are matched against /guides.json, the site's own metadata export, rather than Pagefind's filter
// index, which is not byte-for-byte reproducible between builds. The query and the facets live in the
// URL, so a search can be bookmarked, shared and reloaded.

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { url?: string; data(): Promise<PagefindResult> }[] }>;
}

interface GuideRecord {
  path: string;
  title: string;
  description: string;
  action: string;
  subject: string;
  platform: string;
  risk: string;
  regulations: string[];
}

/** Search-page facet names and the guides.json field each one reads. */
const facetFields: Record<string, keyof GuideRecord> = {
  platform: "platform",
  action: "action",
  subject: "subject",
  risk: "risk",
  regulation: "regulations",
};

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");
const resultsList = document.querySelector<HTMLOListElement>("[data-search-results]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const maxResults = 30;

function selectedFacets(): Map<string, Set<string>> {
  const selected = new Map<string, Set<string>>();
  for (const box of form?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked") ?? []) {
    selected.set(box.name, (selected.get(box.name) ?? new Set()).add(box.value));
  }
  return selected;
}

/** A guide matches when, for every facet with a choice, one of its values is chosen. */
function matches(guide: GuideRecord, selected: Map<string, Set<string>>): boolean {
  for (const [facet, values] of selected) {
    const field = facetFields[facet];
    if (!field) continue;
    const own = ([] as string[]).concat(guide[field]);
    if (!own.some((value) => values.has(value))) return false;
  }
  return true;
}

function labelOf(facet: string, value: string): string {
  return form?.querySelector<HTMLInputElement>(`input[name="${facet}"][value="${CSS.escape(value)}"]`)?.dataset.label ?? value;
}

function restoreFromUrl(): void {
  if (!form || !input) return;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
}

function saveToUrl(): void {
  if (!form) return;
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim()) params.append(name, value.trim());
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function renderResult(url: string, title: string, guide: GuideRecord | undefined, excerptHtml: string | undefined): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const link = document.createElement("a");
  link.href = url;
  link.textContent = title;
  const heading = document.createElement("h3");
  heading.className = "search-result__title";
  heading.append(link);
  item.append(heading);
  if (guide) {
    const facets = document.createElement("p");
    facets.className = "search-result__facets";
    facets.textContent = [labelOf("action", guide.action), labelOf("platform", guide.platform), labelOf("subject", guide.subject)].join(
      " · ",
    );
    item.append(facets);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  // Pagefind escapes the page text and adds only <mark> around matches; a description is plain text.
  if (excerptHtml !== undefined) excerpt.innerHTML = excerptHtml;
  else excerpt.textContent = guide?.description ?? "";
  item.append(excerpt);
  return item;
}

async function main(): Promise<void> {
  if (!form || !input || !resultsList || !status) return;
  // Both files sit beside /search/, under whatever path prefix the site is served from. The attribute is
  // read directly: form.action would return the facet checkboxes named "action".
  const siteRoot = new URL("../", new URL(form.getAttribute("action") ?? "/search/", location.href));
  const [pagefind, guides] = await Promise.all([
    import(new URL("pagefind/pagefind.js", siteRoot).href) as Promise<Pagefind>,
    fetch(new URL("guides.json", siteRoot)).then((response) => response.json() as Promise<{ guides: GuideRecord[] }>),
  ]);
  await pagefind.options({ excerptLength: 24, baseUrl: siteRoot.pathname });
  const byUrl = new Map(guides.guides.map((guide) => [new URL(guide.path.slice(1), siteRoot).pathname, guide]));

  let latest = 0;
  const run = async () => {
    const current = ++latest;
    saveToUrl();
    const term = input.value.trim();
    const selected = selectedFacets();
    if (!term && selected.size === 0) {
      resultsList.replaceChildren();
      status.textContent = "Type a word or pick a filter to see guides.";
      return;
    }
    let items: HTMLLIElement[];
    let count: number;
    if (term) {
      const search = await pagefind.search(term);
      const found = await Promise.all(search.results.map((result) => result.data()));
      const kept = found.filter((result) => {
        const guide = byUrl.get(new URL(result.url, location.href).pathname);
        return guide !== undefined && matches(guide, selected);
      });
      count = kept.length;
      items = kept
        .slice(0, maxResults)
        .map((result) =>
          renderResult(result.url, result.meta.title ?? result.url, byUrl.get(new URL(result.url, location.href).pathname), result.excerpt),
        );
    } else {
      const kept = [...byUrl].filter(([, guide]) => matches(guide, selected));
      count = kept.length;
      items = kept.slice(0, maxResults).map(([url, guide]) => renderResult(url, guide.title, guide, undefined));
    }
    // A slower earlier search must not overwrite the answer to a later one.
    if (current !== latest) return;
    resultsList.replaceChildren(...items);
    status.textContent =
      count === 0 ? "No guide matches. Remove a filter or try another word." : `${count} guide${count === 1 ? "" : "s"} found`;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  restoreFromUrl();
  await run();
}

void main();
