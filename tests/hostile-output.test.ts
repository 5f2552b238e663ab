// Guide text that tries to break out of every output that carries it: the page, its JSON-LD, the markdown copy,
// llms.txt, the Atom feeds, /guides.json, the sitemap and the search index. Each output is read as its own
// syntax is read (HTML parsed, markdown rendered with HTML on, JSON parsed, XML checked), and the hostile text
// must come out as text, never as markup.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { parse, type HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGuides, temporaryFolder, textOf, type BuiltSite } from "./helpers/site.ts";

/** Ways out of each syntax: closing a script, a CDATA section or an attribute, and a redirect. */
const hostile = [
  "</script><script>alert(1)</script>",
  "]]>",
  '"><img src=x onerror=alert(1)>',
  '<meta http-equiv=refresh content="0;url=https://evil.example/">',
  "<!-- &lt; &amp;",
].join(" ");
const title = `Find PII ${hostile}`;
/** A control character, which YAML can write and XML cannot hold even escaped. */
const description = `A description ${hostile} \u0001`;
const hostileUrl = 'https://example.com/search?q=a b>"><script>alert(1)</script>';
/** Legacy HTML that would act on the reader's browser; the sanitiser must drop every line but the text. */
const hostileHtml = [
  '<div class="note-box"><p>Kept legacy text</p></div>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  "<script>alert('legacy')</script>",
  '<img src="x" onerror="alert(1)"><img src="https://evil.example/pixel.png">',
  '<a href="javascript:alert(1)">a script link</a>',
  '<form action="https://evil.example/"><input name="q"><select><option>Option text dropped</option></select></form>',
  '<iframe src="https://evil.example/"></iframe>',
  '<span data-pagefind-filter="platform:gcp"></span>',
].join("\n");

const yamlText = (value: string) => JSON.stringify(value);

const structuredGuide = `---
title: ${yamlText(title)}
description: ${yamlText(description)}
platform: aws
risk: data exposure
regulation: GDPR
difficulty: beginner
status: published
reviewed: 2026-11-01
primary_risk: ${yamlText(hostile)}
prerequisites:
  permissions: [${yamlText(hostile)}]
  tools: [aws]
  setup: [An account]
steps:
  - title: ${yamlText(`Step ${hostile}`)}
    body: ${yamlText(`Step prose ${hostile} and a placeholder in code: \`<vault-name>\`.`)}
    commands:
      - code: ${yamlText(`echo '${hostile}'`)}
        effect: reads
        note: ${yamlText(`Note ${hostile}`)}
architecture:
  components:
    - name: ${yamlText(hostile)}
      role: holds data
  flow: [one, two]
best_practices:
  - title: Practices
    items: [${yamlText(hostile)}]
references:
  - title: ${yamlText(`Reference ${hostile}`)}
    url: ${yamlText(hostileUrl)}
legacy_content: |-
${hostileHtml.replace(/^/gm, "  ")}
---
Why it matters, with HTML typed in the prose: ${hostile}

<script>alert('body')</script>

A placeholder in code stays code: \`<account-id>\`.
`;

const legacyGuide = `---
title: ${yamlText(`Legacy ${hostile}`)}
description: ${yamlText(hostile)}
platform: aws
risk: data exposure
regulation: GDPR
difficulty: beginner
status: published
layout: base.njk
---
<div class="container">
  <div class="header"><h1>{{ title }}</h1><p>{{ description }}</p></div>
  <div class="content-section"><h2 class="section-title">Why It Matters</h2><p>Legacy prose survives.</p></div>
${hostileHtml}
</div>
`;

const structuredUrl = "/guides/detect-pii-aws/";
const legacyUrl = "/guides/fix-exposure-of-pii-aws/";

let site: BuiltSite;
beforeAll(async () => {
  const guides = path.join(temporaryFolder("hostile-output"), "guides");
  mkdirSync(guides);
  writeFileSync(path.join(guides, "detect-pii-aws.md"), structuredGuide);
  writeFileSync(path.join(guides, "fix-exposure-of-pii-aws.md"), legacyGuide);
  site = await buildGuides(guides, { settings: { base_url: "https://guides.example.com", path_prefix: "/" } });
});

