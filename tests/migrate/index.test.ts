// One legacy guide migrated in memory: the file written, its validation, and what stops or demotes it.
import { describe, expect, it } from "vitest";
import { formatReportLine, migrateLegacyGuide } from "../../src/authoring/migrate/index.ts";
import { formatProblem } from "../../src/messages/problems.ts";
import { loadSiteSettings } from "../../src/site-settings.ts";
import { loadRegistry } from "../../src/taxonomy/registry.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const fileName = "guides/detect-api-keys-secrets-tokens-aws.md";
const migrate = (text: string) => migrateLegacyGuide(text, fileName, registry, site);

const architecture = `<div class="architecture-section"><h2>Architecture</h2>
<div class="component-card"><h4>Amazon S3</h4><p>Holds the objects.</p></div>
<div class="flow-diagram"><div class="flow-step">List</div><div class="flow-arrow">→</div><div class="flow-step">Scan</div></div>
</div>`;

const legacyGuide = (sections: string) => `---
layout: base.njk
title: Find keys in S3
description: Scan configuration objects for credentials.
tags: [guides]
platform: Amazon Web Services
risk: insecure APIs
regulation: SOC2
difficulty: Beginner
status: Published
order: "2"
reviewed: 2026-01-02
---
<div class="container">
<div class="intro-section"><h2>Why It Matters</h2>
<div class="risk-highlight">Primary Risk: A key in a shared file works for everyone.</div>
<p>Credentials land in configuration files.</p>
</div>
<div class="prerequisites-section"><h2>Prerequisites</h2>
<div class="prereq-card"><h4>Permissions</h4><ul><li>s3:GetObject</li></ul></div>
<div class="prereq-card"><h4>Tools</h4><ul><li>gitleaks</li></ul></div>
<div class="prereq-card"><h4>Setup</h4><ul><li>A CLI profile</li></ul></div>
</div>
<div class="steps-section"><h2>Steps</h2>
<div class="step"><h3 class="step-title">Scan the copies</h3><p>Findings name the file and line.</p><pre>gitleaks detect -v --source ./review</pre></div>
</div>
${sections}
<div class="practices-section"><h2>Best Practices</h2>
<div class="practice-card"><h4>Scope</h4><ul><li>Shared buckets first</li></ul></div>
</div>
<div class="references-section"><h2>References</h2><ul><li><a href="https://github.com/gitleaks/gitleaks">gitleaks</a></li></ul></div>
</div>
`;

describe("migrating one legacy guide", () => {
  it("writes a structured guide that validates, its fields in the README example's order", () => {
    const result = migrate(legacyGuide(architecture));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result).toMatchObject({ notLegacy: false, status: "published" });
    expect(result.demotedBecause).toBeUndefined();
    expect(result.output).toBe(`---
title: Find keys in S3
description: Scan configuration objects for credentials.
platform: AWS
risk: insecure APIs
regulation: SOC 2
difficulty: beginner
status: published
order: 2
reviewed: 2026-01-02
primary_risk: A key in a shared file works for everyone.
prerequisites:
  permissions:
    - s3:GetObject
  tools:
    - gitleaks
  setup:
    - A CLI profile
steps:
  - title: Scan the copies
    body: Findings name the file and line.
    commands:
      - code: gitleaks detect -v --source ./review
        language: bash
        effect: reads
architecture:
  components:
    - name: Amazon S3
      role: Holds the objects.
  flow: [List, Scan]
best_practices:
  - title: Scope
    items:
      - Shared buckets first
references:
  - title: gitleaks
    url: https://github.com/gitleaks/gitleaks
---
Credentials land in configuration files.
`);
    expect(result.report.map(formatReportLine)).toContain(
      "left out: controls: the legacy guide names none; npm run check recommends adding them for the primary regulation",
    );
  });

  it("writes a published guide without a required section as a draft, and says why", () => {
    const result = migrate(legacyGuide(""));
    expect(result.problems).toEqual([]);
    expect(result.status).toBe("draft");
    expect(result.output).toContain("\nstatus: draft\n");
    expect(result.demotedBecause).toBe(
      "a published guide needs architecture (the legacy page has no section recognisable as architecture by its class, its cards or its heading)",
    );
    expect(result.report.map(formatReportLine)).toContain(
      `WARNING: status: published became draft, because ${result.demotedBecause}: write what is missing (see legacy_content), then set status: published`,
    );
  });

  it("keeps what maps to nothing in legacy_content, after every other field", () => {
    const result = migrate(legacyGuide(`${architecture}\n<div class="note-box">Ask the owner first.</div>`));
    expect(result.output).toMatch(
      /\n {4}url: https:\/\/github\.com\/gitleaks\/gitleaks\nlegacy_content: <div class="note-box">Ask the owner first\.<\/div>\n---\n/,
    );
  });

  it("skips a file that is not a legacy guide", () => {
    expect(migrate("---\ntitle: T\n---\nBody\n")).toEqual({ report: [], problems: [], notLegacy: true });
  });

  it.each([
    ["without front matter", "<p>Body</p>", "front matter: is missing: a legacy guide starts with its fields between two --- lines"],
    ["with front matter that is not YAML", "---\ntitle: [unclosed\n---\n", "front matter: is not valid YAML ("],
    [
      "with front matter that is a list",
      "---\n- a\n- b\n---\n",
      "front matter: is not a set of fields: write one field a line, as name: value",
    ],
  ])("refuses a file %s", (_, text, problem) => {
    const result = migrate(text);
    expect(result.output).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([expect.stringContaining(`${fileName}: ${problem}`)]);
  });
});
