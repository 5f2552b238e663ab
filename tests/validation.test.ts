import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../src/build.ts";
import { runScript, type CommandRun } from "./helpers/commands.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { describeFailure } from "../src/cli/failure.ts";
import { GuideValidationError } from "../src/content/problems.ts";
import { formatProblem, problemsErrorIn } from "../src/messages/problems.ts";
import { reservedDataNames } from "../src/content/schema.ts";
import type { EleventyConfig } from "../src/eleventy-types.ts";
import { layoutsDir, projectRoot } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { configureSite } from "../src/site.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { fixturesDir, temporaryFolder } from "./helpers/site.ts";

const registry = loadRegistry();
const site = loadSiteSettings();

function problemsOf(scenario: string): string[] {
  const folder = path.join(fixturesDir, "invalid", scenario, "guides");
  return readGuides(readGuideSources(folder), registry, site).problems.map(formatProblem);
}

const file = (scenario: string, name: string) => path.join("tests", "fixtures", "invalid", scenario, "guides", name);

describe("bad input: each problem names the file, the field, what is wrong and the fix", () => {
  it("missing required field", () => {
    expect(problemsOf("missing-field")).toEqual([
      `${file("missing-field", "detect-pii-aws.md")}: title: is missing: add "title:" with text`,
    ]);
  });

  it("unknown taxonomy values, with a suggestion when one is close", () => {
    const name = file("unknown-taxonomy", "detect-pii-azure.md");
    expect(problemsOf("unknown-taxonomy")).toEqual([
      `${name}:4: platform: unknown platform "azurre": did you mean "azure"?`,
      `${name}:5: risk: unknown risk "data leaks": use one of ${registry.slugs("risks").join(", ")} (or add it to src/data/taxonomy.yaml)`,
      `${name}:6: regulation[1]: unknown regulation "PCI DDS": did you mean "pci-dss"?`,
    ]);
  });

  it("wrong type", () => {
    const name = file("wrong-type", "detect-pii-gcp.md");
    expect(problemsOf("wrong-type")).toEqual([
      `${name}:9: order: expected a number, got the text "first": write a number here`,
      `${name}:10: tags: expected a list, got number 12: write a list here`,
    ]);
  });

  it("invalid status and difficulty", () => {
    const name = file("invalid-status", "detect-pii-snowflake.md");
    expect(problemsOf("invalid-status")).toEqual([
      `${name}:7: difficulty: the text "expert" is not allowed: use one of beginner, intermediate, advanced`,
      `${name}:8: status: the text "live" is not allowed: use one of published, coming-soon, draft`,
    ]);
  });

  it("invalid action", () => {
    expect(problemsOf("invalid-action")).toEqual([
      `${file("invalid-action", "pii-review-databricks.md")}:4: action: unknown action "audit": use one of detect, prevent, fix (or add it to src/data/taxonomy.yaml)`,
    ]);
  });

  it("malformed YAML, with the line in the file", () => {
    const [problem, ...rest] = problemsOf("malformed-yaml");
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^tests\/fixtures\/invalid\/malformed-yaml\/guides\/detect-pii-aws\.md:5: front matter: is not valid YAML \(line \d+: .+\): fix the syntax there/,
    );
  });

  it("two guides with the same URL", () => {
    const first = file("duplicate-url", "archive/detect-pii-aws.md");
    const second = file("duplicate-url", "detect-pii-aws.md");
    expect(problemsOf("duplicate-url")).toEqual([
      `${first}: file: publishes /guides/detect-pii-aws/, as does ${second}: rename one of them`,
      `${second}: file: publishes /guides/detect-pii-aws/, as does ${first}: rename one of them`,
    ]);
  });

  it("empty file", () => {
    expect(problemsOf("empty-file")).toEqual([
      `${file("empty-file", "fix-exposure-of-pii-gcp.md")}: file: is empty: add front matter between --- lines and the guide's content, or delete the file`,
    ]);
  });

  it("a published structured guide without its sections", () => {
    const problems = problemsOf("missing-sections");
    const name = file("missing-sections", "prevent-exposure-of-pii-aws.md");
    expect(problems).toContain(`${name}:9: steps: needs at least 1 entry: add one`);
    expect(problems).toContain(
      `${name}: references: is missing: a published guide needs it: add references: with title: and url: entries, or set status: coming-soon`,
    );
    expect(problems).toContain(`${name}: body: is empty: write the "Why it matters" prose below the front matter`);
  });

  it("commands must say what they change, destructive ones with a warning; controls must cover the primary regulation", () => {
    const name = file("unsafe-command", "fix-exposure-of-pii-aws.md");
    expect(problemsOf("unsafe-command")).toEqual([
      `${name}:19: steps[0].commands[0].warning: is missing: a destructive command needs a warning: say what cannot be undone and what to check first`,
      `${name}:24: steps[1].commands[0].effect: is missing: add "effect:" with one of reads, changes, destructive`,
      `${name}:33: controls: maps no control of the primary regulation GDPR: add one with framework: GDPR`,
    ]);
  });

  it("a step's single command: names its replacement, a list of blocks; an empty list needs a block", () => {
    const name = file("single-command", "fix-exposure-of-pii-aws.md");
    expect(problemsOf("single-command")).toEqual([
      `${name}:17: steps[1].commands: needs at least 1 entry: add one`,
      `${name}:20: steps[2].command: was replaced by commands:, a list of blocks: write commands: with "- code: …" under it (one block per thing a reader runs at once)`,
    ]);
  });

  it("a misspelt field name", () => {
    const name = file("unknown-field", "detect-pii-aws.md");
    expect(problemsOf("unknown-field")).toEqual([
      `${name}: platform: is missing: add "platform:" with text`,
      `${name}:4: front matter: unknown field "platfrom" (did you mean "platform"?): rename or remove it (see the front-matter reference in README.md)`,
    ]);
  });

  it("a value starting with a character YAML reserves: names the character and shows the value quoted", () => {
    expect(problemsOf("yaml-reserved-start")).toEqual([
      `${file("yaml-reserved-start", "detect-pii-aws.md")}:18: front matter: is not valid YAML (line 18: bad indentation of a mapping entry): the value starts with \`, which YAML reserves: put the whole value in quotes, as in body: '\`aws macie2 create-classification-job\` s…'`,
    ]);
  });

  it("a reviewed date that is not on the calendar, which YAML would silently roll over", () => {
    expect(problemsOf("impossible-reviewed-date")).toEqual([
      `${file("impossible-reviewed-date", "detect-pii-aws.md")}:10: reviewed: 2025-02-30 is not a date on the calendar (YAML reads it as 2025-03-02): write the real date as YYYY-MM-DD`,
    ]);
  });

  it("a reviewed date in the future", () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(problemsOf("future-reviewed-date")).toEqual([
      `${file("future-reviewed-date", "detect-pii-aws.md")}:10: reviewed: 2999-01-01 is in the future: write the day an expert last checked the guide, today (${today}) at the latest`,
    ]);
  });
});

