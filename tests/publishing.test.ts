// What the site publishes for hosts, search engines and other tools, and the checks that keep a broken
// or leaky site from shipping: links and anchors, HTML validity, secrets, byte-for-byte determinism.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir, projectRoot } from "../src/paths.ts";
import {
  fixturePublishedUrls,
  buildFixture,
  buildGuides,
  sharedBuild,
  sharedFixture,
  brokenLinks,
  temporaryFolder,
  textOf,
  type BuiltSite,
} from "./helpers/site.ts";

const run = promisify(execFile);
const published = fixturePublishedUrls;
const comingSoon = "/guides/fix-exposure-of-api-keys-secrets-tokens-aws/";
const base = "https://dspm-guides.example.com";

const analyticsScript = "https://analytics.example.test/script.js";

let site: BuiltSite;
/** The fixture site served from /docs/ with analytics configured: one build for both settings. */
let prefixed: BuiltSite;
beforeAll(async () => {
  // One build at a time: each runs the search indexer.
  site = await sharedFixture("site", { settings: { base_url: base, path_prefix: "/" } });
  prefixed = await buildFixture("site", {
    settings: { base_url: base, path_prefix: "/docs/", analytics: { provider: "Example Analytics", script_url: analyticsScript } },
  });
});

/** The real guides, built on first use, for the checks and the scans that read them. */
const realSite = () => sharedBuild(defaultGuidesDir);

const jsonLdOf = (url: string) => {
  const script = site.page(url).querySelector('script[type="application/ld+json"]');
  return JSON.parse(script?.textContent ?? "{}") as { "@graph": Record<string, unknown>[] };
};
const typesOf = (url: string) => jsonLdOf(url)["@graph"].map((node) => node["@type"]);

describe("head metadata", () => {
  it("gives every page a title, a description, sharing cards and breadcrumbs", () => {
    for (const url of site.urls()) {
      const page = site.page(url);
      expect(textOf(page.querySelector("title")), url).not.toBe("");
      for (const selector of [
        'meta[name="description"]',
        'meta[property="og:title"]',
        'meta[property="og:description"]',
        'meta[name="twitter:card"]',
      ]) {
        expect(page.querySelector(selector)?.getAttribute("content"), `${url} ${selector}`).toBeTruthy();
      }
      expect(typesOf(url)[0], url).toBe("BreadcrumbList");
    }
  });

  it("links each indexable page to its canonical address and keeps the others out of search engines", () => {
    const canonical = (url: string) => site.page(url).querySelector('link[rel="canonical"]')?.getAttribute("href");
    const robots = (url: string) => site.page(url).querySelector('meta[name="robots"]')?.getAttribute("content");
    expect(canonical(published[0] ?? "")).toBe(`${base}${published[0] ?? ""}`);
    expect(canonical("/platforms/aws/")).toBe(`${base}/platforms/aws/`);
    expect(robots(comingSoon)).toBe("noindex");
    expect(canonical(comingSoon)).toBeUndefined();
    expect(robots("/404.html")).toBe("noindex");
    expect(robots(published[0] ?? "")).toBeUndefined();
  });

  it("describes a guide as a TechArticle with HowTo steps, and a taxonomy page as a CollectionPage", () => {
    const guide = jsonLdOf("/guides/detect-api-keys-secrets-tokens-aws/")["@graph"][1] ?? {};
    expect(guide["@type"]).toEqual(["TechArticle", "HowTo"]);
    expect((guide.step as { name: string }[]).map((step) => step.name)).toEqual(
      site.page("/guides/detect-api-keys-secrets-tokens-aws/").querySelectorAll(".step__title").map(textOf),
    );
    expect(guide.dateModified).toBe("2026-10-01");
    expect(typesOf("/platforms/aws/")).toEqual(["BreadcrumbList", "CollectionPage"]);
    expect(typesOf("/")).toEqual(["BreadcrumbList", "WebSite"]);
    const crumbs = (jsonLdOf(published[0] ?? "")["@graph"][0]?.itemListElement ?? []) as { item?: string }[];
    expect(crumbs.map((crumb) => crumb.item)).toEqual([`${base}/`, `${base}/platforms/aws/`, `${base}${published[0] ?? ""}`]);
  });

  it("cannot be broken out of by a hostile title", () => {
    const html = site.html("/guides/detect-customer-data-snowflake/");
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(block).not.toContain("<");
    expect(JSON.stringify(JSON.parse(block))).toContain("<img src=x onerror=alert(1)>");
  });
});

