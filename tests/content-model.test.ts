// The content model's small rules, tested directly: file names, page titles and problem messages.
import { describe, expect, it } from "vitest";
import { guideFileName, parseGuideFileName } from "../src/content/file-name.ts";
import { pageTitle } from "../src/content/guide.ts";
import { formatProblem } from "../src/content/problems.ts";
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
