// Reading legacy HTML while accounting for every piece: what is opened, kept verbatim, reported or adopted.
import { describe, expect, it } from "vitest";
import { attempt, contentElements, describeNode, isStyleWrapper, keep, plainText, textOf } from "../../src/authoring/migrate/dom.ts";
import { formatReportLine } from "../../src/authoring/migrate/report.ts";
import { contextFor, elementOf } from "../helpers/mapping.ts";

describe("the content elements of a node", () => {
  it("opens the wrappers it is told to, keeps loose text verbatim, and reports comments", () => {
    const html =
      '<section>\n  <div style="margin: 0"><p>a</p><span class="tag">b</span></div>\n  Loose text\n  <!-- a note -->\n  <p>c</p>\n</section>';
    const ctx = contextFor(html);
    const found = contentElements(elementOf(html), ctx, isStyleWrapper);
    expect(found.map((element) => element.outerHTML)).toEqual(["<p>a</p>", '<span class="tag">b</span>', "<p>c</p>"]);
    expect(ctx.kept).toEqual(["Loose text"]);
    expect(ctx.report.map(formatReportLine)).toEqual([
      'kept in legacy_content: "Loose text": text outside any element',
      'left out: HTML comment "a note" (never shown to readers)',
    ]);
  });

  it("opens only divs and spans that carry nothing but a style", () => {
    expect(isStyleWrapper(elementOf("<div>x</div>"))).toBe(true);
    expect(isStyleWrapper(elementOf('<span style="color: red">x</span>'))).toBe(true);
    expect(isStyleWrapper(elementOf('<div class="card">x</div>'))).toBe(false);
    expect(isStyleWrapper(elementOf('<p style="margin: 0">x</p>'))).toBe(false);
  });
});

describe("keeping and attempting", () => {
  it("keeps an element byte for byte, as the legacy HTML wrote it", () => {
    const html = '<div><table  class="findings"><tr><td>EMAIL</td></tr></table></div>';
    const ctx = contextFor(html);
    keep(ctx, elementOf(html).querySelector("table")!, "unknown element");
    expect(ctx.kept).toEqual(['<table  class="findings"><tr><td>EMAIL</td></tr></table>']);
    expect(ctx.report.map(formatReportLine)).toEqual(['kept in legacy_content: <table class="findings"> "EMAIL": unknown element']);
  });

  it("adopts what a mapping reported and kept only when it succeeds", () => {
    const ctx = contextFor("<p>x</p>");
    const run = (result: string | false | undefined) =>
      attempt(ctx, (sub) => {
        sub.report.push({ kind: "mapped", message: String(result) });
        sub.kept.push(String(result));
        return result;
      });
    expect(run(undefined)).toBeUndefined();
    expect(run(false)).toBe(false);
    expect(ctx).toEqual({ html: "<p>x</p>", report: [], kept: [] });
    expect(run("mapped")).toBe("mapped");
    expect(ctx).toEqual({ html: "<p>x</p>", report: [{ kind: "mapped", message: "mapped" }], kept: ["mapped"] });
  });
});

describe("text and names", () => {
  it("reports the address of a link in a plain-text field instead of losing it", () => {
    const ctx = contextFor("");
    const text = plainText(elementOf('<li>Read <a href="https://e.example/x">the  guide</a></li>'), ctx, "the tools card");
    expect(text).toBe("Read the guide");
    expect(ctx.report.map(formatReportLine)).toEqual([
      'left out: the address https://e.example/x of the link "the guide" in the tools card (a plain-text field)',
    ]);
  });

  it("names an element by its tag, classes and the start of its text", () => {
    expect(describeNode(elementOf('<div class="note-box wide">  Mind\n the gap </div>'))).toBe(
      '<div class="note-box wide"> "Mind the gap"',
    );
    expect(describeNode(elementOf("<hr>"))).toBe("<hr>");
    expect(describeNode(elementOf(`<p>${"word ".repeat(20)}</p>`))).toBe(`<p> "${"word ".repeat(12).slice(0, 59)}…"`);
    expect(textOf(elementOf("<p> a\n\n b </p>"))).toBe("a b");
  });
});