describe("sitemap, robots.txt and feeds", () => {
  it("lists published pages only in the sitemap, with their review dates", () => {
    const xml = site.html("/sitemap.xml");
    const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc><lastmod>(\d{4}-\d\d-\d\d)<\/lastmod>/g)].map((match) => match[1]);
    for (const url of published) expect(locations).toContain(`${base}${url}`);
    expect(locations).not.toContain(`${base}${comingSoon}`);
    expect(locations).not.toContain(`${base}/guides/detect-pii-gcp/`);
    expect(locations).not.toContain(`${base}/404.html`);
    expect(xml).toContain(`<loc>${base}/guides/detect-api-keys-secrets-tokens-aws/</loc><lastmod>2026-10-01</lastmod>`);
    expect(site.html("/robots.txt")).toContain(`Sitemap: ${base}/sitemap.xml`);
  });

  it("publishes an Atom feed of published guides, newest first, and one per platform", () => {
    const feed = site.html("/feed.xml");
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>\s*<updated>([^<]+)<\/updated>/g)];
    expect(entries.map((entry) => entry[1]?.replace(base, "")).sort()).toEqual(published);
    const dates = entries.map((entry) => entry[2] ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    const aws = site.html("/platforms/aws/feed.xml");
    expect([...aws.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((entry) => entry[1]?.replace(base, "")).sort()).toEqual(
      published.filter((url) => url.endsWith("-aws/")),
    );
    expect(site.page("/platforms/aws/").querySelector('link[type="application/atom+xml"][href="/platforms/aws/feed.xml"]')).not.toBeNull();
  });
});

describe("machine-readable exports", () => {
  it("exports every published guide's metadata, taxonomy slugs, controls and command blocks as /guides.json", () => {
    const exported = JSON.parse(site.html("/guides.json")) as {
      guides: {
        path: string;
        platform: string;
        regulations: string[];
        controls: { framework: string; id: string }[];
        steps: { title: string; commands: { code: string; effect: string; note?: string; warning?: string }[] }[];
      }[];
    };
    expect(exported.guides.map((guide) => guide.path).sort()).toEqual(published);
    const aws = exported.guides.find((guide) => guide.path === "/guides/detect-api-keys-secrets-tokens-aws/");
    expect(aws?.platform).toBe("aws");
    expect(aws?.regulations).toEqual(["pci-dss", "soc-2"]);
    expect(aws?.controls.map((control) => `${control.framework} ${control.id}`)).toEqual(["pci-dss 8.6.2", "nist-800-53 IA-5(7)"]);
    // A step with a reading block and a destructive one keeps them apart, each with its own effect.
    const twoBlocks = aws?.steps.find((step) => step.commands.length === 2);
    expect(twoBlocks?.commands.map((command) => command.effect)).toEqual(["reads", "destructive"]);
    expect(twoBlocks?.commands[1]).toMatchObject({
      code: "aws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>",
      note: "Run this once the list shows the replacement key as Active.",
    });
    expect(twoBlocks?.commands[1]?.warning).toBeTruthy();
  });

  it("publishes a JSON Schema that accepts every real guide's front matter and rejects a wrong status", () => {
    const schema = JSON.parse(site.html("/schema/guide.schema.json")) as object;
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const structured = readGuideSources(defaultGuidesDir)
      .map((source) => JSON.parse(JSON.stringify(matter(source.text, {}).data)) as Record<string, unknown>)
      .filter((data) => data.layout === undefined);
    expect(structured.length).toBeGreaterThan(0);
    for (const data of structured) expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...structured[0], status: "live" })).toBe(false);
  });
});