describe("Liquid mistakes in a legacy body: file:line: body: what is wrong: how to fix it, at the line in the guide file", () => {
  const legacyFile = (scenario: string) => file(scenario, "detect-api-keys-secrets-tokens-azure.md");
  const cases: [scenario: string, messages: string[]][] = [
    [
      "legacy-unknown-filter",
      [
        `17: body: uses the unknown Liquid filter "upcasee" (did you mean "upcase"?): use one of Liquid's filters (https://liquidjs.com/filters/overview.html), url or slugify, or remove it`,
        `18: body: uses the unknown Liquid filter "slugifyy" (did you mean "slugify"?): use one of Liquid's filters (https://liquidjs.com/filters/overview.html), url or slugify, or remove it`,
      ],
    ],
    ["legacy-unclosed-block", [`17: body: {% if status == 'published' %} is never closed: add {% endif %} where its block ends`]],
    [
      "legacy-unknown-tag",
      [
        `17: body: uses the unknown Liquid tag {% capture_all %}: use one of Liquid's tags (https://liquidjs.com/tags/overview.html) or remove it`,
        `19: body: {% endif %} closes no block: remove it, or add the {% if %} it ends before it`,
      ],
    ],
    [
      "legacy-missing-include",
      [
        `17: body: {% include "cta.njk" %}: there is no layouts/cta.njk: fix the name (partials are in layouts/partials/) or remove the tag`,
        `18: body: {% render "partials/spotlight" %}: there is no layouts/partials/spotlight.liquid: fix the name (partials are in layouts/partials/) or remove the tag`,
      ],
    ],
    [
      "legacy-include-outside",
      [
        `17: body: {% include "../package.json" %} points outside layouts/, and was not read: a legacy body may include only partials from layouts/; remove the tag or write its content into the body`,
        `18: body: {% render "/etc/hostname" %} points outside layouts/, and was not read: a legacy body may include only partials from layouts/; remove the tag or write its content into the body`,
      ],
    ],
    ["legacy-syntax-error", [`17: body: {{ is never closed: close it with }}; to show Liquid as text, wrap it in {% raw %}…{% endraw %}`]],
    [
      "legacy-render-error",
      [
        `17: body: has a Liquid error (append expect 2 arguments): fix the {{ }} or {% %} on this line; to show Liquid as text, wrap it in {% raw %}…{% endraw %}`,
      ],
    ],
    [
      "legacy-reserved-field",
      [
        "11: pagination: is reserved (Eleventy would paginate the page): rename or remove the field",
        "14: eleventyComputed: is reserved (Eleventy would compute data from templates in it): rename or remove the field",
        "16: contentSecurityPolicy: is reserved (the layouts write the page's Content-Security-Policy from it): rename or remove the field",
        "17: date: is not a date: write it as YYYY-MM-DD without quotes, or remove it (pages are dated from reviewed: and git)",
      ],
    ],
  ];
  it.each(cases)("%s", (scenario, messages) => {
    expect(problemsOf(scenario)).toEqual(messages.map((message) => `${legacyFile(scenario)}:${message}`));
  });

  it("reserves every name the site puts in page data, so no guide can replace one", () => {
    const names: string[] = [];
    const known: Record<string, unknown> = {
      directories: { input: "guides", output: "_site" },
      ignores: new Set<string>(),
      addGlobalData: (name: string) => names.push(name),
    };
    // Every other configuration call is accepted and ignored.
    const recorder = new Proxy(known, { get: (target, key: string) => (key in target ? target[key] : () => undefined) });
    configureSite(recorder as unknown as EleventyConfig, { includeDrafts: false });
    // A legacy guide must say layout: base.njk, and permalink is refused with its own message.
    const checkedElsewhere = ["layout", "permalink"];
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => !checkedElsewhere.includes(name) && !Object.hasOwn(reservedDataNames, name))).toEqual([]);
  });

  it("never shows what a partial outside the layouts folder holds", () => {
    const outside = temporaryFolder("outside");
    writeFileSync(path.join(outside, "secret.liquid"), "OUTSIDE-THE-SITE");
    const name = path.relative(layoutsDir, path.join(outside, "secret"));
    const guide = readFileSync(
      path.join(fixturesDir, "invalid", "legacy-include-outside", "guides", "detect-api-keys-secrets-tokens-azure.md"),
      "utf8",
    );
    const source = {
      path: path.join(outside, "detect-api-keys-secrets-tokens-azure.md"),
      displayPath: "guide.md",
      text: guide.replace("../package.json", name),
    };
    const [problem] = readGuides([source], registry, site).problems.map(formatProblem);
    expect(problem).toBe(
      `guide.md:17: body: {% include "${name}" %} points outside layouts/, and was not read: a legacy body may include only partials from layouts/; remove the tag or write its content into the body`,
    );
  });
});