/** The header's search box, the site's one form. */
const isSiteForm = (element: HTMLElement) => element.rawTagName === "form" && element.getAttribute("action") === "/search/";
/** The site's own scripts: bundles from /assets/ and the JSON-LD block. */
const isSiteScript = (element: HTMLElement) =>
  element.getAttribute("type") === "application/ld+json" || (element.getAttribute("src") ?? "").startsWith("/assets/");

const urlAttributes = new Set(["href", "src", "action", "formaction", "data", "poster"]);

// A link to another site is ordinary prose (linkify makes one of https://evil.example/ in the text); a link that
// runs script, or markup that loads or navigates on its own, is not.

/** Everything in an HTML document that would act on the reader's browser and that the site did not put there itself. */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const element of parse(html, { comment: false }).querySelectorAll("*")) {
    const tag = element.rawTagName.toLowerCase();
    const where = element.outerHTML.slice(0, 80);
    const refresh = element.getAttribute("http-equiv");
    const src = element.getAttribute("src");
    if (["iframe", "frame", "object", "embed", "base", "form"].includes(tag) && !isSiteForm(element)) found.push(where);
    if (tag === "script" && !isSiteScript(element)) found.push(where);
    if (tag === "meta" && refresh !== undefined && refresh.toLowerCase() !== "content-security-policy") found.push(where);
    // An image from another site would tell it who reads the page; a relative one (the sanitised `src=x`) cannot.
    if (tag === "img" && src !== undefined && /^\s*([a-z][a-z\d+.-]*:|\/\/)/i.test(src)) found.push(where);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (name.toLowerCase().startsWith("on")) found.push(`${where} [${name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(value) && urlAttributes.has(name.toLowerCase())) found.push(`${where} [${name}]`);
    }
  }
  return found;
}

const readerMarkdown = new MarkdownIt({ html: true });

/** XML checked without a parser of its own: every tag one the format has, every & a character reference. */
function xmlTags(xml: string): string[] {
  expect(xml.match(/&(?!(?:amp|lt|gt|quot|apos);)/g)).toBeNull();
  expect(xml).not.toContain("]]>");
  return [...new Set([...xml.matchAll(/<\/?([^\s>/]+)/g)].map((match) => match[1]!))];
}
const xmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name]!);

describe("hostile guide text in every output", () => {
  it("the guide pages show it as text, and keep only the legacy HTML that cannot act", () => {
    for (const url of [structuredUrl, legacyUrl]) expect(liveMarkup(site.html(url)), url).toEqual([]);
    const page = site.page(structuredUrl);
    expect(textOf(page.querySelector("h1"))).toBe(title);
    expect(page.querySelector(".references a")?.getAttribute("href")).toBe(hostileUrl);
    expect(textOf(page.querySelector(".command-block__note"))).toBe(`Note ${hostile}`);
    expect(textOf(page.querySelector(".legacy-content .legacy-body"))).toBe("Kept legacy text a script link");
    const legacy = site.page(legacyUrl).querySelector(".legacy-body")!;
    expect(textOf(legacy.querySelector("h1"))).toBe(`Legacy ${hostile}`);
    expect(legacy.querySelector(".note-box p")).not.toBeNull();
    expect(textOf(legacy.querySelector(".content-section p"))).toBe("Legacy prose survives.");
  });

  it("JSON-LD cannot close its script element, and parses back to the text", () => {
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script/i.exec(site.html(structuredUrl))?.[1] ?? "";
    expect(block).not.toMatch(/<\/script|<!--/i);
    const graph = (JSON.parse(block) as { "@graph": Record<string, unknown>[] })["@graph"];
    const article = graph.find((node) => node.headline !== undefined);
    expect(article?.headline).toBe(title);
    expect(article?.description).toBe(description);
    expect((article?.step as { name: string }[]).map((step) => step.name)).toEqual([`Step ${hostile}`]);
  });

  it("the markdown copy renders, HTML on, to the page's text and no markup of the guide's", () => {
    const copy = site.html(`${structuredUrl}index.md`);
    const rendered = readerMarkdown.render(copy);
    expect(liveMarkup(rendered)).toEqual([]);
    // The parser keeps <pre> as raw text unless told otherwise; commands are in <pre><code>.
    const html = parse(rendered, { blockTextElements: { script: true, style: true } });
    expect(textOf(html.querySelector("h1"))).toBe(title);
    const pageProse = site.page(structuredUrl).querySelectorAll('[aria-labelledby="why-it-matters"] > .prose p').map(textOf);
    expect(pageProse[0]).toMatch(/^Why it matters, with HTML typed in the prose: <\/script><script>alert\(1\)/);
    expect(html.querySelectorAll("p").map(textOf)).toEqual(expect.arrayContaining(pageProse));
    expect(textOf(html)).toContain("<script>alert('body')</script>");
    expect(html.querySelectorAll("code").map(textOf)).toEqual(expect.arrayContaining(["<account-id>", "<vault-name>"]));
    const reference = html.querySelectorAll("a").find((link) => textOf(link) === `Reference ${hostile}`);
    expect(new URL(reference?.getAttribute("href") ?? "").href).toBe(new URL(hostileUrl).href);
    expect(html.querySelector("pre code")?.textContent).toBe(`echo '${hostile}'\n`);
    expect(textOf(html)).toContain(`Note ${hostile}`);

    const legacyCopy = readerMarkdown.render(site.html(`${legacyUrl}index.md`));
    expect(liveMarkup(legacyCopy)).toEqual([]);
    expect(textOf(parse(legacyCopy))).toContain("Legacy prose survives.");
  });

  it("llms.txt renders, HTML on, to the titles as text", () => {
    const rendered = parse(readerMarkdown.render(site.html("/llms.txt")));
    expect(liveMarkup(rendered.outerHTML)).toEqual([]);
    expect(rendered.querySelectorAll("a").map(textOf)).toEqual(expect.arrayContaining([title, `Legacy ${hostile}`]));
  });

  it("the Atom feeds and the sitemap stay well-formed XML with the text in it", () => {
    for (const feedPath of ["/feed.xml", "/platforms/aws/feed.xml"]) {
      const feed = site.html(feedPath);
      expect(xmlTags(feed).sort()).toEqual(
        ["?xml", "author", "category", "entry", "feed", "id", "link", "name", "subtitle", "summary", "title", "updated"].sort(),
      );
      const titles = [...feed.matchAll(/<entry>\s*<title>([^<]*)<\/title>/g)].map((match) => decodeXml(match[1]!));
      expect(titles.sort()).toEqual([title, `Legacy ${hostile}`].sort());
      const summaries = [...feed.matchAll(/<summary>([^<]*)<\/summary>/g)].map((match) => decodeXml(match[1]!));
      expect(summaries).toContain(description.replace("\u0001", "\uFFFD"));
      expect(feed).not.toContain("\u0001");
    }
    const sitemap = site.html("/sitemap.xml");
    expect(xmlTags(sitemap).sort()).toEqual(["?xml", "lastmod", "loc", "url", "urlset"]);
    expect(sitemap).toContain(`<loc>https://guides.example.com${structuredUrl}</loc>`);
  });

  it("/guides.json parses back to the text", () => {
    const { guides } = JSON.parse(site.html("/guides.json")) as { guides: { path: string; title: string; description: string }[] };
    const guide = guides.find((entry) => entry.path === structuredUrl);
    expect(guide?.title).toBe(title);
    expect(guide?.description).toBe(description);
  });

  it("the search index gets the sanitised HTML: no dropped text, no filter the legacy HTML tried to add", () => {
    const fragments = site.searchFragments();
    for (const url of [structuredUrl, legacyUrl]) {
      const fragment = fragments.find((entry) => entry.url === url);
      expect(fragment?.filters.platform, url).toEqual(["aws"]);
      expect(fragment?.content, url).not.toContain("Option text dropped");
      expect(fragment?.content, url).toContain("Kept legacy text");
    }
    expect(fragments.find((entry) => entry.url === structuredUrl)?.meta.title).toBe(title);
  });
});
