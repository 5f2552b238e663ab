import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../src/content/front-matter.ts";
import { renderLegacyBody } from "../src/content/legacy-body.ts";
import { markdownProblems } from "../src/content/markdown-checks.ts";
import { formatProblem } from "../src/messages/problems.ts";
import { siteMarkerName, siteMarkerText } from "../src/output/output-folder.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { runScript } from "./helpers/commands.ts";
import { fixturesDir, temporaryFolder } from "./helpers/site.ts";

const shown = (scenario: string, name: string) => path.join("tests", "fixtures", "invalid", scenario, "guides", name);
const legacyGuide = "detect-api-keys-secrets-tokens-azure.md";

/** One fixture folder per kind of guide that used to hang or crash every command, with what `npm run check` must say. */
const cases: [scenario: string, problems: string[]][] = [
  [
    "liquid-loop",
    [
      `${shown("liquid-loop", legacyGuide)}:17: body: the Liquid here takes longer than 1,000 ms to render, the limit for a legacy body: loop over fewer items, or write the HTML out instead of generating it`,
    ],
  ],
  [
    "liquid-memory",
    [
      `${shown("liquid-memory", legacyGuide)}:16: body: the Liquid here makes more than 1,000,000 characters or list items, the limit for a legacy body: loop over a shorter range, or stop growing a text or list in a loop`,
      `${shown("liquid-memory", "prevent-exposure-of-api-keys-secrets-tokens-azure.md")}:17: body: the Liquid here makes more than 1,000,000 characters or list items, the limit for a legacy body: loop over a shorter range, or stop growing a text or list in a loop`,
    ],
  ],
  [
    "yaml-aliases",
    [
      `${shown("yaml-aliases", legacyGuide)}:13: front matter: the alias *lol2 repeats &lol2, which holds aliases itself: aliases of aliases multiply a value past what the build can hold; write the inner values out`,
      `${shown("yaml-aliases", "fix-exposure-of-api-keys-secrets-tokens-azure.md")}:12: front matter: the alias *loop is inside the value &loop it repeats, which makes that value endless: write the value out instead`,
      `${shown("yaml-aliases", "prevent-exposure-of-api-keys-secrets-tokens-azure.md")}:13: front matter: uses more than 10 YAML aliases (*owner here is one too many): write these values out`,
    ],
  ],
  [
    "yaml-depth",
    [
      `${shown("yaml-depth", "detect-pii-aws.md")}:50: front matter: nests fields and lists more than 16 levels deep here: flatten it (a guide's deepest field, steps[].commands[].code, is 5 levels down)`,
    ],
  ],
  [
    "proto-key",
    [
      `${shown("proto-key", legacyGuide)}:11: __proto__: is a reserved JavaScript name (every object has a __proto__), which Eleventy cannot take as a field: rename the field`,
      `${shown("proto-key", "detect-pii-gcp.md")}:19: steps[0].constructor: is a reserved JavaScript name (every object has a constructor), which Eleventy cannot take as a field: rename the field`,
    ],
  ],
  [
    "markdown-nesting",
    [
      `${shown("markdown-nesting", "detect-pii-aws.md")}:89: body: nests lists or quotes deeper than markdown renders (100 levels, a list counting two), so the page would leave out the text from here on: flatten the nesting`,
      `${shown("markdown-nesting", "detect-pii-aws.md")}:21: steps[0].body: nests lists or quotes deeper than markdown renders (100 levels, a list counting two), so the page would leave out the text from here on: flatten the nesting`,
    ],
  ],
  [
    "remote-image",
    [
      `${shown("remote-image", "detect-pii-aws.md")}:40: body: shows the image "https://other.example/diagram.png" from another site, which the page's Content-Security-Policy blocks: images must be served by this site; link one by its path here (starting with /) or remove it`,
      `${shown("remote-image", "detect-pii-aws.md")}:18: steps[0].body: shows the image "//cdn.example.com/macie.png" from another site, which the page's Content-Security-Policy blocks: images must be served by this site; link one by its path here (starting with /) or remove it`,
    ],
  ],
];

/** A stack trace's lines, which only the site's own bugs may print. */
const stackLine = /^\s+at /m;

// What the limits say, at their lines, is what shows they worked: a runaway printed nothing of the kind, since
// it crashed V8 or ran for minutes (the test times out first). Speed itself is npm run bench's to measure.
describe("a guide that used to hang or crash every command: npm run check names its line and exits 1", () => {
  it.each(cases)("%s", async (scenario, problems) => {
    const run = await runScript("src/cli/check.ts", [path.join("tests", "fixtures", "invalid", scenario, "guides")]);
    const [summary, ...lines] = run.stderr.trim().split("\n").reverse();
    expect(lines.reverse()).toEqual(problems);
    expect(summary).toMatch(/ checked: \d+ problems?, 0 warnings\.$/);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(stackLine);
  });
});