describe("npm run check rejects exactly what the build rejects because of a guide's content", () => {
  const legacyGuide = (front: string, body: string) => `---
title: "Legacy guide"
description: "A legacy guide."
difficulty: intermediate
platform: azure
risk: insecure APIs
regulation: PCI DSS
status: published
${front}layout: base.njk
---
<div class="container">
${body}
</div>
`;
  const written = (name: string, files: Record<string, string>) => {
    const folder = path.join(temporaryFolder(name), "guides");
    mkdirSync(folder);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(folder, file), text);
    return folder;
  };
  const legacyName = "detect-api-keys-secrets-tokens-azure.md";
  const cases: [name: string, outcome: "builds" | "fails", folder: () => string][] = [
    ...readdirSync(path.join(fixturesDir, "invalid")).map((scenario): [string, "fails", () => string] => [
      `fixture ${scenario}`,
      "fails",
      () => path.join(fixturesDir, "invalid", scenario, "guides"),
    ]),
    [
      "a legacy body whose Liquid draws tag links",
      "builds",
      () =>
        written("tag-links", {
          [legacyName]: legacyGuide(
            "",
            `<h1>{{ title }}</h1>\n{% if risk %}<a href="/risk/{{ risk | downcase | replace: ' ', '-' }}/">{{ risk }}</a>{% endif %}\n<a href="{{ '/platforms/azure/' | url }}">{{ platform | slugify }}</a>`,
          ),
        }),
    ],
    [
      "a legacy guide asking for another template engine",
      "fails",
      () => written("engine", { [legacyName]: legacyGuide("templateEngineOverride: njk\n", "<p>x</p>") }),
    ],
    [
      "a legacy guide setting Eleventy's page data",
      "fails",
      () => written("page-data", { [legacyName]: legacyGuide("page: 3\n", "<p>x</p>") }),
    ],
    [
      "a legacy guide setting the site settings",
      "fails",
      () => written("site-data", { [legacyName]: legacyGuide("site: {}\n", "<p>x</p>") }),
    ],
    [
      "a legacy body with a Liquid error in a later block",
      "fails",
      () => written("later", { [legacyName]: legacyGuide("", "<p>ok</p>\n{% for x in %}{% endfor %}") }),
    ],
  ];

  it.each(cases)("%s: %s", async (_name, outcome, folderOf) => {
    const folder = folderOf();
    const checked = readGuides(readGuideSources(folder), registry, site).problems.map(formatProblem);
    const output = path.join(temporaryFolder("parity"), "_site");
    const failure = await buildSite({ input: folder, output }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const built = problemsErrorIn(failure)?.problems.map(formatProblem);
    expect(checked.length === 0 ? "builds" : "fails").toBe(outcome);
    if (outcome === "builds") {
      expect(failure).toBeUndefined();
      expect(existsSync(path.join(output, "index.html"))).toBe(true);
    } else {
      expect(built).toEqual(checked);
      expect(existsSync(output)).toBe(false);
    }
  });
});

