// The search page: full-text search over published guides with Pagefind, narrowed by facet checkboxes.
// The facets are Pagefind filters, so a search downloads only the index chunks for its words, the filter
// files and the fragments of the results it shows, however many guides the site has. The query and the
// facets live in the URL, so a search can be bookmarked, shared and reloaded. A result that matched inside
// steps links to those steps (the index gives step headings the page's step-N ids, src/search/document.ts).

/** A part of a result's page that the words matched in: the page's start, or a heading with an id and what follows it. */
interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { id: string };
  locations: number[];
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string; description?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

/** Within a facet any chosen value matches; across facets every one must. */
type Filters = Record<string, { any: string[] }>;

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: Filters }): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");
const resultsList = document.querySelector<HTMLOListElement>("[data-search-results]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const moreButton = document.querySelector<HTMLButtonElement>("[data-search-more]");
const filtersFold = form?.querySelector<HTMLDetailsElement>("[data-search-filters]");
const filterCount = form?.querySelector<HTMLElement>("[data-search-filter-count]");
/** Results are loaded this many at a time: each is a fragment file of the guide's text. */
const resultsPerBatch = 10;
/** At most this many matching steps are linked under a result, the steps holding the most matches. */
const stepsPerResult = 3;
/** The phone widths the styles use (styles/pages/_search.scss), where the filters stay folded. */
const phone = "(max-width: 40rem)";

function selectedFilters(): Filters {
  const filters: Filters = {};
  for (const box of form?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked") ?? []) {
    (filters[box.name] ??= { any: [] }).any.push(box.value);
  }
  return filters;
}

function labelOf(facet: string, value: string): string {
  return form?.querySelector<HTMLInputElement>(`input[name="${facet}"][value="${CSS.escape(value)}"]`)?.dataset.label ?? value;
}

/** Says in the filters' summary how many are chosen, so a folded fold still shows what narrows the results. */
function countFilters(): void {
  if (!form || !filterCount) return;
  const chosen = form.querySelectorAll("input[type=checkbox]:checked").length;
  filterCount.textContent = chosen > 0 ? ` · ${chosen} chosen` : "";
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

/** Links to the steps the words matched in, in page order, labelled with each step's number and title. */
function renderSteps(result: PagefindResult): HTMLUListElement | undefined {
  const steps = result.sub_results
    .map((sub) => ({ sub, number: Number(/^step-(\d+)$/.exec(sub.anchor?.id ?? "")?.[1]) }))
    .filter(({ number }) => number > 0);
  if (steps.length === 0) return undefined;
  const list = document.createElement("ul");
  list.className = "search-result__steps";
  list.setAttribute("aria-label", `Matching steps in ${result.meta.title ?? result.url}`);
  const best = [...steps].sort((a, b) => b.sub.locations.length - a.sub.locations.length).slice(0, stepsPerResult);
  for (const { sub, number } of steps.filter((step) => best.includes(step))) {
    const link = document.createElement("a");
    link.href = sub.url;
    link.textContent = `Step ${number}: ${sub.title}`;
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  return list;
}

function renderResult(result: PagefindResult, withExcerpt: boolean): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const heading = document.createElement("h3");
  heading.className = "search-result__title";
  heading.append(link);
  const facets = document.createElement("p");
  facets.className = "search-result__facets";
  facets.textContent = ["action", "platform", "subject"]
    .flatMap((facet) => (result.filters[facet] ?? []).map((value) => labelOf(facet, value)))
    .join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  // Pagefind escapes the page text and adds only <mark> around matches; a description is plain text.
  if (withExcerpt) excerpt.innerHTML = result.excerpt;
  else excerpt.textContent = result.meta.description ?? "";
  item.append(heading, facets, excerpt);
  const steps = withExcerpt ? renderSteps(result) : undefined;
  if (steps) item.append(steps);
  return item;
}

async function main(): Promise<void> {
  if (!form || !input || !resultsList || !status) return;
  // Pagefind sits beside /search/, under whatever path prefix the site is served from. The attribute is
  // read directly: form.action would return the facet checkboxes named "action".
  const siteRoot = new URL("../", new URL(form.getAttribute("action") ?? "/search/", location.href));
  // Loaded while the listeners below are added, so words typed before it arrives are searched once it has.
  const loading = (import(new URL("pagefind/pagefind.js", siteRoot).href) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 24, baseUrl: siteRoot.pathname });
    return pagefind;
  });

  let latest = 0;
  /** The results of the search on screen that are not shown yet. */
  let remaining: { data(): Promise<PagefindResult> }[] = [];
  let withExcerpts = false;
  /** Loads the next results; the list is replaced only once they are in, so it never stands empty between searches. */
  const showMore = async (current: number, replace: boolean) => {
    const batch = remaining.slice(0, resultsPerBatch);
    remaining = remaining.slice(batch.length);
    const shown = await Promise.all(batch.map((result) => result.data()));
    // A slower earlier search must not overwrite the answer to a later one.
    if (current !== latest) return false;
    const items = shown.map((result) => renderResult(result, withExcerpts));
    if (replace) resultsList.replaceChildren(...items);
    else resultsList.append(...items);
    if (moreButton) moreButton.hidden = remaining.length === 0;
    return true;
  };
  const run = async () => {
    const current = ++latest;
    saveToUrl();
    const term = input.value.trim();
    const filters = selectedFilters();
    if (!term && Object.keys(filters).length === 0) {
      remaining = [];
      resultsList.replaceChildren();
      if (moreButton) moreButton.hidden = true;
      status.textContent = "Type a word or pick a filter to see guides.";
      return;
    }
    const search = await (await loading).search(term || null, { filters });
    if (current !== latest) return;
    remaining = search.results;
    withExcerpts = term !== "";
    if (!(await showMore(current, true))) return;
    const count = search.results.length;
    status.textContent =
      count === 0 ? "No guide matches. Remove a filter or try another word." : `${count} guide${count === 1 ? "" : "s"} found`;
  };
  // One batch after another, in order, however fast the button is pressed.
  let appending = Promise.resolve(true);
  moreButton?.addEventListener("click", () => {
    appending = appending.catch(() => false).then(() => showMore(latest, false));
  });

  if (filtersFold) {
    const onPhone = window.matchMedia(phone);
    filtersFold.open = !onPhone.matches;
    onPhone.addEventListener("change", () => (filtersFold.open = !onPhone.matches));
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", () => {
    countFilters();
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  restoreFromUrl();
  countFilters();
  await run();
}

void main();
