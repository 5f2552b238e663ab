// The legacy body section by section: how a section is recognised, mapped, or kept whole when it does not fill its field.
import { describe, expect, it } from "vitest";
import { formatReportLine } from "../../src/authoring/migrate/report.ts";
import { migrateBody, sectionKind, type GuideFacts } from "../../src/authoring/migrate/sections.ts";
import { loadRegistry } from "../../src/taxonomy/registry.ts";
import { contextFor, elementOf } from "../helpers/mapping.ts";

const soc2 = loadRegistry().resolve("regulations", "SOC 2");
const facts: GuideFacts = { title: "Find keys", description: "What it does.", regulations: soc2 ? [soc2] : [] };

function migrated(html: string) {
  const ctx = contextFor(html);
  const { body, sections, outcome } = migrateBody(ctx, facts);
  return {
    body,
    sections,
    mapped: [...outcome.mapped],
    unmapped: [...outcome.unmapped],
    report: ctx.report.map(formatReportLine),
    kept: ctx.kept,
  };
}

describe("recognising a legacy section", () => {
  it.each([
    ["its class", '<div class="content-section intro-section"><p>x</p></div>', "intro"],
    ["its class, before its heading", '<div class="cyera-highlight"><h2>Steps</h2></div>', "spotlight"],
    ["the cards it holds", '<div class="content-section"><h2>Before you start</h2><div class="prereq-card"></div></div>', "prerequisites"],
    ["the steps it holds", '<div><div class="step"></div></div>', "steps"],
    ["a flow diagram", '<div><div class="flow-diagram"></div></div>', "architecture"],
    ["its heading", "<div><h2>Further Reading</h2><ul></ul></div>", "references"],
    ["a heading naming next steps, before steps", "<div><h2>Next Steps</h2></div>", "next-steps"],
    ["a section-title element as its heading", '<div><div class="section-title">Tips</div></div>', "practices"],
  ])("by %s", (_, html, kind) => {
    expect(sectionKind(elementOf(html))).toBe(kind);
  });

  it.each([
    ["a section without class, cards or a known heading", "<div><h2>Sample results</h2><table></table></div>"],
    ["a heading that is not the section's own", "<div><h3>Steps</h3></div>"],
  ])("not %s", (_, html) => {
    expect(sectionKind(elementOf(html))).toBeUndefined();
  });
});

describe("migrating the legacy body", () => {
  const sample = '<div class="content-section sample"><table><tr><td>EMAIL</td></tr></table></div>';
  const secondSteps = '<div class="content-section"><h2>More steps</h2> <div class="step"><h3>Two</h3> <p>More.</p></div></div>';
  const page = `<div class="container">
  <div class="header"><h1>Find keys</h1><p>What it does.</p><span class="badge">SOC 2</span></div>
  <div class="content-section intro-section">
    <h2>Why It Matters</h2>
    <div class="risk-highlight">Primary Risk: Leaked keys</div>
    <p>Keys leak.</p>
    <ul><li>Often.</li></ul>
    <div class="regulation-highlight">Relevant Regulation: SOC 2</div>
  </div>
  <div class="content-section"><h2>Steps</h2><div class="step"><h3>List</h3><p>Do it.</p></div></div>
  ${sample}
  ${secondSteps}
  <div class="next-steps"><h2>Next Steps</h2><a href="/guides/x/">Prevent exposure</a></div>
</div>`;

  it("maps each section to its field, the prose to the body, and keeps what maps to nothing verbatim", () => {
    expect(migrated(page)).toEqual({
      body: "Keys leak.\n\n- Often.",
      sections: { primary_risk: "Leaked keys", steps: [{ title: "List", body: "Do it." }] },
      mapped: ["header", "intro", "steps", "next-steps"],
      unmapped: [],
      report: [
        'dropped, the site computes it: header: title, description, badge "SOC 2" (the layout draws the header and its tag links)',
        "mapped: primary-risk callout → primary_risk",
        'dropped, the site computes it: regulation callout "Relevant Regulation: SOC 2" (drawn from the registry)',
        "mapped: why it matters: 2 blocks of prose → the markdown body",
        "mapped: 1 step → steps, 0 with commands",
        'kept in legacy_content: <div class="content-section sample"> "EMAIL": no structured section matches it',
        'kept in legacy_content: <div class="content-section"> "More steps Two More.": a second steps section',
        'dropped, the site computes it: next steps "Prevent exposure" (links to the published sibling guides)',
        'dropped, the site computes it: section headings "Why It Matters", "Steps" (the layout draws its own)',
      ],
      kept: [sample, secondSteps],
    });
  });

  it("keeps a section that does not fill its field whole, without what its pieces reported", () => {
    const prerequisites =
      '<div class="content-section"><h2>Prerequisites</h2> <div class="prereq-card"><h4>Tools</h4> <ul><li>az</li></ul></div> <div class="prereq-card"><h4>Notes</h4></div></div>';
    const result = migrated(prerequisites);
    expect(result).toMatchObject({ sections: {}, mapped: [], unmapped: ["prerequisites"], kept: [prerequisites] });
    expect(result.report).toEqual([
      'kept in legacy_content: <div class="content-section"> "Prerequisites Tools az Notes": its prerequisites content does not fill a complete section',
    ]);
  });

  it("keeps a regulation callout that says more than the regulation's name", () => {
    const callout = '<div class="regulation-highlight">SOC 2 auditors ask for key rotation evidence</div>';
    const result = migrated(`<div class="intro-section"><p>Prose.</p>${callout}</div>`);
    expect(result.kept).toEqual([callout]);
    expect(result.body).toBe("Prose.");
  });
});
