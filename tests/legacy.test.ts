import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths.ts";
import { BuiltSite, brokenLinks, fixturesDir, sharedFixture, temporaryFolder, textOf } from "./helpers/site.ts";

let site: BuiltSite;

beforeAll(async () => {
  site = await sharedFixture("site");
});

describe("legacy guides (layout: base.njk, HTML body, Liquid in the body)", () => {
  it("keep their URL and get the site chrome around an untouched HTML body", () => {
    const page = site.page("/guides/detect-api-keys-secrets-tokens-azure/");
    expect(page.querySelector(".site-header")).not.toBeNull();
    const body = page.querySelector(".legacy-body")!;
    expect(body.querySelector(".container > .header > h1")).not.toBeNull();
    expect(body.querySelectorAll(".step .code-block").map(textOf)).toEqual(['az keyvault list --query "[].name"']);
    // Indented HTML stays HTML: no code blocks, no paragraphs wrapped around blocks.
    expect(body.querySelectorAll("pre, code")).toHaveLength(0);
    expect(site.html("/guides/detect-api-keys-secrets-tokens-azure/")).not.toMatch(/<p>\s*<div/);
  });

  it("render the Liquid in their body with escaped front-matter values", () => {
    const body = site.page("/guides/detect-api-keys-secrets-tokens-azure/").querySelector(".legacy-body")!;
    expect(textOf(body.querySelector("h1"))).toBe("Legacy fixture: Azure secret detection");
    const fix = site.page("/guides/fix-exposure-of-api-keys-secrets-tokens-azure/").querySelector(".legacy-body")!;
    expect(fix.querySelectorAll(".guide-tag").map((link) => link.getAttribute("href"))).toEqual([
      "/risk/insecure-apis/",
      "/regulation/nist-800-53/",
      "/platforms/azure/",
    ]);
  });

  it("carry tag links to their risk, regulation and platform pages in the chrome, without a second title", () => {
    const page = site.page("/guides/detect-api-keys-secrets-tokens-azure/");
    expect(page.querySelectorAll("h1")).toHaveLength(1);
    const chromeLinks = page.querySelectorAll(".guide-context .tags a").map((link) => link.getAttribute("href")!);
    expect(chromeLinks).toEqual(["/risk/insecure-apis/", "/regulation/pci-dss/", "/platforms/azure/"]);
    expect(brokenLinks(site, "/", ["/guides/detect-api-keys-secrets-tokens-azure/"])).toEqual([]);
    // Their own links (even the legacy ones without a trailing slash) resolve too.
    const fix = "/guides/fix-exposure-of-api-keys-secrets-tokens-azure/";
    const ownLinks = site
      .page(fix)
      .querySelectorAll(".legacy-body a")
      .map((link) => link.getAttribute("href"));
    expect(ownLinks).toContain("/guides/detect-api-keys-secrets-tokens-azure");
    expect(brokenLinks(site, "/", [fix])).toEqual([]);
  });

  it("appear on the home page and the taxonomy pages", () => {
    const home = site
      .page("/")
      .querySelectorAll(".guide-link a")
      .map((link) => link.getAttribute("href"));
    expect(home).toContain("/guides/detect-api-keys-secrets-tokens-azure/");
    expect(home).toContain("/guides/fix-exposure-of-api-keys-secrets-tokens-azure/");
    const azure = site
      .page("/platforms/azure/")
      .querySelectorAll(".guide-card__title a")
      .map((link) => link.getAttribute("href"));
    expect(azure).toEqual([
      "/guides/detect-api-keys-secrets-tokens-azure/",
      "/guides/fix-exposure-of-api-keys-secrets-tokens-azure/",
      "/guides/prevent-exposure-of-api-keys-secrets-tokens-azure/",
    ]);
  });

  it("withhold their body while coming soon, showing the header and a notice", () => {
    const page = site.page("/guides/prevent-exposure-of-api-keys-secrets-tokens-azure/");
    expect(page.querySelector(".legacy-body")).toBeNull();
    expect(textOf(page.querySelector("h1"))).toBe("Legacy fixture: Azure prevention, not yet written");
    expect(textOf(page.querySelector(".notice h2"))).toBe("Coming soon");
    expect(site.html("/guides/prevent-exposure-of-api-keys-secrets-tokens-azure/")).not.toContain("Withheld legacy body text");
  });
});

describe("the Eleventy config file that npm start uses", () => {
  it("builds the same site through .eleventy.ts", async () => {
    const output = path.join(temporaryFolder("config"), "_site");
    const eleventy = new Eleventy(path.join(fixturesDir, "site", "guides"), output, {
      configPath: path.join(projectRoot, ".eleventy.ts"),
      quietMode: true,
    });
    eleventy.disableLogger();
    await eleventy.write();
    const viaConfig = new BuiltSite(output);
    expect(viaConfig.urls()).toEqual(site.urls());
    expect(viaConfig.html("/risk/insecure-apis/")).toBe(site.html("/risk/insecure-apis/"));
  });
});
