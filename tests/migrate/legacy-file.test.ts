// The legacy file around its HTML: finding the front matter, what was pasted around it, and the body's Liquid.
import { describe, expect, it } from "vitest";
import { renderLegacyLiquid, splitLegacyFile } from "../../src/authoring/migrate/legacy-file.ts";
import { formatReportLine, type ReportLine } from "../../src/authoring/migrate/report.ts";
import { loadSiteSettings } from "../../src/site-settings.ts";

function split(text: string) {
  const report: ReportLine[] = [];
  return { parts: splitLegacyFile(text, report), report: report.map(formatReportLine) };
}

describe("splitting a legacy file", () => {
  it("reads a clean file as front matter and body, reporting nothing", () => {
    expect(split("---\ntitle: T\nlayout: base.njk\n---\n<p>Body</p>\n")).toEqual({
      parts: { frontMatter: "title: T\nlayout: base.njk", body: "<p>Body</p>\n", strays: [] },
      report: [],
    });
  });

  it("reads a file with a byte-order mark and Windows line ends", () => {
    expect(split("\uFEFF---\r\ntitle: T\r\n---\r\n<p>Body</p>").parts).toEqual({
      frontMatter: "title: T",
      body: "<p>Body</p>",
      strays: [],
    });
  });

  it("keeps text pasted before the front matter and removes it from the file", () => {
    expect(split("Here is the guide:\n\n---\ntitle: T\n---\n<p>Body</p>")).toEqual({
      parts: { frontMatter: "title: T", body: "<p>Body</p>", strays: ["Here is the guide:"] },
      report: [
        "fixed: removed 2 lines before the front matter, so the file starts with it",
        'kept in legacy_content: the text before the front matter: "Here is the guide:"',
      ],
    });
  });

  it("drops blank lines before the front matter without a word", () => {
    expect(split("\n\n---\ntitle: T\n---\nBody")).toEqual({ parts: { frontMatter: "title: T", body: "Body", strays: [] }, report: [] });
  });

  it("unwraps a code fence around the whole file, and keeps what follows its closing fence", () => {
    expect(split("```markdown\n---\ntitle: T\n---\n<p>Body</p>\n```\nHope this helps!\n")).toEqual({
      parts: { frontMatter: "title: T", body: "<p>Body</p>", strays: ["Hope this helps!"] },
      report: [
        "fixed: removed 1 line before the front matter, so the file starts with it",
        'kept in legacy_content: the text after the closing code fence: "Hope this helps!"',
        "fixed: unwrapped the code fence around the whole file",
      ],
    });
  });

  it("cuts the body at the last closing fence, so a fenced block inside it stays", () => {
    const { parts } = split("~~~\n---\ntitle: T\n---\n<pre>\n```\ncode\n```\n</pre>\n~~~");
    expect(parts).toEqual({ frontMatter: "title: T", body: "<pre>\n```\ncode\n```\n</pre>", strays: [] });
  });

  it.each([
    ["without front matter", "<p>Body</p>", "is missing: a legacy guide starts with its fields between two --- lines"],
    ["with unclosed front matter", "---\ntitle: T\n<p>Body</p>", "is not closed: add a --- line after the last field"],
  ])("names the problem of a file %s", (_, text, problem) => {
    expect(split(text)).toEqual({ parts: problem, report: [] });
  });
});

describe("rendering a legacy body's Liquid", () => {
  const site = loadSiteSettings();

  it("renders it with the front matter and the page in scope, as the site does", () => {
    const report: ReportLine[] = [];
    const body = "<h1>{{ title }}</h1><p>{{ page.fileSlug }}</p><a href=\"/risk/{{ risk | downcase | replace: ' ', '-' }}/\">x</a>";
    const html = renderLegacyLiquid(body, { title: "Keys & tokens", risk: "Insecure APIs" }, "guides/detect-pii-aws.md", site, report);
    expect(html).toBe('<h1>Keys &amp; tokens</h1><p>detect-pii-aws</p><a href="/risk/insecure-apis/">x</a>');
    expect(report).toEqual([]);
  });

  it("leaves a body with a Liquid mistake as written, and warns at its line", () => {
    const report: ReportLine[] = [];
    const body = "<p>one</p>\n<p>{{ title | upcasee }}</p>";
    expect(renderLegacyLiquid(body, { title: "T" }, "guides/detect-pii-aws.md", site, report)).toBe(body);
    expect(report.map(formatReportLine)).toEqual([
      expect.stringMatching(/^WARNING: body line 2: .*"upcasee".*; the body is migrated as written, so this Liquid will show as text$/),
    ]);
  });
});
