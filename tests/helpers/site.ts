import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { HtmlValidate } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";
import { buildSite } from "../../src/build.ts";
import { loadSiteSettings, type SiteSettingsInput } from "../../src/site-settings.ts";

export const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");

/** The published guides of the fixture site in tests/fixtures/site, by URL. */
export const fixturePublishedUrls = [
  "/guides/detect-api-keys-secrets-tokens-aws/",
  "/guides/detect-api-keys-secrets-tokens-azure/",
  "/guides/detect-customer-data-snowflake/",
  "/guides/detect-pii-aws/",
  "/guides/fix-exposure-of-api-keys-secrets-tokens-azure/",
  "/guides/prevent-exposure-of-api-keys-secrets-tokens-aws/",
];

/** One page of the search index, as Pagefind stores it. */
export interface SearchFragment {
  url: string;
  content: string;
  meta: { title?: string; description?: string };
  filters: Record<string, string[]>;
}

/** A built site in a temporary folder, with helpers to read its pages. */
export class BuiltSite {
  /** Pages parsed so far: tests only read them, and several read every page. */
  readonly #parsed = new Map<string, HTMLElement>();

  constructor(readonly root: string) {}

  has(url: string): boolean {
    return existsSync(this.fileFor(url));
  }

  fileFor(url: string): string {
    const clean = url.split("#")[0]!;
    return path.join(this.root, clean.endsWith("/") ? `${clean}index.html` : clean);
  }

  html(url: string): string {
    return readFileSync(this.fileFor(url), "utf8");
  }

  page(url: string): HTMLElement {
    const file = this.fileFor(url);
    let page = this.#parsed.get(file);
    if (!page) {
      // The parser keeps <pre> as raw text unless told otherwise; commands are in <pre><code>.
      page = parse(readFileSync(file, "utf8"), { blockTextElements: { script: true, style: true } });
      this.#parsed.set(file, page);
    }
    return page;
  }

  /** The pages in the search index, as Pagefind stores them: one gzipped JSON fragment per page. */
  searchFragments(): SearchFragment[] {
    const folder = path.join(this.root, "pagefind", "fragment");
    return readdirSync(folder)
      .map((file) => gunzipSync(readFileSync(path.join(folder, file))).toString("utf8"))
      .map((text) => JSON.parse(text.replace(/^pagefind_dcd/, "")) as SearchFragment)
      .sort((a, b) => a.url.localeCompare(b.url));
  }

  /** Every page's URL, derived from the files written. */
  urls(): string[] {
    return readdirSync(this.root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".html"))
      .map((file) => `/${file.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
      .sort();
  }
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `dspm-${prefix}-`));
}

export interface BuildTestOptions {
  includeDrafts?: boolean;
  /** Site settings to change for this build, e.g. a path prefix or analytics. */
  settings?: Partial<SiteSettingsInput>;
}

export async function buildGuides(input: string, options: BuildTestOptions = {}): Promise<BuiltSite> {
  const output = path.join(temporaryFolder("site"), "_site");
  await buildSite({ input, output, includeDrafts: options.includeDrafts ?? false, site: loadSiteSettings(undefined, options.settings) });
  return new BuiltSite(output);
}

export function buildFixture(name: string, options: BuildTestOptions = {}): Promise<BuiltSite> {
  return buildGuides(path.join(fixturesDir, name, "guides"), options);
}

const sharedBuilds = new Map<string, Promise<BuiltSite>>();

/**
 * The site built from `input` with these options, built once per test worker and shared by the test files
 * it runs (vitest runs them in one process, `isolate: false`). Callers only read it; a test that writes into
 * its site, or needs a build of its own, calls buildGuides.
 */
export function sharedBuild(input: string, options: BuildTestOptions = {}): Promise<BuiltSite> {
  const key = JSON.stringify([path.resolve(input), options.includeDrafts ?? false, loadSiteSettings(undefined, options.settings)]);
  let built = sharedBuilds.get(key);
  if (!built) {
    built = buildGuides(input, options);
    sharedBuilds.set(key, built);
  }
  return built;
}

/** The fixture site's shared build, as sharedBuild. */
export function sharedFixture(name: string, options: BuildTestOptions = {}): Promise<BuiltSite> {
  return sharedBuild(path.join(fixturesDir, name, "guides"), options);
}

/** The text of an element with whitespace collapsed, as a reader sees it. */
export function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Every link, script, stylesheet and form target of the given pages (all of them unless named) that does
 * not resolve: a missing file, or a #fragment with no element of that id in the target page. Links must
 * carry the path prefix. Pages with nothing to check are reported too, so an empty answer means something.
 */
export function brokenLinks(site: BuiltSite, prefix = "/", urls = site.urls()): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (url: string) => {
    let found = ids.get(url);
    if (!found) {
      found = new Set(
        site
          .page(url)
          .querySelectorAll("[id]")
          .map((element) => element.id),
      );
      ids.set(url, found);
    }
    return found;
  };
  if (urls.length === 0) broken.push("no page to check");
  for (const url of urls) {
    const page = site.page(url);
    const targets = [
      ...page.querySelectorAll("a[href], link[href]").map((element) => element.getAttribute("href") ?? ""),
      ...page.querySelectorAll("script[src]").map((element) => element.getAttribute("src") ?? ""),
      ...page.querySelectorAll("form[action]").map((element) => element.getAttribute("action") ?? ""),
    ];
    if (targets.length === 0) broken.push(`${url}: no link to check`);
    for (const target of targets) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [pathAndQuery = "", fragment] = target.split("#");
      const targetPath = pathAndQuery.split("?")[0] ?? "";
      let resolved = url;
      if (targetPath) {
        if (!targetPath.startsWith(prefix)) {
          broken.push(`${url} → ${target}: does not start with the path prefix ${prefix}`);
          continue;
        }
        resolved = `/${targetPath.slice(prefix.length)}`;
        if (!resolves(site, resolved)) {
          broken.push(`${url} → ${target}: no such file`);
          continue;
        }
        if (!resolved.endsWith("/") && site.has(`${resolved}/`)) resolved = `${resolved}/`;
      }
      if (fragment && /(\/|\.html)$/.test(resolved) && !idsOf(resolved).has(decodeURIComponent(fragment))) {
        broken.push(`${url} → ${target}: no element with id "${fragment}"`);
      }
    }
  }
  return broken;
}

/** Does a link resolve to a written file, as a static host would serve it (`/x` serves `/x/index.html`)? */
function resolves(site: BuiltSite, href: string): boolean {
  return site.has(href) || site.has(`${href}/`);
}

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  // A group of checkboxes sharing one name is how HTML sends several values of one search facet.
  rules: { "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }] },
});

/** html-validate's messages for every page of a site, as "url line:column rule: message". */
export async function htmlErrors(site: BuiltSite): Promise<string[]> {
  const errors: string[] = [];
  for (const url of site.urls()) {
    const report = await validator.validateString(site.html(url), site.fileFor(url));
    for (const result of report.results) {
      for (const message of result.messages) errors.push(`${url} ${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return errors;
}
