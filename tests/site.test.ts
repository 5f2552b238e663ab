import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { createLiquid } from "../src/templates/engine.ts";
import { brokenLinks, fixturePublishedUrls, buildFixture, htmlErrors, sharedFixture, textOf, type BuiltSite } from "./helpers/site.ts";

const registry = loadRegistry();
let site: BuiltSite;

beforeAll(async () => {
  site = await sharedFixture("site");
});

const cardTitles = (url: string, selector: string) => site.page(url).querySelectorAll(`${selector} .guide-card__title`).map(textOf);

describe("the fixture site, production build", () => {
  it("publishes each guide at /guides/<file name>/ and leaves the draft out", () => {
    expect(site.urls().filter((url) => url.startsWith("/guides/") && url !== "/guides/")).toEqual([
      "/guides/detect-api-keys-secrets-tokens-aws/",
      "/guides/detect-api-keys-secrets-tokens-azure/",
      "/guides/detect-customer-data-snowflake/",
      "/guides/detect-pii-aws/",
      "/guides/fix-exposure-of-api-keys-secrets-tokens-aws/",
      "/guides/fix-exposure-of-api-keys-secrets-tokens-azure/",
      "/guides/prevent-exposure-of-api-keys-secrets-tokens-aws/",
      "/guides/prevent-exposure-of-api-keys-secrets-tokens-azure/",
    ]);
    expect(site.html("/").includes("detect-pii-gcp")).toBe(false);
  });

  it("generates a page for each used term, and none for unused ones or ones only a draft uses", () => {
    const termPages = site.urls().filter((url) => /^\/(risk|regulation|platforms)\/[^/]/.test(url));
    expect(termPages).toEqual([
      "/platforms/aws/",
      "/platforms/azure/",
      "/platforms/snowflake/",
      "/regulation/ccpa/",
      "/regulation/gdpr/",
      "/regulation/nist-800-53/",
      "/regulation/pci-dss/",
      "/regulation/soc-2/",
      "/risk/data-exposure/",
      "/risk/insecure-apis/",
    ]);
  });

  it("resolves every internal link on every page", () => {
    expect(brokenLinks(site)).toEqual([]);
  });

  it("writes valid HTML on every page", async () => {
    expect(await htmlErrors(site)).toEqual([]);
  });

  it("shows a guide's risk, regulation and platform tag links in its header", () => {
    const header = site.page("/guides/detect-api-keys-secrets-tokens-aws/").querySelector(".guide-header")!;
    expect(header.querySelectorAll(".tags a").map((link) => [link.getAttribute("href"), textOf(link)])).toEqual([
      ["/risk/insecure-apis/", "Risk: insecure APIs"],
      ["/regulation/pci-dss/", "Regulation: PCI-DSS"],
      ["/regulation/soc-2/", "Regulation: SOC 2"],
      ["/platforms/aws/", "Platform: AWS"],
    ]);
  });

  it("resolves alias spellings to the registry's term", () => {
    const page = site.page("/guides/prevent-exposure-of-api-keys-secrets-tokens-aws/");
    expect(page.querySelector(".tag--regulation")?.getAttribute("href")).toBe("/regulation/pci-dss/");
    expect(site.page("/guides/detect-pii-aws/").querySelector(".tag--platform")?.getAttribute("href")).toBe("/platforms/aws/");
  });

  it("draws every section of a structured guide in order", () => {
    const page = site.page("/guides/detect-api-keys-secrets-tokens-aws/");
    const headings = page.querySelectorAll("article h2:not(#toc-heading)").map(textOf);
    expect(headings).toEqual([
      "Why it matters",
      "Prerequisites",
      loadSiteSettings().spotlight.title,
      // Shown only with JavaScript, which fills what the reader types into the commands.
      "Your values",
      "Step-by-step guide",
      "Architecture & workflow",
      "Best practices & tips",
      "References & further reading",
      "Next steps",
    ]);
    expect(textOf(page.querySelector(".callout--regulation"))).toBe(
      "Relevant regulations: PCI-DSS (Payment Card Industry Data Security Standard); SOC 2 (SOC 2 Trust Services Criteria)",
    );
    expect(textOf(page.querySelector(".callout--risk"))).toContain("A leaked key lets anyone call AWS APIs as its owner.");
    const steps = page.querySelectorAll(".steps > li");
    expect(steps.map((step) => textOf(step.querySelector("h3")))).toEqual([
      "List the keys of a user",
      "Check when a key was last used",
      "Delete a key nobody uses",
      "Read the findings",
    ]);
    expect(steps[0]!.querySelector(".prose strong")?.textContent).toBe("IAM guide");
    expect(steps[1]!.querySelector("pre code")?.getAttribute("class")).toBe("language-shell");
    expect(steps[1]!.querySelector("pre code")?.textContent).toBe("aws iam get-access-key-last-used --access-key-id <access-key-id>");
    expect(steps[3]!.querySelector("pre")).toBeNull();
    expect(steps.map((step) => step.querySelectorAll(".command-block__effect").map(textOf))).toEqual([
      ["Read-only: changes nothing"],
      ["Read-only: changes nothing"],
      ["Read-only: changes nothing", "Destructive: cannot be undone"],
      [],
    ]);
    // Each block of a step keeps its own note, warning and code, and names its copy button apart from the other's.
    const [reading, deleting] = steps[2]!.querySelectorAll(".command-block");
    expect(reading!.querySelector(".command-block__note, .command-block__warning")).toBeNull();
    expect(textOf(deleting!.querySelector(".command-block__note"))).toBe("Run this once the list shows the replacement key as Active.");
    expect(textOf(deleting!.querySelector(".command-block__warning"))).toBe("Warning: A deleted key cannot be restored.");
    expect(deleting!.querySelector("pre code")?.textContent).toBe(
      "aws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>",
    );
    expect(steps[2]!.querySelectorAll("pre.command").map((block) => block.getAttribute("data-copy-label"))).toEqual([
      "Copy command 1 of 2 in step 3",
      "Copy command 2 of 2 in step 3",
    ]);
    expect(steps[0]!.querySelector("pre.command")?.getAttribute("data-copy-label")).toBe("Copy the command in step 1");
    expect(page.querySelectorAll(".controls li").map(textOf)).toEqual([
      "PCI-DSS v4.0.1 · 8.6.2 Fixture summary of the control.",
      "NIST 800-53 Rev. 5 · IA-5(7) Fixture summary of a second framework.",
    ]);
    expect(page.querySelectorAll(".flow li").map(textOf)).toEqual(["List keys", "Check use", "Triage", "Rotate"]);
    expect(page.querySelectorAll(".card--pitfalls h3").map(textOf)).toEqual(["Common pitfalls"]);
    expect(page.querySelector("time")?.getAttribute("datetime")).toBe("2026-10-01");
  });

  it("computes next steps from siblings: published ones linked, coming-soon ones unlinked", () => {
    const nextSteps = site.page("/guides/detect-api-keys-secrets-tokens-aws/").querySelectorAll(".next-steps li");
    expect(nextSteps.map((item) => [item.querySelector("a")?.getAttribute("href") ?? null, textOf(item)])).toEqual([
      ["/guides/prevent-exposure-of-api-keys-secrets-tokens-aws/", "Prevent Stop long-lived access keys in AWS"],
      [null, "Fix Rotate a leaked access key in AWS (coming soon)"],
    ]);
    // A guide whose siblings do not exist offers no next steps at all.
    expect(site.page("/guides/detect-pii-aws/").querySelector(".next-steps")).toBeNull();
  });

  it("shows only the header and a notice on a coming-soon guide", () => {
    const page = site.page("/guides/fix-exposure-of-api-keys-secrets-tokens-aws/");
    expect(page.querySelectorAll("article h2").map(textOf)).toEqual(["Coming soon"]);
    expect(page.querySelectorAll(".tags li").map(textOf)).toEqual(["Coming soon"]);
    expect(textOf(page.querySelector("h1"))).toBe("Rotate a leaked access key in AWS");
  });

  it("groups a term's guides by action in a stable order, with coming-soon guides apart", () => {
    expect(site.page("/risk/insecure-apis/").querySelectorAll(".term-group > h2").map(textOf)).toEqual([
      "Detect",
      "Prevent",
      "Fix",
      "Coming soon",
    ]);
    expect(cardTitles("/risk/insecure-apis/", ".term-group:nth-of-type(1)")).toEqual([
      "Legacy fixture: Azure secret detection",
      "Detect leaked access keys in AWS",
    ]);
    expect(cardTitles("/risk/insecure-apis/", ".term-group--soon")).toEqual([
      "Legacy fixture: Azure prevention, not yet written",
      "Rotate a leaked access key in AWS",
    ]);
    expect(cardTitles("/platforms/aws/", ".term-group:nth-of-type(1)")).toEqual([
      "Find personal data in S3 buckets",
      "Detect leaked access keys in AWS",
    ]);
    const regulation = site.page("/regulation/pci-dss/");
    expect(textOf(regulation.querySelector("h1"))).toBe("PCI-DSS");
    expect(textOf(regulation.querySelector(".lede"))).toBe(registry.resolve("regulations", "pci-dss")!.description);
  });

  it("lists every listed guide on the home page, grouped by subject, with browse links to term pages only", () => {
    const home = site.page("/");
    expect(home.querySelectorAll(".library__heading").map(textOf)).toEqual(["API keys, secrets & tokens", "Customer data", "PII"]);
    expect(home.querySelectorAll("#guide-library .guide-link").length).toBe(8);
    expect(home.querySelectorAll("#platforms + ul a").map((link) => link.getAttribute("href"))).toEqual([
      "/platforms/aws/",
      "/platforms/azure/",
      "/platforms/snowflake/",
    ]);
    expect(home.querySelectorAll(".badge--soon").length).toBe(2);
  });

  it("escapes every front-matter value", () => {
    const html = site.html("/guides/detect-customer-data-snowflake/");
    const page = site.page("/guides/detect-customer-data-snowflake/");
    expect(page.querySelectorAll('script:not([src]):not([type="application/ld+json"]), img, marquee, blink, b, em, i, u, s')).toHaveLength(
      0,
    );
    for (const script of page.querySelectorAll("script[src]")) expect(script.getAttribute("src")).toMatch(/^\/assets\/[a-z]+\.js$/);
    expect(textOf(page.querySelector("h1"))).toBe("<img src=x onerror=alert(1)>");
    expect(page.querySelector("title")?.textContent).toBe("</title><script>alert('meta')</script>");
    expect(page.querySelectorAll("a").map((link) => link.getAttribute("href"))).not.toContainEqual(expect.stringContaining("javascript:"));
    expect(html).toContain("&lt;script&gt;alert(&#39;meta&#39;)&lt;/script&gt;");
    expect(textOf(page.querySelector(".spotlight h2"))).toBe("<marquee>spotlight</marquee>");
    // The same title is escaped wherever a list shows it.
    expect(site.page("/platforms/snowflake/").querySelector("img")).toBeNull();
    // Front-matter fields are never templates.
    expect(textOf(page.querySelector("#step-1 .prose"))).toBe(
      "Step prose with <script>alert('body')</script>, {{ 7 | times: 191 }} and [a link](javascript:alert(3)).",
    );
  });

  it("shows a structured body exactly as written: its Liquid and HTML are text, in prose, inline code and code blocks", () => {
    const url = "/guides/detect-customer-data-snowflake/";
    const prose = site.page(url).querySelector('[aria-labelledby="why-it-matters"] > .prose')!;
    const paragraphs = prose.querySelectorAll("p").map((paragraph) => paragraph.textContent);
    expect(paragraphs).toEqual([
      "Prose that looks like Liquid: {{ 7 | times: 191 }}, {% if x %}y{% endif %} and {% raw %}, and like HTML: <script>alert('body')</script> <img src=x onerror=alert(4)>.",
      "A workflow reads ${{ secrets.GITHUB_TOKEN }}, as in this block:",
      '<div class="callout">Not a callout.</div>',
    ]);
    expect(prose.querySelector("p code")?.textContent).toBe("${{ secrets.GITHUB_TOKEN }}");
    expect(prose.querySelector("pre code")?.textContent).toBe(
      'env:\n  TOKEN: ${{ secrets.GITHUB_TOKEN }}\n  CHECK: "{% if x %}y{% endif %} {{ unclosed"\n',
    );
    expect(prose.querySelectorAll("script, img, div")).toHaveLength(0);
    const indexed = site.searchFragments().find((fragment) => fragment.url === url)!;
    expect(indexed.content).toContain("{{ 7 | times: 191 }}");
    expect(indexed.content).not.toContain("1337");
  });
});

