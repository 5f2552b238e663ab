// The content model's small rules, tested directly: front matter, file names, page titles and problem messages.
import { describe, expect, it } from "vitest";
import { guideFileName, parseGuideFileName } from "../src/content/file-name.ts";
import { readFrontMatter } from "../src/content/front-matter.ts";
import { pageTitle } from "../src/content/guide.ts";
import { formatProblem } from "../src/messages/problems.ts";
import { maxTitleLength } from "../src/content/schema.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";

const registry = loadRegistry();
const slugsOf = (parts: ReturnType<typeof parseGuideFileName>) => ({
  action: parts.action?.slug,
  subject: parts.subject?.slug,
  platform: parts.platform?.slug,
  qualifier: parts.qualifier,
});

describe("guide file names", () => {
  it.each([
    ["detect-pii-aws", { action: "detect", subject: "pii", platform: "aws", qualifier: "" }],
    [
      "prevent-exposure-of-api-keys-secrets-tokens-gcp",
      { action: "prevent", subject: "api-keys-secrets-tokens", platform: "gcp", qualifier: "" },
    ],
    ["fix-exposure-of-pii-aws-s3-buckets", { action: "fix", subject: "pii", platform: "aws", qualifier: "s3-buckets" }],
    // "gcp" inside the qualifier is not taken for the platform: the first platform after a known subject wins.
    ["detect-pii-azure-gcp-migration", { action: "detect", subject: "pii", platform: "azure", qualifier: "gcp-migration" }],
    ["detect-pii-awsome", { action: "detect", subject: undefined, platform: undefined, qualifier: undefined }],
    ["review-pii-aws", { action: undefined, subject: undefined, platform: undefined, qualifier: undefined }],
  ])("reads %s", (slug, expected) => {
    expect(slugsOf(parseGuideFileName(slug, registry))).toEqual(expected);
  });

  it("names a guide the way it is read back", () => {
    const [action, subject, platform] = [registry.terms.actions[2]!, registry.terms.subjects[1]!, registry.terms.platforms[3]!];
    const name = guideFileName(action, subject, platform);
    expect(slugsOf(parseGuideFileName(name.replace(/\.md$/, ""), registry))).toEqual({
      action: action.slug,
      subject: subject.slug,
      platform: platform.slug,
      qualifier: "",
    });
  });
});

describe("page titles", () => {
  it("adds the site name when it fits", () => {
    expect(pageTitle({ title: "Find PII in S3" }, "DSPM Guides")).toBe("Find PII in S3 | DSPM Guides");
  });

  it("keeps the title alone when the site name would push it past what search results show", () => {
    const title = "Find exposed personal access tokens and OAuth secrets in Databricks";
    expect(`${title} | DSPM Guides`.length).toBeGreaterThan(maxTitleLength);
    expect(pageTitle({ title }, "DSPM Guides")).toBe(title);
  });

  it("prefers meta_title", () => {
    expect(pageTitle({ meta_title: "Detect PII in AWS", title: "Find personal data in Amazon S3" }, "DSPM Guides")).toBe(
      "Detect PII in AWS",
    );
  });

  it("cuts an over-long title at a word boundary and marks the cut", () => {
    const title = `${"word ".repeat(20)}end`;
    const cut = pageTitle({ title }, "DSPM Guides");
    expect(cut.length).toBeLessThanOrEqual(maxTitleLength);
    expect(cut).toMatch(/^(word )+word…$/);
  });

  it("cuts a title with no space inside the limit at the limit", () => {
    const cut = pageTitle({ title: "x".repeat(100) }, "DSPM Guides");
    expect(cut).toBe(`${"x".repeat(maxTitleLength - 1)}…`);
  });
});

describe("problem messages", () => {
  it("say file:line: field: problem, and leave the line out when there is none", () => {
    expect(formatProblem({ file: "guides/a.md", line: 4, field: "platform", message: 'unknown platform "azurre"' })).toBe(
      'guides/a.md:4: platform: unknown platform "azurre"',
    );
    expect(formatProblem({ file: "guides/a.md", field: "references", message: "is missing" })).toBe("guides/a.md: references: is missing");
  });
});

describe("front matter", () => {
  const file = [
    "---",
    "title: Find PII",
    "reviewed: 2026-03-01",
    "steps:",
    "  - title: One",
    "    body: Text.",
    "---",
    "",
    "Body line.",
  ].join("\n");

  it("splits the file once and places a field on its line of the file", () => {
    const read = readFrontMatter(file);
    expect(read.problem).toBeUndefined();
    const frontMatter = read.frontMatter!;
    expect(frontMatter.data.title).toBe("Find PII");
    // The same YAML reading as Eleventy's: a bare date is a date.
    expect(frontMatter.data.reviewed).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(frontMatter.body).toBe("\nBody line.");
    expect(file.split("\n")[frontMatter.linesBeforeBody]).toBe("");
    expect(frontMatter.lineOf(["title"])).toBe(2);
    expect(frontMatter.lineOf(["steps", 0, "body"])).toBe(6);
    // An absent field is placed at its nearest parent.
    expect(frontMatter.lineOf(["steps", 0, "commands"])).toBe(5);
  });

  it("gives the line of a YAML mistake in the file", () => {
    const read = readFrontMatter(["---", "title: Find PII", "tags: [a, b", "---", "Body."].join("\n"));
    expect(read.problem).toMatchObject({ field: "front matter", line: 4 });
    expect(read.problem?.message).toMatch(/^is not valid YAML \(line 4: .+\): fix the syntax there/);
  });

  it("refuses front matter in another language, which gray-matter would run as JavaScript", () => {
    const { problem } = readFrontMatter("---js\n{ title: process.exit(3) }\n---\nBody.");
    expect(problem?.field).toBe("front matter");
    expect(problem?.message).toMatch(/^does not start the file/);
  });

  it("refuses front matter that is a list or a value instead of fields", () => {
    for (const matter of ["- title\n- description", "just a sentence", "2026-03-01"]) {
      expect(readFrontMatter(`---\n${matter}\n---\nBody.`).problem, matter).toMatchObject({
        field: "front matter",
        line: 2,
        message: "is not a set of fields: write one name: value line per field",
      });
    }
  });

  it("reads a file with only comments between the lines as no fields", () => {
    expect(readFrontMatter("---\n# nothing yet\n---\nBody.").frontMatter?.data).toEqual({});
  });

  it("says an empty file is empty", () => {
    const { problem } = readFrontMatter(" \n");
    expect(problem?.field).toBe("file");
    expect(problem?.message).toMatch(/^is empty/);
  });
});