describe("the build stops before writing anything", () => {
  it("reports every problem of every file at once and leaves no output", async () => {
    const output = path.join(temporaryFolder("invalid"), "_site");
    const input = path.join(fixturesDir, "invalid", "unknown-taxonomy", "guides");
    const failure = await buildSite({ input, output }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const validation = problemsErrorIn(failure);
    expect(validation?.problems).toHaveLength(3);
    // No site, and no staging folder or lock beside where it would have been.
    expect(readdirSync(path.dirname(output))).toEqual([]);
  });

  // The commands run once each on one folder holding a guide with each of three mistakes (a Liquid mistake
  // in a legacy body, wrong types, an empty file), and check once more on guides/; the tests read the answers.
  const mistakes = ["legacy-unknown-tag", "wrong-type", "empty-file"];
  let runs:
    Promise<{ built: CommandRun; checked: CommandRun; clean: CommandRun; output: string; shown: (name: string) => string }> | undefined;
  const commandRuns = () =>
    (runs ??= (async () => {
      const input = path.join(temporaryFolder("cli"), "guides");
      mkdirSync(input);
      for (const scenario of mistakes) {
        const folder = path.join(fixturesDir, "invalid", scenario, "guides");
        for (const name of readdirSync(folder)) copyFileSync(path.join(folder, name), path.join(input, name));
      }
      const output = path.join(temporaryFolder("cli"), "_site");
      const [built, checked, clean] = await Promise.all([
        runScript("src/cli/build.ts", ["--input", input, "--output", output]),
        runScript("src/cli/check.ts", [input]),
        runScript("src/cli/check.ts", ["guides"]),
      ]);
      return { built, checked, clean, output, shown: (name: string) => path.relative(projectRoot, path.join(input, name)) };
    })());

  it("npm run build exits non-zero and prints file:line: field: problem lines", async () => {
    const { built, shown } = await commandRuns();
    expect(built.status).toBe(1);
    expect(built.stderr).toContain(`${shown("fix-exposure-of-pii-gcp.md")}: file: is empty:`);
    expect(built.stderr).toContain(`${shown("detect-pii-gcp.md")}:9: order: expected a number`);
    expect(built.stderr).not.toContain("    at ");
  });

  it("npm run build and npm run check answer a Liquid mistake in a legacy body with its line, no stack trace and no site", async () => {
    const { built, checked, output, shown } = await commandRuns();
    const legacy = shown("detect-api-keys-secrets-tokens-azure.md");
    const expected = [
      `${legacy}:17: body: uses the unknown Liquid tag {% capture_all %}: use one of Liquid's tags (https://liquidjs.com/tags/overview.html) or remove it`,
      `${legacy}:19: body: {% endif %} closes no block: remove it, or add the {% if %} it ends before it`,
      `${shown("detect-pii-gcp.md")}:9: order: expected a number, got the text "first": write a number here`,
      `${shown("detect-pii-gcp.md")}:10: tags: expected a list, got number 12: write a list here`,
      `${shown("fix-exposure-of-pii-gcp.md")}: file: is empty: add front matter between --- lines and the guide's content, or delete the file`,
    ];
    expect(built.stderr.trim().split("\n")).toEqual(["Guide validation failed with 5 problems; nothing was written.", ...expected]);
    expect(built.status).toBe(1);
    expect(existsSync(output)).toBe(false);
    expect(checked.stderr.trim().split("\n")).toEqual([...expected, "3 guide files checked: 5 problems, 0 warnings."]);
    expect(checked.status).toBe(1);
  });

  it("says in one line when a failure is the site's own bug, then prints its stack", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'slug')");
    const wrapped = Object.assign(new Error("Having trouble rendering liquid template ./guides/x.md"), { originalError: bug });
    const [summary, ...stack] = describeFailure(wrapped).split("\n");
    expect(summary).toBe("Failed in the site's own code, not because of a guide: Cannot read properties of undefined (reading 'slug')");
    expect(stack[0]).toBe("Error: Having trouble rendering liquid template ./guides/x.md");
    expect(stack.some((line) => /^\s+at /.test(line))).toBe(true);
    const validation = new GuideValidationError([{ file: "guides/x.md", line: 3, field: "title", message: "is missing" }]);
    expect(describeFailure(Object.assign(new Error("wrapper"), { cause: validation }))).toBe(validation.message);
  });

  it("npm run check validates without building: 1 on problems, 0 when clean", async () => {
    const { checked, clean, shown } = await commandRuns();
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(`${shown("detect-pii-gcp.md")}:9: order: expected a number`);
    expect(clean.stderr).toBe("");
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^\d+ guide files checked: 0 problems, 0 warnings\.$/m);
  });
});
