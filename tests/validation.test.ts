import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../src/build.ts";
import { readGuideSources } from "../src/content/plugin.ts";
import { readGuides } from "../src/content/guide.ts";
import { formatProblem, GuideValidationError } from "../src/content/problems.ts";
import { projectRoot } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
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
      /^tests\/fixtures\/invalid\/malformed-yaml\/guides\/detect-pii-aws\.md:6: front matter: is not valid YAML \(line \d+: .+\): fix the syntax there/,
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
      `${name}:18: steps[0].command.warning: is missing: a destructive command needs a warning: say what cannot be undone and what to check first`,
      `${name}:23: steps[1].command.effect: is missing: add "effect:" with one of reads, changes, destructive`,
      `${name}:33: controls: maps no control of the primary regulation GDPR: add one with framework: GDPR`,
    ]);
  });

  it("a misspelt field name", () => {
    const name = file("unknown-field", "detect-pii-aws.md");
    expect(problemsOf("unknown-field")).toEqual([
      `${name}: platform: is missing: add "platform:" with text`,
      `${name}:4: front matter: unknown field "platfrom" (did you mean "platform"?): rename or remove it (the front-matter reference is in README.md)`,
    ]);
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
    const validation = findValidationError(failure);
    expect(validation?.problems).toHaveLength(3);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.staging`)).toBe(false);
  });

  it("npm run build exits non-zero and prints file:line: field: problem lines", () => {
    const result = runScript("src/cli/build.ts", [
      "--input",
      "tests/fixtures/invalid/empty-file/guides",
      "--output",
      path.join(temporaryFolder("cli"), "_site"),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("fix-exposure-of-pii-gcp.md: file: is empty:");
    expect(result.stderr).not.toContain("    at ");
  });

  it("npm run check validates without building: 1 on problems, 0 when clean", () => {
    const bad = runScript("src/cli/check.ts", ["tests/fixtures/invalid/wrong-type/guides"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("detect-pii-gcp.md:9: order: expected a number");
    const good = runScript("src/cli/check.ts", ["guides"]);
    expect(good.stderr).toBe("");
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^\d+ guide files checked: 0 problems, 0 warnings\.$/m);
  });
});

function findValidationError(error: unknown): GuideValidationError | undefined {
  for (
    let cause = error as { originalError?: unknown; cause?: unknown } | undefined;
    cause;
    cause = (cause.originalError ?? cause.cause) as typeof cause
  ) {
    if (cause instanceof GuideValidationError) return cause;
  }
  return undefined;
}

function runScript(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: projectRoot, encoding: "utf8" });
}
