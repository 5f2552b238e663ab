// The search page: full-text search over published guides with Pagefind, narrowed by facet checkboxes.
// The query and the facets live in the URL, so a search can be bookmarked, shared and reloaded.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");
const resultsList = document.querySelector<HTMLOListElement>("[data-search-results]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const maxResults = 30;

function selectedFilters(): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const box of form?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked") ?? []) {
    (filters[box.name] ??= { any: [] }).any.push(box.value);
  }
  return filters;
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

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const heading = document.createElement("h3");
  heading.className = "search-result__title";
  heading.append(link);
  const facets = document.createElement("p");
  facets.className = "search-result__facets";
  facets.textContent = [...(data.filters.action ?? []), ...(data.filters.platform ?? []), ...(data.filters.subject ?? [])].join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  // Pagefind escapes the page text and adds only <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  item.append(heading, facets, excerpt);
  return item;
}

async function main(): Promise<void> {
  if (!form || !input || !resultsList || !status) return;
  const pagefind = (await import(form.dataset.pagefind ?? "/pagefind/pagefind.js")) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  form.classList.add("search-form--ready");

  let latest = 0;
  const run = async () => {
    const run = ++latest;
    saveToUrl();
    const term = input.value.trim();
    const filters = selectedFilters();
    if (!term && Object.keys(filters).length === 0) {
      resultsList.replaceChildren();
      status.textContent = "Type a word or pick a filter to see guides.";
      return;
    }
    const search = await pagefind.search(term || null, { filters });
    const found = await Promise.all(search.results.slice(0, maxResults).map((result) => result.data()));
    // A slower earlier search must not overwrite the answer to a later one.
    if (run !== latest) return;
    resultsList.replaceChildren(...found.map(renderResult));
    const count = search.results.length;
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
