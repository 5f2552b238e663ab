// Legacy prose as markdown: what it can say, what it escapes so the text reads the same, and what it refuses.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { blockMarkdown } from "../../src/authoring/migrate/html-to-markdown.ts";
import { createBodyRenderer, createFieldRenderer } from "../../src/markdown/renderers.ts";
import { textOf } from "../helpers/site.ts";
import { elementOf } from "../helpers/mapping.ts";

const markdownOf = (html: string) => blockMarkdown(elementOf(html));

describe("markdown for a legacy block", () => {
  it.each([
    ["a paragraph, its spacing collapsed", "<p>Rotate   the key\n   today.</p>", "Rotate the key today."],
    ["strong, em and their synonyms", "<p><strong>a</strong> <b>b</b> <em>c</em> <i>d</i></p>", "**a** **b** *c* *d*"],
    ["emphasis whose spaces move outside the markers", "<p>x<strong> bold </strong>y</p>", "x **bold** y"],
    ["an empty emphasis, left as its spaces", "<p>a<em> </em>b</p>", "a b"],
    ["code and kbd", "<p>Run <code>az login</code>, press <kbd>Enter</kbd></p>", "Run `az login`, press `Enter`"],
    ["code holding a backtick", "<p><code>a`b</code></p>", "``a`b``"],
    ["code starting with a backtick", "<p><code>`x</code></p>", "`` `x ``"],
    [
      "a link, its address escaped where markdown would end it",
      '<p><a href=" https://e.example/a (b) ">the docs</a></p>',
      "[the docs](https://e.example/a%20%28b%29)",
    ],
    ["a link without an address, as its text", "<p><a>plain</a></p>", "plain"],
    ["a line break", "<p>one<br>two</p>", "one\\\ntwo"],
    ["elements that only style text", '<p><span class="x">a</span> <small>b</small> <abbr title="c">C</abbr></p>', "a b C"],
    ["a heading of level three to six", "<h4>Rotate <em>now</em></h4>", "#### Rotate *now*"],
    ["a list", "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>", "- one\n- two"],
    ["a numbered list", "<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"],
    ["a list item broken over lines, indented under its marker", "<ul><li>one<br>two</li></ul>", "- one\\\n   two"],
  ])("writes %s", (_, html, markdown) => {
    expect(markdownOf(html)).toBe(markdown);
  });

  it.each([
    ["markdown's own characters", "<p>*a* _b_ [c] ~d~ |e| \\f `g`</p>", "\\*a\\* \\_b\\_ \\[c\\] \\~d\\~ \\|e\\| \\\\f \\`g\\`"],
    ["text that would read as a tag", "<p>&lt;bucket-name&gt;</p>", "\\<bucket-name\\>"],
    ["text that would read as an entity", "<p>&amp;amp; and &amp;#169;</p>", "\\&amp; and \\&#169;"],
    ["a heading marker at the start of a line", "<p># not a heading</p>", "\\# not a heading"],
    ["a list number at the start of a line", "<p>1. not a list</p>", "1\\. not a list"],
    ["a list marker at the start of a line", "<p>- not a list</p>", "\\- not a list"],
  ])("escapes %s", (_, html, markdown) => {
    expect(markdownOf(html)).toBe(markdown);
  });

  it.each([
    ["a paragraph with an image", '<p>a <img src="x.png" alt=""> b</p>'],
    ["a paragraph with an inline element markdown cannot say", "<p>x<sup>2</sup></p>"],
    ["an empty paragraph", "<p>  </p>"],
    ["a second-level heading, which the layout draws", "<h2>Why it matters</h2>"],
    ["a list item holding a paragraph", "<ul><li><p>one</p></li></ul>"],
    ["a list holding text outside its items", "<ul>loose<li>one</li></ul>"],
    ["an empty list", "<ul></ul>"],
    ["a table", "<table><tr><td>x</td></tr></table>"],
    ["a div", "<div>prose</div>"],
  ])("refuses %s", (_, html) => {
    expect(markdownOf(html)).toBeUndefined();
  });

  it("writes markdown that renders back to the legacy text, special characters included", () => {
    const html =
      '<p>Use *wildcards*_carefully_ with [brackets], <code>a`b</code>, &lt;placeholders&gt;, a ~~tilde~~, &amp;amp; and a <a href="https://example.com/a (b)">link</a>.</p>';
    const markdown = markdownOf(html)!;
    expect(markdown).toBeDefined();
    const legacyText = textOf(parse(html));
    expect(legacyText).toContain("*wildcards*_carefully_");
    for (const renderer of [createFieldRenderer(), createBodyRenderer()]) {
      expect(textOf(parse(renderer.render(markdown)))).toBe(legacyText);
    }
  });

  it.each(["# not a heading", "1. not a list", "- not a list", "> not a quote"])("keeps `%s` from becoming a block", (start) => {
    const blocks = "h1, ol, ul, blockquote";
    // Written as it is, the line would become the block.
    expect(parse(createBodyRenderer().render(start)).querySelector(blocks)).not.toBeNull();
    const rendered = parse(createBodyRenderer().render(markdownOf(`<p>${start}</p>`)!));
    expect(rendered.querySelector(blocks)).toBeNull();
    expect(textOf(rendered)).toBe(start);
  });
});
