// The authoring tools: the scaffolder's output, and what `npm run check` warns about and how it exits.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "./helpers/commands.ts";
import { startDevServer } from "../src/bench/dev-server.ts";
import { scaffoldGuide } from "../src/authoring/scaffold.ts";
import { exampleControlId, exampleReferenceUrl } from "../src/content/stand-ins.ts";
import { projectRoot } from "../src/paths.ts";
import { readGuide } from "../src/content/guide.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { reviewGuides } from "../src/content/review.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry, type ActionTerm, type RegulationTerm, type Term } from "../src/taxonomy/registry.ts";
import { buildGuides, temporaryFolder, textOf } from "./helpers/site.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const term = <T = Term>(kind: Parameters<typeof registry.resolve>[0], value: string) => registry.resolve(kind, value) as T;

/** A folder holding the given guide files. */
function guidesFolder(files: Record<string, string>): string {
  const folder = path.join(temporaryFolder("authoring"), "guides");
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

/** A recent review date, which never goes stale. */
const recently = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

const published = (extra: string, body = "Why this matters.", reviewed = recently) => `---
title: Find personal data in Snowflake
description: Locate columns that hold personal data.
platform: snowflake
risk: data exposure
regulation: GDPR
difficulty: beginner
status: published
reviewed: ${reviewed}
${extra}primary_risk: Personal data nobody knows about is personal data nobody protects.
prerequisites:
  permissions: [A role with USAGE on the databases]
  tools: [SnowSQL]
  setup: [A warehouse to run queries]
steps:
  - title: List the schemas
    body: Start with what exists.
    commands:
      - code: SHOW SCHEMAS IN ACCOUNT;
        language: sql
        effect: reads
architecture:
  components: [{ name: Snowflake, role: Holds the data. }]
  flow: [List, Classify]
best_practices:
  - title: Scope
    items: [Start with production]
references:
  - title: SHOW SCHEMAS
    url: https://docs.snowflake.com/en/sql-reference/sql/show-schemas
---
${body}
`;

// The tests of the two commands run side by side: most of their time is spent waiting for the commands.
describe.concurrent("npm run new", () => {
  const choices = {
    action: term<ActionTerm>("actions", "fix"),
    platform: term("platforms", "gcp"),
    subject: term("subjects", "API keys, secrets & tokens"),
    risk: term("risks", "insecure APIs"),
    regulation: term<RegulationTerm>("regulations", "SOC 2"),
  };

  it("writes a correctly named draft with every section stubbed, which validates and builds", async () => {
    const { fileName, text } = scaffoldGuide(choices);
    expect(fileName).toBe("fix-exposure-of-api-keys-secrets-tokens-gcp.md");
    const folder = guidesFolder({ [fileName]: text });
    const [source] = readGuideSources(folder);
    const result = source ? readGuide(source, registry, site) : undefined;
    expect(result?.problems).toEqual([]);
    const guide = result?.guide;
    expect(guide?.status).toBe("draft");
    for (const section of ["primary_risk", "prerequisites", "steps", "architecture", "best_practices", "references", "controls"] as const) {
      expect(guide?.[section], section).toBeDefined();
    }
    const built = await buildGuides(folder, { includeDrafts: true });
    const page = built.page("/guides/fix-exposure-of-api-keys-secrets-tokens-gcp/");
    expect(textOf(page.querySelector("h1"))).toBe("Fix exposed API keys, secrets & tokens in GCP");
    expect(textOf(page.querySelector(".tag--draft"))).toBe("Draft");
    expect(page.querySelectorAll(".steps > li")).toHaveLength(4);
  });

  it("creates the file from flags, taking risk and regulation from sibling guides, and refuses to overwrite it", async () => {
    const out = temporaryFolder("new");
    const args = ["--action", "fix", "--platform", "gcp", "--subject", "API keys, secrets & tokens", "--out", out];
    const first = await runScript("src/cli/new.ts", args);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const file = path.join(out, "fix-exposure-of-api-keys-secrets-tokens-gcp.md");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("risk: insecure APIs");
    const second = await runScript("src/cli/new.ts", args);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("fix-exposure-of-api-keys-secrets-tokens-gcp.md: file: already exists");
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("runs the README's example, which names a guide a fresh clone does not have", async () => {
    const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
    const [, command = "", created = ""] = /\*\*Scaffold it\.\*\* `npm run new -- ([^`]+)` creates `([^`]+)`/.exec(readme) ?? [];
    expect(existsSync(path.join(projectRoot, created)), `${created} exists, so the README's example would fail`).toBe(false);
    const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? "");
    const out = temporaryFolder("new");
    const result = await runScript("src/cli/new.ts", [...args, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(path.join(out, path.basename(created)))).toBe(true);
  });

  it("hints a control ID of the guide's own regulation", () => {
    for (const regulation of registry.terms.regulations) {
      const { text } = scaffoldGuide({ ...choices, regulation });
      const hint = regulation.example_control === undefined ? "" : `, e.g. ${regulation.example_control}`;
      expect(text, regulation.slug).toContain(`id: "TODO: the control id${hint}"`);
    }
    expect(scaffoldGuide({ ...choices, regulation: term<RegulationTerm>("regulations", "HIPAA") }).text).toContain("e.g. 164.312(b)");
  });

  it("checks values against the registry", async () => {
    const out = temporaryFolder("new");
    const result = await runScript("src/cli/new.ts", ["--action", "detect", "--platform", "gpc", "--subject", "pii", "--out", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--platform: unknown platform "gpc": did you mean "gcp"?');
    expect(existsSync(path.join(out, "detect-pii-gcp.md"))).toBe(false);
  });
});

describe.concurrent("npm run check", () => {
  it("warns about stale reviews, placeholders, unwritten sections and links to missing guides", () => {
    const stale = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const folder = guidesFolder({
      "detect-pii-snowflake.md": published("", undefined, stale),
      "detect-pii-gcp.md": `---\ntitle: Find personal data in BigQuery\ndescription: Soon.\nplatform: gcp\nrisk: data exposure\nregulation: GDPR\ndifficulty: beginner\nstatus: draft\nprimary_risk: "TODO: one line"\n---\nTODO: write this\n\nLater, with [the fix guide](/guides/fix-exposure-of-pii-gcp/).\n`,
    });
    const sources = readGuideSources(folder);
    const pairs = sources.map((source) => {
      const { guide, frontMatter } = readGuide(source, registry, site);
      expect(guide, source.displayPath).toBeDefined();
      return { source, guide: guide!, frontMatter: frontMatter! };
    });
    const warnings = reviewGuides(pairs, new Set(sources.map((source) => path.basename(source.path, ".md"))), new Date());
    const lines = warnings.map((warning) => `${path.basename(warning.file)}:${warning.line ?? "-"}: ${warning.field}: ${warning.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^detect-pii-snowflake\.md:9: reviewed: is 200 days old/),
        'detect-pii-gcp.md:11: body: still holds the placeholder "TODO: write this": write the "Why it matters" prose',
        "detect-pii-gcp.md:-: reviewed: is not written yet, and publishing needs it: add reviewed: with the day an expert last checked the guide, YYYY-MM-DD",
        expect.stringMatching(/^detect-pii-gcp\.md:-: body: links to \/guides\/fix-exposure-of-pii-gcp\/, which no guide publishes/),
        expect.stringMatching(/^detect-pii-snowflake\.md:-: controls: is missing: add controls:/),
        expect.stringMatching(/^detect-pii-gcp\.md:9: primary_risk: still holds the placeholder "TODO: one line"/),
        expect.stringMatching(/^detect-pii-gcp\.md:-: steps: is not written yet, and publishing needs it/),
      ]),
    );
  });

  it("exits 0 on warnings alone, 1 with --strict, and 1 on errors with file:line: field messages", async () => {
    const warnOnly = guidesFolder({ "detect-pii-snowflake.md": published("") });
    const broken = guidesFolder({ "detect-pii-snowflake.md": published("").replace("platform: snowflake", "platform: snowflak") });
    const [lenient, strict, failing] = await Promise.all([
      runScript("src/cli/check.ts", [warnOnly]),
      runScript("src/cli/check.ts", ["--strict", warnOnly]),
      runScript("src/cli/check.ts", [broken]),
    ]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain("warning: ");
    expect(lenient.stdout).toContain("1 guide file checked: 0 problems, 1 warning.");
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("1 guide file checked: 0 problems, 1 warning.");
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/detect-pii-snowflake\.md:4: platform: unknown platform "snowflak": did you mean "snowflake"\?/);
  });
});

describe.concurrent("publishing a scaffolded guide", () => {
  const choices = {
    action: term<ActionTerm>("actions", "detect"),
    platform: term("platforms", "aws"),
    subject: term("subjects", "phi"),
    risk: term("risks", "data exposure"),
    regulation: term<RegulationTerm>("regulations", "HIPAA"),
  };
  const { fileName, text } = scaffoldGuide(choices);
  const lines = text.split("\n");
  /** The file's lines that hold a stand-in, 1-based: every one must be told at its line. */
  const standInLines = lines.flatMap((line, index) => (line.includes("TODO") || line.includes(exampleReferenceUrl) ? [index + 1] : []));
  const lineOf = (written: string) => lines.findIndex((line) => line.includes(written)) + 1;

  it("is refused by check and build alike, each stand-in at its line, and a missing reviewed date", async () => {
    const folder = guidesFolder({ [fileName]: text.replace("status: draft", "status: published") });
    const shown = path.relative(projectRoot, path.join(folder, fileName));
    const output = path.join(path.dirname(folder), "_site");
    const [checked, built] = await Promise.all([
      runScript("src/cli/check.ts", [folder]),
      runScript("src/cli/build.ts", ["--input", folder, "--output", output]),
    ]);
    const problems = checked.stderr.trim().split("\n").slice(0, -1);
    expect(checked.status).toBe(1);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${shown}: reviewed: is missing: a published guide needs it: add reviewed: with the day an expert last checked the guide, YYYY-MM-DD, or set status: draft`,
        `${shown}:${lineOf("replace-me")}: references[0].url: is the scaffold's example address ${exampleReferenceUrl}: write the https:// address of the page the reference names, or set status: draft until it is written`,
        expect.stringMatching(
          new RegExp(
            `^${shown}:${lineOf(exampleControlId)}: controls\\[0\\]\\.id: is the scaffold's example "${exampleControlId}.*": write the identifier the framework gives the control, or set status: draft until it is written$`,
          ),
        ),
        `${shown}:${lineOf("description:")}: description: still holds the placeholder ${lines[lineOf("description:") - 1]!.replace("description: ", "")}: write the real content, or set status: draft until it is written`,
        `${shown}:${lines.length - 1}: body: still holds the placeholder "${lines.at(-2)!}": write the "Why it matters" prose, or set status: draft until it is written`,
      ]),
    );
    const placed = problems.flatMap((problem) => /^[^:]+:(\d+): /.exec(problem)?.[1] ?? []).map(Number);
    expect(placed).toEqual(standInLines);
    expect(checked.stderr).toContain(`1 guide file checked: ${problems.length} problems, 0 warnings.`);
    expect(built.status).toBe(1);
    expect(built.stderr.trim().split("\n")).toEqual([
      `Guide validation failed with ${problems.length} problems; nothing was written.`,
      ...problems,
    ]);
    expect(existsSync(output)).toBe(false);
  });

  it("is only warned of as a draft, at the same lines, and shows its header's stand-ins only once coming soon", async () => {
    const draft = guidesFolder({ [fileName]: text });
    const comingSoon = guidesFolder({ [fileName]: text.replace("status: draft", "status: coming-soon") });
    const [drafted, announced] = await Promise.all([runScript("src/cli/check.ts", [draft]), runScript("src/cli/check.ts", [comingSoon])]);
    expect(drafted.status).toBe(0);
    const warned = drafted.stderr.split("\n").flatMap((line) => /^warning: [^:]+:(\d+): /.exec(line)?.[1] ?? []);
    expect(warned.map(Number).filter((line) => standInLines.includes(line))).toEqual(standInLines);
    expect(announced.status).toBe(1);
    expect(announced.stderr).toContain(`:${lineOf("description:")}: description: still holds the placeholder "TODO: one or two sentences`);
    expect(announced.stderr).toMatch(/checked: 1 problem, \d+ warnings\./);
  });
});

describe("live preview", () => {
  // Starting the dev server is the slowest step; it runs beside the other test files, so it gets a
  // minute, and the test as long as both waits.
  const wait = { timeout: 60_000, interval: 250 };

  it("rebuilds a page when its guide changes, as npm start does", { timeout: 2 * wait.timeout + 10_000 }, async () => {
    const folder = guidesFolder({ "detect-pii-snowflake.md": published("") });
    const output = path.join(path.dirname(folder), "_site");
    const port = 20000 + Math.floor(Math.random() * 20000);
    // The same Eleventy command and config as `npm start`, on a folder of its own.
    const server = startDevServer({ config: ".eleventy.ts", input: folder, output, port });
    const page = () =>
      fetch(`http://127.0.0.1:${port}/guides/detect-pii-snowflake/`).then(
        (response) => response.text(),
        () => "",
      );
    try {
      await expect.poll(page, wait).toContain("<h1>Find personal data in Snowflake</h1>");
      const file = path.join(folder, "detect-pii-snowflake.md");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("title: Find personal data in Snowflake", "title: Find personal data in Snowflake tables"),
      );
      await expect.poll(page, wait).toContain("<h1>Find personal data in Snowflake tables</h1>");
    } finally {
      server.kill();
    }
  });
});
