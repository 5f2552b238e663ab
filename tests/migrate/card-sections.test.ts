// Mapping the card and list sections: prerequisites, spotlight, architecture, best practices, references.
import type { HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import {
  migrateArchitecture,
  migratePractices,
  migratePrerequisites,
  migrateReferences,
  migrateSpotlight,
} from "../../src/authoring/migrate/card-sections.ts";
import type { MappingContext } from "../../src/authoring/migrate/dom.ts";
import { formatReportLine } from "../../src/authoring/migrate/report.ts";
import { sectionOf } from "../helpers/mapping.ts";

function mapped<T>(html: string, mapper: (children: HTMLElement[], ctx: MappingContext) => T) {
  const { children, ctx } = sectionOf(`<div class="content-section">${html}</div>`);
  return { value: mapper(children, ctx), report: ctx.report.map(formatReportLine), kept: ctx.kept };
}

const card = (heading: string, items: string[]) =>
  `<div class="prereq-card">\n<h4>${heading}</h4>\n<ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>\n</div>`;

describe("prerequisites", () => {
  it("maps three cards by what their headings name, inside their grid", () => {
    const html = `<div class="prerequisites-grid">${card("Required Permissions", ["s3:ListBucket"])}${card("Tools", ["AWS CLI", "gitleaks"])}${card("Prior Setup", ["A profile"])}</div>`;
    expect(mapped(html, migratePrerequisites)).toEqual({
      value: { permissions: ["s3:ListBucket"], tools: ["AWS CLI", "gitleaks"], setup: ["A profile"] },
      report: ["mapped: prerequisites: 1 permission, 2 tools, 1 setup item"],
      kept: [],
    });
  });

  it("does not fill the section without all three, and keeps a card it cannot place", () => {
    const notes = card("Notes", ["Read the runbook"]);
    const result = mapped(`${card("Access", ["Owner"])}${card("Software", ["az"])}${notes}`, migratePrerequisites);
    expect(result.value).toBeUndefined();
    expect(result.kept).toEqual([notes]);
    expect(result.report).toEqual([
      'kept in legacy_content: <div class="prereq-card"> "Notes Read the runbook": a prerequisite card whose heading names no permissions, tools or setup',
    ]);
  });
});

describe("the product spotlight", () => {
  it("maps a heading and its paragraphs as the panel's title and text", () => {
    const result = mapped("<h3>Cyera</h3><p>Finds data.</p><p>Everywhere.</p>", (children, ctx) =>
      migrateSpotlight(children, undefined, ctx),
    );
    expect(result.value).toEqual({ title: "Cyera", text: "Finds data. Everywhere." });
    expect(result.report).toEqual(['mapped: product spotlight "Cyera" → spotlight (replaces the site-wide panel)']);
  });

  it("needs a heading and some text", () => {
    expect(mapped("<p>Only text.</p>", (children, ctx) => migrateSpotlight(children, undefined, ctx)).value).toBeUndefined();
  });
});

describe("architecture", () => {
  const components =
    '<div class="component-grid"><div class="component-card"><h4>Amazon S3</h4><p>Holds the objects.</p></div><div class="component-card"><h4>gitleaks</h4><p>Scans.</p></div></div>';
  const flow =
    '<div class="flow-diagram"><h3>Flow</h3><div class="flow-step">List</div><div class="flow-arrow">→</div><div class="flow-step">Scan</div></div>';

  it("maps component cards and the flow's stages, and drops the arrows and the flow's heading", () => {
    expect(mapped(components + flow, migrateArchitecture)).toEqual({
      value: {
        components: [
          { name: "Amazon S3", role: "Holds the objects." },
          { name: "gitleaks", role: "Scans." },
        ],
        flow: ["List", "Scan"],
      },
      report: [
        'dropped, the site computes it: flow heading "Flow" (the layout titles it "Flow")',
        "dropped, the site computes it: 1 flow arrow (drawn in CSS)",
        "mapped: architecture: 2 components, 2 flow stages",
      ],
      kept: [],
    });
  });

  it("opens a wrapper of stages whatever its class", () => {
    const wrapped =
      '<div class="flow-diagram"><div class="flow-steps"><div class="flow-step">A</div><div class="flow-step">B</div></div></div>';
    expect(mapped(components + wrapped, migrateArchitecture).value?.flow).toEqual(["A", "B"]);
  });

  it("does not fill the section with fewer than two stages", () => {
    const oneStage = '<div class="flow-diagram"><div class="flow-step">List</div></div>';
    expect(mapped(components + oneStage, migrateArchitecture).value).toBeUndefined();
  });
});

describe("best practices", () => {
  it("maps cards with a title and a list, marking the pitfalls card", () => {
    const html =
      '<div class="best-practices-grid"><div class="practice-card"><h4>Scope</h4><ul><li>Start small</li></ul></div><div class="practice-card warning-card"><h4>Watch out</h4><ul><li>Copies left behind</li></ul></div><div class="practice-card"><h4>Common Pitfalls</h4><ol><li>Old keys</li></ol></div></div>';
    expect(mapped(html, migratePractices)).toEqual({
      value: [
        { title: "Scope", items: ["Start small"] },
        { title: "Watch out", items: ["Copies left behind"], pitfalls: true },
        { title: "Common Pitfalls", items: ["Old keys"], pitfalls: true },
      ],
      report: ["mapped: best practices: 3 cards, 2 marked pitfalls: true"],
      kept: [],
    });
  });

  it("keeps a card without a list", () => {
    const result = mapped('<div class="practice-card"><h4>Scope</h4><p>Prose only.</p></div>', migratePractices);
    expect(result.value).toBeUndefined();
    expect(result.kept).toEqual(['<div class="practice-card"><h4>Scope</h4><p>Prose only.</p></div>']);
  });
});

describe("references", () => {
  it("maps one https link an item, uses the address of a link without text, and keeps the rest in a list of their own", () => {
    const html =
      '<ul><li><a href="https://docs.example/a">Docs A</a></li><li><a href="https://b.example/"></a></li><li><a href="http://c.example/">Plain http</a></li><li><a href="/internal/runbook">Runbook</a></li><li>No link</li></ul>';
    expect(mapped(html, migrateReferences)).toEqual({
      value: [
        { title: "Docs A", url: "https://docs.example/a" },
        { title: "https://b.example/", url: "https://b.example/" },
      ],
      report: [
        "guessed, review it: reference https://b.example/ has no link text: its address is its title",
        'kept in legacy_content: <li> "Plain http": references hold one https link each',
        'kept in legacy_content: <li> "Runbook": references hold one https link each',
        'kept in legacy_content: <li> "No link": references hold one https link each',
        "mapped: 2 references → references",
      ],
      kept: [
        '<ul>\n<li><a href="http://c.example/">Plain http</a></li>\n<li><a href="/internal/runbook">Runbook</a></li>\n<li>No link</li>\n</ul>',
      ],
    });
  });

  it("keeps what is not in the list", () => {
    const result = mapped('<p>See also:</p><ul><li><a href="https://a.example/">A</a></li></ul>', migrateReferences);
    expect(result.value).toEqual([{ title: "A", url: "https://a.example/" }]);
    expect(result.kept).toEqual(["<p>See also:</p>"]);
  });
});
