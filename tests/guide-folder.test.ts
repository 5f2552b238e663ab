// What a guides folder may hold: guides and nothing that runs, names and encodings that publish what
// was written, and links that land. Each kind of file goes through `npm run check` and `npm run build`
// for real, and both must refuse it with its path and reason before anything runs or is written.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "./helpers/commands.ts";
import { fixturesDir, temporaryFolder } from "./helpers/site.ts";

const fixtureGuides = path.join(fixturesDir, "site", "guides");

/** A copy of the fixture site's guides, a folder the build accepts, in a temporary folder of its own. */
function guidesCopy(): { root: string; guides: string } {
  const root = temporaryFolder("guide-folder");
  const guides = path.join(root, "guides");
  cpSync(fixtureGuides, guides, { recursive: true });
  return { root, guides };
}

/** JavaScript that leaves a file behind if it ever runs. */
const tripwire = (root: string, name: string) =>
  `require("node:fs").writeFileSync(${JSON.stringify(path.join(root, `ran-${name}`))}, "ran");\nmodule.exports = {};\n`;

const readFixture = (name: string) => readFileSync(path.join(fixtureGuides, name), "utf8");
const guideText = (name: string) => Buffer.from(readFixture(name));

/**
 * Every kind of entry a guides folder must refuse: what is put there, and the reason both commands
 * must print for it. The file names are those of the entries, relative to the guides folder.
 */
const refusedEntries: { kind: string; entry: string; create: (guides: string, root: string) => void; reason: RegExp }[] = [
  {
    kind: "JavaScript template",
    entry: "evil.11ty.js",
    create: (guides, root) => writeFileSync(path.join(guides, "evil.11ty.js"), tripwire(root, "template")),
    reason: /is JavaScript, which Eleventy would run during the build/,
  },
  {
    kind: "CommonJS template",
    entry: "evil.11ty.cjs",
    create: (guides, root) => writeFileSync(path.join(guides, "evil.11ty.cjs"), tripwire(root, "cjs-template")),
    reason: /is JavaScript, which Eleventy would run/,
  },
  {
    kind: "global data file",
    entry: "_data/site.cjs",
    create: (guides, root) => {
      mkdirSync(path.join(guides, "_data"));
      writeFileSync(path.join(guides, "_data", "site.cjs"), tripwire(root, "global-data"));
    },
    reason: /is JavaScript, which Eleventy would run/,
  },
  {
    kind: "directory data file",
    entry: "guides.11tydata.cjs",
    create: (guides, root) => writeFileSync(path.join(guides, "guides.11tydata.cjs"), tripwire(root, "directory-data")),
    reason: /is an Eleventy data file, which would change the data, layout or URL of the guides beside it/,
  },
  {
    kind: "template data file (JSON)",
    entry: "detect-pii-aws.11tydata.json",
    create: (guides) => writeFileSync(path.join(guides, "detect-pii-aws.11tydata.json"), '{ "layout": false, "permalink": "/x/" }'),
    reason: /is an Eleventy data file/,
  },
  {
    kind: "Liquid template",
    entry: "page.liquid",
    create: (guides) => writeFileSync(path.join(guides, "page.liquid"), "<script>alert(1)</script>"),
    reason: /is a template, which Eleventy would publish as a page without any guide check/,
  },
  {
    kind: "HTML page",
    entry: "page.html",
    create: (guides) => writeFileSync(path.join(guides, "page.html"), "<meta http-equiv=refresh content='0;url=https://example.com'>"),
    reason: /is a template/,
  },
  {
    kind: "YAML data",
    entry: "notes.yaml",
    create: (guides) => writeFileSync(path.join(guides, "notes.yaml"), "layout: false\n"),
    reason: /is a data file, which Eleventy could merge into the guides' data/,
  },
  {
    kind: "any other file",
    entry: "diagram.png",
    create: (guides) => writeFileSync(path.join(guides, "diagram.png"), "png"),
    reason: /is not a guide: the guides folder holds only guide files \(\.md\); move it out of the folder/,
  },
  {
    kind: "capital letters",
    entry: "Detect-PII-AWS.md",
    create: (guides) => writeFileSync(path.join(guides, "Detect-PII-AWS.md"), guideText("detect-pii-aws.md")),
    reason: /has the capital letter "D" as character 1: .*rename it to detect-pii-aws\.md/,
  },
  {
    kind: "upper-case extension",
    entry: "detect-pii-azure.MD",
    create: (guides) => writeFileSync(path.join(guides, "detect-pii-azure.MD"), guideText("detect-pii-aws.md")),
    reason: /ends in "\.MD": .*rename it to detect-pii-azure\.md/,
  },
  {
    kind: "space",
    entry: "detect pii azure.md",
    create: (guides) => writeFileSync(path.join(guides, "detect pii azure.md"), guideText("detect-pii-aws.md")),
    reason: /has a space as character 7/,
  },
  {
    kind: "# and ?",
    entry: "detect-pii#azure?.md",
    create: (guides) => writeFileSync(path.join(guides, "detect-pii#azure?.md"), guideText("detect-pii-aws.md")),
    reason: /has "#" \(U\+0023\) as character 11/,
  },
  {
    kind: "link to a file outside the project",
    entry: "fix-exposure-of-pii-aws.md",
    create: (guides, root) => {
      writeFileSync(path.join(root, "outside.md"), guideText("detect-pii-aws.md"));
      symlinkSync(path.join(root, "outside.md"), path.join(guides, "fix-exposure-of-pii-aws.md"));
    },
    reason: /is a symbolic link \(to .*outside\.md\): guides and their folders must be real files/,
  },
  {
    kind: "dangling link",
    entry: "fix-exposure-of-pii-gcp.md",
    create: (guides, root) => symlinkSync(path.join(root, "nowhere.md"), path.join(guides, "fix-exposure-of-pii-gcp.md")),
    reason: /is a symbolic link \(to .*nowhere\.md\)/,
  },
  {
    kind: "linked folder of guides",
    entry: "more",
    create: (guides, root) => {
      mkdirSync(path.join(root, "elsewhere"));
      writeFileSync(path.join(root, "elsewhere", "detect-pii-snowflake.md"), guideText("detect-pii-aws.md"));
      symlinkSync(path.join(root, "elsewhere"), path.join(guides, "more"));
    },
    reason: /is a symbolic link \(to .*elsewhere\)/,
  },
  {
    kind: "UTF-8 byte order mark",
    entry: "detect-pii-azure.md",
    create: (guides) =>
      writeFileSync(
        path.join(guides, "detect-pii-azure.md"),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), guideText("detect-pii-aws.md")]),
      ),
    reason: /:1: file: starts with a UTF-8 byte order mark/,
  },
  {
    kind: "UTF-16",
    entry: "fix-exposure-of-pii-azure.md",
    create: (guides) =>
      writeFileSync(
        path.join(guides, "fix-exposure-of-pii-azure.md"),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFixture("detect-pii-aws.md"), "utf16le")]),
      ),
    reason: /:1: file: is UTF-16, not UTF-8/,
  },
  {
    kind: "invalid UTF-8",
    entry: "prevent-exposure-of-pii-aws.md",
    create: (guides) => {
      const lines = readFixture("detect-pii-aws.md").split("\n");
      const text = Buffer.concat([Buffer.from(`${lines.slice(0, 4).join("\n")}\n`), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
      writeFileSync(path.join(guides, "prevent-exposure-of-pii-aws.md"), Buffer.concat([text, Buffer.from(lines.slice(4).join("\n"))]));
    },
    reason: /:5: file: has bytes that are not UTF-8 on this line/,
  },
];

describe("a guides folder holds guides and nothing that runs", () => {
  it("refuses every other kind of file in check and build alike, with its path and reason, before anything runs or is written", async () => {
    const { root, guides } = guidesCopy();
    for (const { create } of refusedEntries) create(guides, root);
    const output = path.join(root, "_site");
    const [check, build] = await Promise.all([
      runScript("src/cli/check.ts", [guides]),
      runScript("src/cli/build.ts", ["--input", guides, "--output", output]),
    ]);

    expect(check.status).toBe(1);
    expect(build.status).toBe(1);
    for (const { kind, entry, reason } of refusedEntries) {
      const line = (run: { stderr: string }) =>
        run.stderr.split("\n").find((each) => each.includes(`${path.join(guides, entry).slice(root.length)}`) && reason.test(each));
      expect(line(check), `check: ${kind}`).toBeDefined();
      expect(line(build), `build: ${kind}`).toBeDefined();
    }
    // The problems are the author's to fix: no stack, no blame on the site's code.
    for (const run of [check, build]) {
      expect(run.stderr).not.toMatch(/\n\s+at |site's own code/);
    }
    // Nothing ran, nothing was written, nothing was left behind beside the output.
    expect(readdirSync(root).filter((name) => name.startsWith("ran-"))).toEqual([]);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith("_site"))).toEqual([]);
  });

  it("refuses a file named on check's command line that is a link", async () => {
    const { root, guides } = guidesCopy();
    writeFileSync(path.join(root, "outside.md"), guideText("detect-pii-aws.md"));
    symlinkSync(path.join(root, "outside.md"), path.join(guides, "fix-exposure-of-pii-aws.md"));
    const check = await runScript("src/cli/check.ts", [path.join(guides, "fix-exposure-of-pii-aws.md")]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/fix-exposure-of-pii-aws\.md: file: is a symbolic link/);
  });
});

