import { describe, expect, it } from "vitest";
import type { Guide } from "../src/content/guide.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { defaultGuidesDir } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { sharedProseRuns, type SharedRun } from "./helpers/shared-prose.ts";

const registry = loadRegistry();
const real = readGuides(readGuideSources(defaultGuidesDir), registry, loadSiteSettings()).guides.filter(
  (guide) => guide.format === "structured",
);

const describeRun = ({ words, first, second }: SharedRun) =>
  `${second.file} ${second.field} repeats ${first.file} ${first.field}: "${words}"`;

describe("the prose of the guides", () => {
  it("shares no run of twelve words between two guides", () => {
    expect(real.length).toBeGreaterThan(1);
    expect(sharedProseRuns(real).map(describeRun)).toEqual([]);
  });
});

describe("the shared-prose rule", () => {
  const [model] = real;
  const guide = (file: string, fields: Partial<Guide>): Guide => ({
    ...model!,
    displayPath: file,
    title: `Title of ${file}`,
    description: `Description of ${file}`,
    meta_title: undefined,
    primary_risk: `Risk of ${file}`,
    prerequisites: { permissions: [file], tools: [file], setup: [file] },
    steps: [],
    architecture: { components: [], flow: [] },
    best_practices: [],
    controls: [],
    body: `Body of ${file}`,
    ...fields,
  });
  const twelve = "every block is what a reader runs at once so split the commands";
  const pciControl = (summary: string, id: string) => [
    { framework: registry.terms.regulations.find((term) => term.slug === "pci-dss")!, id, summary },
  ];

  it("reports a twelve-word run once, at its full length, naming both fields", () => {
    const runs = sharedProseRuns([
      guide("a.md", { body: `Before anything else, ${twelve} where the text says wait.` }),
      guide("b.md", { steps: [{ title: "Split", body: `Remember: ${twelve} where the text says wait or choose.` }] }),
    ]);
    expect(runs.map(describeRun)).toEqual([`b.md steps[0].body repeats a.md body: "${twelve} where the text says wait"`]);
  });

  it("lets eleven words, punctuation or case aside, and commands pass", () => {
    const eleven = twelve.split(" ").slice(0, 11).join(" ");
    const command = { code: `echo ${twelve}`, effect: "reads" as const, language: "bash" };
    expect(
      sharedProseRuns([
        guide("a.md", {
          body: `${eleven}. Then something else entirely.`,
          steps: [{ title: "Run", body: "Run it.", commands: [command] }],
        }),
        guide("b.md", {
          body: `${eleven.toUpperCase()}! A different ending here.`,
          steps: [{ title: "Run", body: "Run it too.", commands: [command] }],
        }),
      ]),
    ).toEqual([]);
  });

  it("lets two summaries of the same control agree, but not of different controls", () => {
    const summary = "PAN is unreadable anywhere it is stored, by keyed hashes, truncation, tokens or strong cryptography";
    expect(
      sharedProseRuns([
        guide("a.md", { controls: pciControl(summary, "3.5.1") }),
        guide("b.md", { controls: pciControl(summary, "3.5.1") }),
      ]),
    ).toEqual([]);
    expect(
      sharedProseRuns([
        guide("a.md", { controls: pciControl(summary, "3.5.1") }),
        guide("b.md", { controls: pciControl(summary, "3.4.1") }),
      ]).map(describeRun),
    ).toEqual([`b.md controls[0].summary repeats a.md controls[0].summary: "${summary.toLowerCase().replace(/,/g, "")}"`]);
  });

  it("reads link text but not link targets", () => {
    const runs = sharedProseRuns([
      guide("a.md", { body: "See [the guide](/guides/one-two-three-four-five-six-seven-eight-nine-ten-eleven-twelve/) now." }),
      guide("b.md", { body: "Read [it](/guides/one-two-three-four-five-six-seven-eight-nine-ten-eleven-twelve/) later." }),
    ]);
    expect(runs).toEqual([]);
  });
});