describe("npm run build refuses the same guides with the same lines", () => {
  it("exits 1 with no stack, and leaves the site already built as it was", async () => {
    // Every fixture's guides in one folder, each named apart by a qualifier after its platform.
    const input = path.join(temporaryFolder("limits"), "guides");
    mkdirSync(input);
    for (const [scenario] of cases) {
      const folder = path.join(fixturesDir, "invalid", scenario, "guides");
      for (const name of readdirSync(folder))
        copyFileSync(path.join(folder, name), path.join(input, name.replace(/\.md$/, `-${scenario}.md`)));
    }
    const output = path.join(temporaryFolder("limits"), "_site");
    mkdirSync(output);
    writeFileSync(path.join(output, siteMarkerName), siteMarkerText);
    writeFileSync(path.join(output, "index.html"), "the site already built");

    const [built, checked] = await Promise.all([
      runScript("src/cli/build.ts", ["--input", input, "--output", output]),
      runScript("src/cli/check.ts", [input]),
    ]);
    const problems = checked.stderr.trim().split("\n").slice(0, -1);
    expect(problems).toHaveLength(cases.flatMap(([, expected]) => expected).length);
    expect(built.stderr.trim().split("\n")).toEqual([
      `Guide validation failed with ${problems.length} problems; nothing was written.`,
      ...problems,
    ]);
    expect(built.status).toBe(1);
    expect(built.stderr).not.toMatch(stackLine);
    expect(readdirSync(path.dirname(output))).toEqual(["_site"]);
    expect(readdirSync(output).sort()).toEqual([siteMarkerName, "index.html"].sort());
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("the site already built");
  });
});

describe("in-process: what stays within the limits, and the edges of each", () => {
  const frontMatter = (lines: string[]) => readFrontMatter(["---", "title: Within the limits", ...lines, "---", "Body."].join("\n"));

  it("takes ten aliases of values without aliases, and still places other fields", () => {
    const read = frontMatter([
      "owner: &owner Platform security",
      "team: &team [a, b]",
      ...Array.from({ length: 5 }, (_, i) => `r${i}: [*owner, *team]`),
    ]);
    expect(read.problem).toBeUndefined();
    expect(read.frontMatter?.data.r4).toEqual(["Platform security", ["a", "b"]]);
    expect(read.frontMatter?.lineOf(["r4"])).toBe(9);
  });

  it("takes fields 16 levels deep and refuses a 17th", () => {
    const nested = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}l${i + 1}:${i + 1 === depth ? " end" : ""}`);
    expect(frontMatter(nested(16)).problem).toBeUndefined();
    expect(frontMatter(nested(17)).problem).toMatchObject({ field: "front matter", line: 19 });
  });

  it("reads prose with & and * as text, without mistaking it for anchors or aliases", () => {
    const read = frontMatter(['description: "API keys, secrets & tokens: grant s3:* to *nobody*"', "tags: [a&b, R&D]"]);
    expect(read.frontMatter?.data.description).toBe("API keys, secrets & tokens: grant s3:* to *nobody*");
  });

  it("renders lists 49 levels deep, and site images", () => {
    const list = (depth: number) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");
    const problems = (body: string) => {
      const text = `---\ntitle: Nesting\n---\n${body}\n`;
      return markdownProblems({ path: "/g.md", displayPath: "g.md", text }, readFrontMatter(text).frontMatter!).map(formatProblem);
    };
    expect(problems(`${list(49)}\n\n![diagram](/cards/home.png) ![relative](diagram.png)`)).toEqual([]);
    expect(problems(list(50))).toEqual([
      "g.md:53: body: nests lists or quotes deeper than markdown renders (100 levels, a list counting two), so the page would leave out the text from here on: flatten the nesting",
    ]);
    expect(problems("Inline ![x](data:image/png;base64,AAAA) and\nlater ![y](HTTP://other.example/y.png)")).toEqual([
      'g.md:4: body: shows the image "data:image/png;base64,AAAA" from another site, which the page\'s Content-Security-Policy blocks: images must be served by this site; link one by its path here (starting with /) or remove it',
      'g.md:5: body: shows the image "HTTP://other.example/y.png" from another site, which the page\'s Content-Security-Policy blocks: images must be served by this site; link one by its path here (starting with /) or remove it',
    ]);
  });

  it("renders Liquid blocks nested 250 deep, and refuses more than 500 tags before liquidjs reads them", () => {
    const nested = (depth: number) => `<p>\n${"{% if true %}".repeat(depth)}x${"{% endif %}".repeat(depth)}</p>`;
    const render = (body: string) => renderLegacyBody(body, { frontMatter: {}, url: "/guides/x/", slug: "x", site: loadSiteSettings() });
    expect(render(nested(250))).toEqual({ html: "<p>\nx</p>", problems: [] });
    // Nested 20,000 deep, liquidjs ran out of stack at every level and held gigabytes of messages.
    expect(render(nested(20_000)).problems).toEqual([
      {
        line: 2,
        message:
          "holds more than 500 Liquid tags and outputs ({{ }} and {% %}) by this line, the limit for a legacy body: write the HTML out instead of generating it, or move the content into a structured guide (npm run migrate)",
      },
    ]);
  });
});