describe("hosting", () => {
  it("ships security headers with a CSP that allows nothing inline and nothing from elsewhere", () => {
    const headers = site.html("/_headers");
    const csp = /Content-Security-Policy: (.+)/.exec(headers)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toMatch(/https?:/);
    for (const header of ["X-Content-Type-Options: nosniff", "Referrer-Policy:", "Permissions-Policy:"]) expect(headers).toContain(header);
  });

  it("adds a configured analytics origin to the CSP and to nothing else", () => {
    expect(prefixed.html("/_headers")).toMatch(/script-src 'self' 'wasm-unsafe-eval' https:\/\/analytics\.example\.test;/);
    expect(site.html("/_headers")).not.toContain("analytics.example.test");
    const home = prefixed.page("/");
    expect(home.querySelector("[data-consent]")?.getAttribute("data-consent")).toBe(analyticsScript);
    for (const url of prefixed.urls()) expect(prefixed.page(url).querySelectorAll('script[src^="https:"]'), url).toHaveLength(0);
    expect(site.page("/").querySelector("[data-consent]")).toBeNull();
  });
});

describe("a site served under a path prefix", () => {
  it("prefixes every link, asset, form and the search index, and every one resolves", () => {
    expect(brokenLinks(prefixed, "/docs/")).toEqual([]);
    // The search script finds the index and guides.json beside the form's target.
    expect(prefixed.page("/search/").querySelector("[data-search-form]")?.getAttribute("action")).toBe("/docs/search/");
    expect(
      prefixed
        .page(published[0] ?? "")
        .querySelector('link[rel="canonical"]')
        ?.getAttribute("href"),
    ).toBe(`${base}/docs${published[0] ?? ""}`);
    expect(prefixed.html("/sitemap.xml")).toContain(`<loc>${base}/docs/guides/`);
    expect(prefixed.html("/_headers").split("\n")[0]).toBe("/docs/*");
  });
});

describe("checks that stop a broken site", () => {
  it("has no broken link or #anchor on any page of the fixture site", () => {
    expect(brokenLinks(site)).toEqual([]);
  });

  // html-validate reads the same build of the real site in guides.test.ts.
  it("has no broken link or #anchor in the real site", async () => {
    expect(brokenLinks(await realSite())).toEqual([]);
  });

  it("builds the same bytes twice", async () => {
    const fingerprint = (built: BuiltSite) =>
      readdirSync(built.root, { recursive: true, encoding: "utf8" })
        .sort()
        .filter((file) => !statSync(path.join(built.root, file)).isDirectory())
        .map(
          (file) =>
            `${file} ${createHash("sha256")
              .update(readFileSync(path.join(built.root, file)))
              .digest("hex")}`,
        );
    // The first is the build the checks above read, which leave it as written.
    const first = fingerprint(await realSite());
    expect(first.length).toBeGreaterThan(20);
    expect(fingerprint(await buildGuides(defaultGuidesDir))).toEqual(first);
  });
});

describe("secret scanning with secretlint", () => {
  const secretlint = path.join(projectRoot, "node_modules", ".bin", "secretlint");
  const config = path.join(projectRoot, ".secretlintrc.json");
  const scan = (cwd: string, pattern: string) =>
    run(secretlint, ["--secretlintrc", config, "--format", "unix", pattern], { cwd }).then(
      () => ({ code: 0, output: "" }),
      (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
    );

  it("finds no credential in guides/ nor in the built site", async () => {
    const [sources, built] = await Promise.all([
      scan(projectRoot, "guides/**/*"),
      realSite().then((real) => scan(real.root, "**/*.{html,json,xml,txt}")),
    ]);
    expect(sources).toEqual({ code: 0, output: "" });
    expect(built).toEqual({ code: 0, output: "" });
  });

  it("fails on a realistic-looking key with its file and line, and lets AWS's documented example through", async () => {
    const folder = temporaryFolder("secrets");
    mkdirSync(path.join(folder, "guides"));
    // Built at run time so the repository never holds anything that looks like a live key.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const keyId = `AKIA${Array.from({ length: 16 }, (_, index) => alphabet[(index * 7 + 3) % alphabet.length]).join("")}`;
    const secret = Array.from({ length: 40 }, (_, index) => "aB3dE5gH7jK9mN1pQ2sT4vW6yZ8/+"[(index * 5 + 1) % 29]).join("");
    writeFileSync(path.join(folder, "guides", "leak.md"), `# Notes\n\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`);
    writeFileSync(
      path.join(folder, "guides", "example.md"),
      "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
    );
    const result = await scan(folder, "guides/**/*");
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/guides\/leak\.md:4:\d+: .*AWS Secret Access Key/);
    expect(result.output).not.toContain("example.md");
  });
});
