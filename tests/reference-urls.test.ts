// A guide's references are https:// addresses: a reader follows them from a security guide.
import { describe, expect, it } from "vitest";
import { readGuide } from "../src/content/guide.ts";
import { formatProblem } from "../src/messages/problems.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";

const registry = loadRegistry();
const site = loadSiteSettings();

const withReference = (url: string) => `---
title: Find personal data in BigQuery
description: A draft.
platform: gcp
risk: data exposure
regulation: GDPR
difficulty: beginner
status: draft
references:
  - title: The documentation
    url: ${JSON.stringify(url)}
---
Why it matters.
`;

const problemsFor = (url: string) =>
  readGuide({ path: "/guides/detect-pii-gcp.md", displayPath: "detect-pii-gcp.md", text: withReference(url) }, registry, site).problems.map(
    formatProblem,
  );

describe("reference URLs", () => {
  it("take an https:// address", () => {
    expect(problemsFor("https://cloud.google.com/bigquery/docs")).toEqual([]);
  });

  it("refuse an http:// address, asking for the https:// one", () => {
    expect(problemsFor("http://cloud.google.com/bigquery/docs")).toEqual([
      "detect-pii-gcp.md:11: references[0].url: is an http:// address: use the https:// address, so readers reach the page over an encrypted connection",
    ]);
  });

  it.each(["javascript:alert(1)", "data:text/html,hi", "ftp://example.com/file", "/guides/detect-pii-aws/"])("refuse %s", (url) => {
    expect(problemsFor(url)).toEqual([
      expect.stringMatching(/^detect-pii-gcp\.md:11: references\[0\]\.url: .* is not a web address: write a full https:\/\/ URL$/),
    ]);
  });
});
