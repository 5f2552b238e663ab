// The sanitiser of legacy HTML: it keeps the legacy guides' anatomy, drops whatever could act on the reader's
// browser, and reports each drop on its line, which `npm run check` prints as a warning.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { readGuide } from "../src/content/guide.ts";
import { sanitiseLegacyHtml } from "../src/content/legacy-html.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { runScript } from "./helpers/commands.ts";
import { fixturesDir, temporaryFolder, textOf } from "./helpers/site.ts";

const bodyOf = (file: string) => readFileSync(file, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
const filesIn = (folder: string) => readdirSync(folder).map((name) => path.join(folder, name));

/** The legacy fixtures that leave no placeholder unescaped: copies of the old site's anatomy. */
const legacyFiles = [
  ...filesIn(path.join(fixturesDir, "legacy-migration", "guides")),
  path.join(fixturesDir, "site", "guides", "detect-api-keys-secrets-tokens-azure.md"),
  path.join(fixturesDir, "site", "guides", "fix-exposure-of-api-keys-secrets-tokens-azure.md"),
];

/** Each element as its tag, classes and attributes other than style, in document order. */
const anatomy = (root: HTMLElement) =>
  root
    .querySelectorAll("*")
    .map((element) =>
      [element.rawTagName, ...Object.entries(element.attributes).filter(([name]) => name !== "style")].map(String).join(" "),
    );
const parsed = (html: string) => parse(html, { comment: false, blockTextElements: { script: true, style: true } });

describe("sanitising legacy HTML", () => {
  it.each(legacyFiles.map((file) => [path.basename(file), file]))(
    "%s: keeps every element, class, link and word; drops only style attributes",
    (_, file) => {
      const html = bodyOf(file);
      const { html: clean, dropped } = sanitiseLegacyHtml(html);
      expect(anatomy(parsed(clean))).toEqual(anatomy(parsed(html)));
      expect(textOf(parsed(clean))).toBe(textOf(parsed(html)));
      expect(new Set(dropped.map((drop) => drop.message.split(":")[0]))).toEqual(
        new Set(html.includes("style=") ? ["drops the style attribute of <div>"] : []),
      );
    },
  );

  it("drops scripts, styles, frames, forms, navigation, event handlers and style attributes, each on its line", () => {
    const html = [
      '<div class="container" style="margin: 0" data-consent="yes" aria-label="Guide">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">',
      '<link rel="stylesheet" href="https://evil.example/x.css"><style>body { display: none }</style>',
      "<script>alert(1)</script><noscript><p>No script</p></noscript>",
      '<p onclick="alert(1)">Text <your-bucket> stays</p>',
      '<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x">',
      '<form action="https://evil.example/"><input name="q"><button>Send</button></form>',
      "<svg><script>alert(2)</script></svg>",
      "</div>",
    ].join("\n");
    const { html: clean, dropped } = sanitiseLegacyHtml(html);
    expect(clean).toBe(
      ['<div class="container" aria-label="Guide">', "", "", "", "<p>Text  stays</p>", "", "Send", "", "</div>"].join("\n"),
    );
    expect(dropped.map((drop) => `${drop.line}: ${drop.message.split(":")[0]}`)).toEqual([
      "1: drops the style attribute of <div>",
      "1: drops the data-consent attribute of <div>",
      "2: drops <meta>",
      "2: drops <base>",
      "3: drops <link>",
      "3: drops <style>",
      "4: drops <script>",
      "4: drops <noscript>",
      "5: drops the onclick attribute of <p>",
      "5: drops <your-bucket>",
      "6: drops <iframe>",
      "6: drops <object>",
      "6: drops <embed>",
      "7: drops <form>",
      "7: drops <input>",
      "7: drops <button>",
      "8: drops <svg>",
    ]);
    expect(dropped[2]?.message).toBe(
      "drops <meta>: it could send readers to another site or change where the page's links lead; remove it",
    );
    expect(dropped[9]?.message).toBe(
      "drops <your-bucket>: it is no HTML element, so browsers never showed it: write &lt;your-bucket&gt; to show it as text, or remove it",
    );
  });

  it.each([
    ["https://docs.example.com/page", true],
    ["http://docs.example.com/page", true],
    ["//docs.example.com/page", true],
    ["/guides/detect-pii-aws/", true],
    ["relative/page/", true],
    ["#step-1", true],
    ["?q=keys", true],
    ["javascript:alert(1)", false],
    [" JaVaScRiPt:alert(1)", false],
    ["java&#x09;script:alert(1)", false],
    ["&#106;avascript:alert(1)", false],
    ["data:text/html,<script>alert(1)</script>", false],
    ["vbscript:msgbox(1)", false],
    ["mailto:security@example.com", false],
    ["file:///etc/passwd", false],
  ])("a link to %s is kept: %s", (href, kept) => {
    const { html, dropped } = sanitiseLegacyHtml(`<a href="${href}">link</a>`);
    expect(parse(html).querySelector("a")?.hasAttribute("href")).toBe(kept);
    expect(dropped.map((drop) => drop.message)).toEqual(
      kept ? [] : [expect.stringMatching(/^drops the link ".+" of <a>: a link leads to /)],
    );
  });

  it.each([
    ["/assets/diagram.png", true],
    ["diagram.png", true],
    ["https://evil.example/pixel.png", false],
    ["//evil.example/pixel.png", false],
    ["data:image/png;base64,iVBORw0KGgo=", false],
    ["javascript:alert(1)", false],
  ])("an image from %s is kept: %s", (src, kept) => {
    const { html, dropped } = sanitiseLegacyHtml(`<img src="${src}" alt="Diagram">`);
    expect(parse(html).querySelector("img")?.getAttribute("src")).toBe(kept ? src : undefined);
    expect(parse(html).querySelector("img")?.getAttribute("alt")).toBe("Diagram");
    expect(dropped).toHaveLength(kept ? 0 : 1);
  });
});

describe("npm run check on legacy HTML", () => {
  const registry = loadRegistry();
  const site = loadSiteSettings();
  const folder = path.join(temporaryFolder("legacy-html"), "guides");
  mkdirSync(folder);
  const legacyFile = path.join(folder, "detect-pii-aws.md");
  writeFileSync(
    legacyFile,
    [
      "---",
      "title: Find personal data in AWS",
      "description: A legacy guide.",
      "platform: aws",
      "risk: data exposure",
      "regulation: GDPR",
      "difficulty: beginner",
      "status: published",
      "layout: base.njk",
      "---",
      '<div class="container">',
      "  <h1>{{ title }}</h1>",
      "  <script>alert(1)</script>",
      '  <p><a href="javascript:alert(1)">a link</a></p>',
      "</div>",
      "",
    ].join("\n"),
  );
  const structuredFile = path.join(folder, "detect-pii-gcp.md");
  writeFileSync(
    structuredFile,
    [
      "---",
      "title: Find personal data in BigQuery",
      "description: A migrated guide.",
      "platform: gcp",
      "risk: data exposure",
      "regulation: GDPR",
      "difficulty: beginner",
      "status: draft",
      "legacy_content: |-",
      '  <div class="note-box">',
      '    <meta http-equiv="refresh" content="0;url=https://evil.example/">',
      "  </div>",
      "---",
      "Why it matters.",
      "",
    ].join("\n"),
  );
  const read = (file: string) =>
    readGuide({ path: file, displayPath: path.basename(file), text: readFileSync(file, "utf8") }, registry, site);

  it("publishes the sanitised HTML and warns of each drop on its line of the file", () => {
    const legacy = read(legacyFile);
    expect(legacy.guide?.body).not.toContain("script");
    expect(legacy.warnings?.map((warning) => `${warning.line}: ${warning.field}: ${warning.message}`)).toEqual([
      "13: body: drops <script>: scripts never run on this site; remove it",
      expect.stringMatching(/^14: body: drops the link "javascript:alert\(1\)" of <a>: /),
    ]);
    const structured = read(structuredFile);
    expect(structured.guide?.legacy_content).toBe('<div class="note-box">\n  \n</div>');
    expect(structured.warnings?.map((warning) => `${warning.line}: ${warning.field}: ${warning.message}`)).toEqual([
      expect.stringMatching(/^11: legacy_content: drops <meta>: /),
    ]);
  });

  it("prints them as warnings, which fail only --strict", async () => {
    const [lenient, strict] = await Promise.all([
      runScript("src/cli/check.ts", [folder]),
      runScript("src/cli/check.ts", ["--strict", folder]),
    ]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain("detect-pii-aws.md:13: body: drops <script>: scripts never run on this site; remove it");
    expect(lenient.stderr).toMatch(/detect-pii-gcp\.md:11: legacy_content: drops <meta>: /);
    expect(strict.status).toBe(1);
  });
});