describe("links between guides", () => {
  it("refuses a published guide that links to a draft or to no guide, in check and build, with the link's line", async () => {
    const { root, guides } = guidesCopy();
    const file = path.join(guides, "detect-pii-aws.md");
    const text = readFixture("detect-pii-aws.md");
    const draft = readFixture("fix-exposure-of-api-keys-secrets-tokens-aws.md").replace(/^status: .*$/m, "status: draft");
    writeFileSync(path.join(guides, "fix-exposure-of-api-keys-secrets-tokens-aws.md"), draft);
    const withLinks = `${text.trimEnd()}\n\nSee [the fix guide](/guides/fix-exposure-of-api-keys-secrets-tokens-aws/) and [a guide nobody wrote](/guides/detect-nothing-anywhere/).\n`;
    writeFileSync(file, withLinks);
    const linkLine = withLinks.split("\n").findIndex((line) => line.includes("/guides/fix-exposure")) + 1;

    const [check, build] = await Promise.all([
      runScript("src/cli/check.ts", [guides]),
      runScript("src/cli/build.ts", ["--input", guides, "--output", path.join(root, "_site")]),
    ]);
    for (const run of [check, build]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `detect-pii-aws.md:${linkLine}: body: links to /guides/fix-exposure-of-api-keys-secrets-tokens-aws/, a draft that the production build leaves out`,
      );
      expect(run.stderr).toContain(
        `detect-pii-aws.md:${linkLine}: body: links to /guides/detect-nothing-anywhere/, which no guide publishes`,
      );
    }
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });
});