describe("reader comforts in the built HTML", () => {
  const publishedUrls = fixturePublishedUrls;

  it("indexes exactly the published guides for search: every word of their content, not the page's navigation", () => {
    const fragments = site.searchFragments();
    expect(fragments.map((fragment) => fragment.url)).toEqual(publishedUrls);
    const entry = JSON.parse(site.html("/pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(publishedUrls.length);
    const url = "/guides/detect-api-keys-secrets-tokens-aws/";
    const indexed = fragments.find((fragment) => fragment.url === url)!;
    const page = site.page(url);
    expect(indexed.meta.title).toBe(textOf(page.querySelector("h1")));
    const stepTitles = page.querySelectorAll(".step__title").map(textOf);
    expect(stepTitles.length).toBeGreaterThan(0);
    for (const title of stepTitles) expect(indexed.content).toContain(title);
    expect(indexed.content).toContain(textOf(page.querySelector(".lede")));
    // Step prose and commands too, as the page shows them.
    const stepProse = page.querySelectorAll(".step .prose p").map(textOf);
    const commands = page.querySelectorAll(".step pre code").map(textOf);
    expect(stepProse.length).toBeGreaterThan(0);
    expect(commands.length).toBeGreaterThan(0);
    for (const text of [...stepProse, ...commands]) expect(indexed.content.replace(/\s+/g, " ")).toContain(text);
    // A legacy guide's body as its page shows it, without the Liquid that drew its tags.
    const legacy = fragments.find((fragment) => fragment.url === "/guides/fix-exposure-of-api-keys-secrets-tokens-azure/")!;
    expect(legacy.content).toContain("Detect: fixture link");
    expect(legacy.content).not.toMatch(/\{%|\{\{/);
    // The facets are filters of the index itself, so the search page needs no other file to apply them.
    expect(indexed.filters).toEqual({
      action: ["detect"],
      platform: ["aws"],
      subject: ["api-keys-secrets-tokens"],
      risk: ["insecure-apis"],
      regulation: ["pci-dss", "soc-2"],
    });
    for (const navigation of [".toc h2", ".next-steps h2", ".breadcrumbs"]) {
      expect(indexed.content, navigation).not.toContain(textOf(page.querySelector(navigation)));
    }
  });

  it("loads the shared stylesheet and the one for its kind of page", () => {
    const stylesheets = (url: string) =>
      site
        .page(url)
        .querySelectorAll('link[rel="stylesheet"]')
        .map((link) => link.getAttribute("href"));
    expect(stylesheets("/guides/detect-api-keys-secrets-tokens-aws/")).toEqual(["/assets/site.css", "/assets/guide.css"]);
    expect(stylesheets("/guides/fix-exposure-of-api-keys-secrets-tokens-azure/")).toEqual([
      "/assets/site.css",
      "/assets/legacy.css",
      "/assets/guide.css",
    ]);
    for (const url of ["/", "/platforms/aws/", "/search/", "/404.html"])
      expect(stylesheets(url), url).toEqual(["/assets/site.css", "/assets/listing.css"]);
    for (const sheet of ["site", "guide", "legacy", "listing"]) expect(site.html(`/assets/${sheet}.css`).length, sheet).toBeGreaterThan(0);
  });

  it("loads scripts only from files, so no page needs unsafe-inline", () => {
    for (const url of site.urls()) {
      const page = site.page(url);
      // JSON-LD is data the browser never runs, so a Content-Security-Policy does not apply to it.
      for (const script of page.querySelectorAll('script:not([type="application/ld+json"])')) {
        expect(script.getAttribute("src"), url).toMatch(/^\/assets\/[a-z]+\.js$/);
        expect(script.textContent.trim(), url).toBe("");
      }
      expect(page.querySelectorAll("[style], [onclick], [onload]"), url).toHaveLength(0);
    }
  });

  it("shows every subject and platform in the coverage matrix, linking what exists", () => {
    const matrix = site.page("/").querySelector(".coverage__table");
    expect(matrix?.querySelectorAll("tbody tr")).toHaveLength(registry.terms.subjects.length);
    expect(matrix?.querySelectorAll("thead th:not(:first-child)").map(textOf)).toEqual(
      registry.terms.platforms.map((platform) => platform.label),
    );
    const awsKeys = matrix?.querySelectorAll("tbody tr")[1]?.querySelectorAll("td")[0];
    expect(awsKeys?.querySelectorAll("a.cov--published").map((link) => link.getAttribute("href"))).toEqual([
      "/guides/detect-api-keys-secrets-tokens-aws/",
      "/guides/prevent-exposure-of-api-keys-secrets-tokens-aws/",
    ]);
    expect(awsKeys?.querySelectorAll("a.cov--coming-soon").map((link) => link.getAttribute("href"))).toEqual([
      "/guides/fix-exposure-of-api-keys-secrets-tokens-aws/",
    ]);
    expect(matrix?.querySelectorAll(".cov--missing").length).toBeGreaterThan(0);
  });

  it("gives a guide breadcrumbs and a table of contents that resolves", () => {
    const page = site.page("/guides/detect-api-keys-secrets-tokens-aws/");
    expect(page.querySelectorAll(".breadcrumbs a").map((link) => link.getAttribute("href"))).toEqual(["/", "/platforms/aws/"]);
    const tocTargets = page.querySelectorAll(".toc a").map((link) => link.getAttribute("href") ?? "");
    expect(tocTargets.length).toBeGreaterThan(6);
    for (const target of tocTargets) expect(page.querySelector(target), target).not.toBeNull();
  });

  it("offers filters as links to action and platform pages that exist", () => {
    const links = site
      .page("/")
      .querySelectorAll("[data-filter-bar] a")
      .map((link) => link.getAttribute("href") ?? "");
    expect(links).toEqual(expect.arrayContaining(["/actions/detect/", "/platforms/aws/"]));
    for (const link of links) expect(site.has(link), link).toBe(true);
  });
});

describe("drafts", () => {
  it("build and are marked when drafts are included, as npm start does", async () => {
    const preview = await buildFixture("site", { includeDrafts: true });
    const draft = preview.page("/guides/detect-pii-gcp/");
    expect(draft.querySelectorAll(".tag--draft").map(textOf)).toEqual(["Draft"]);
    expect(preview.has("/regulation/hipaa/")).toBe(true);
    expect(preview.page("/").querySelectorAll(".badge--draft").map(textOf)).toEqual(["Draft"]);
  });
});

describe("the Liquid engine", () => {
  it("renders layouts synchronously and refuses a filter that returns a promise", async () => {
    const liquid = createLiquid();
    liquid.registerFilter("later", (value: string) => Promise.resolve(value));
    await expect(liquid.render(liquid.parse("{{ 'now' | upcase }}"), {})).resolves.toBe("NOW");
    await expect(liquid.render(liquid.parse("{{ 'soon' | later }}"), {})).rejects.toThrow(
      /"later" returned a promise: filters must be synchronous/,
    );
  });
});
