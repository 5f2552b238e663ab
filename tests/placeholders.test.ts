// Placeholders that legacy HTML left unescaped are escaped before `npm run migrate` parses the page; real markup is not.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { keepPlaceholdersAsText } from "../src/authoring/migrate/placeholders.ts";

describe("keeping unescaped placeholders as text", () => {
  it.each([
    [
      "names that are no HTML element, in code",
      "<pre><code>snowsql -a <account_identifier> -u <username></code></pre>",
      "<pre><code>snowsql -a &lt;account_identifier&gt; -u &lt;username&gt;</code></pre>",
      ["<account_identifier>", "<username>"],
      [],
    ],
    [
      "names with digits, dots and hyphens, in prose too",
      '<div class="code-block">aws s3 ls s3://<your-bucket>/<prefix.v2>/</div><p>Replace <your-bucket>.</p>',
      '<div class="code-block">aws s3 ls s3://&lt;your-bucket&gt;/&lt;prefix.v2&gt;/</div><p>Replace &lt;your-bucket&gt;.</p>',
      ["<your-bucket>", "<prefix.v2>"],
      [],
    ],
    [
      "a placeholder with spaces",
      "<p>Use <your bucket name> here</p>",
      "<p>Use &lt;your bucket name&gt; here</p>",
      ["<your bucket name>"],
      [],
    ],
    ["a closing tag without an element", "<p>a </your-bucket> b</p>", "<p>a &lt;/your-bucket&gt; b</p>", ["</your-bucket>"], []],
    [
      "an element name never closed in code, while the same element outside code stays",
      '<div class="code-block">SHOW GRANTS ON TABLE <database>.<table>;</div><table><tr><td>x</td></tr></table>',
      '<div class="code-block">SHOW GRANTS ON TABLE &lt;database&gt;.&lt;table&gt;;</div><table><tr><td>x</td></tr></table>',
      ["<database>"],
      ["<table>"],
    ],
    ["void element names in code", "<pre>cp <source> <dest></pre>", "<pre>cp &lt;source&gt; &lt;dest&gt;</pre>", ["<dest>"], ["<source>"]],
    [
      "highlighting markup in code beside a placeholder",
      '<pre><code class="language-sql"><span class="hljs-keyword">SELECT</span> * FROM <table><br><strong>LIMIT</strong> 10</code></pre>',
      '<pre><code class="language-sql"><span class="hljs-keyword">SELECT</span> * FROM &lt;table&gt;<br><strong>LIMIT</strong> 10</code></pre>',
      [],
      ["<table>"],
    ],
  ])("escapes %s", (_, html, repaired, unknownNames, elementNamesInCode) => {
    expect(keepPlaceholdersAsText(html)).toEqual({ html: repaired, unknownNames, elementNamesInCode });
  });

  it.each([
    ["markup", '<DIV class="step"><span class="x">a</span><br><strong>b</strong><br/><img src="a.png" alt=""></DIV>'],
    ["an element closed inside code", '<div class="code-block"><div>line one</div><div>line two</div></div>'],
    ["comments", "<!-- <todo> add a spotlight --><p>x</p>"],
    ["script and style", '<script>if (a<b && c>d) show("<zz>")</script><style>a[title="<x>"] { color: red }</style>'],
    ["attribute values", '<a href="https://<host>/docs" title="<see-this>">docs</a>'],
    ["SVG and MathML elements", '<svg viewBox="0 0 1 1"><path d="M0 0"/><foreignObject></foreignObject></svg><math><mi>x</mi></math>'],
    ["comparisons that are no tags", "<pre>WHERE a < b AND c <> d AND e <= f</pre>"],
  ])("leaves %s alone", (_, html) => {
    expect(keepPlaceholdersAsText(html)).toEqual({ html, unknownNames: [], elementNamesInCode: [] });
  });

  it("lets the parser read the page as the author wrote it, where it lost the command and the rest of the step before", () => {
    const html = '<div class="step"><pre><code>snowsql -a <account_identifier></code></pre><p>Then run the query.</p></div>';
    const options = { blockTextElements: { script: true, style: true } };
    expect(parse(html, options).querySelector("pre")).toBeNull();
    const repaired = parse(keepPlaceholdersAsText(html).html, options);
    expect(repaired.querySelector("pre")!.text).toBe("snowsql -a <account_identifier>");
    expect(repaired.querySelector("p")!.text).toBe("Then run the query.");
  });
});
