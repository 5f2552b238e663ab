import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";

// Words for synthetic prose: enough variety that the search index and pages have a realistic size.
const vocabulary = (
  "access account alert analysis audit bucket cache certificate classify cluster command compliance configuration " +
  "console container control credential data database deploy detect disable encrypt endpoint environment event " +
  "exposure file finding firewall function identity incident index inventory key log machine monitor network " +
  "object owner permission pipeline policy principal private project public query record region registry " +
  "remediate report repository resource review role rotate rule scan schedule scope secret service session " +
  "snapshot storage subscription table tag team token trail user vault version warehouse workload"
).split(" ");

/** A small seeded generator, so the same size always produces the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)] ?? "data");
  const text = picked.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const paragraph = (next: () => number, sentences: number) =>
  Array.from({ length: sentences }, () => sentence(next, 9 + Math.floor(next() * 8))).join(" ");

interface Spread {
  action: TaxonomyRegistry["terms"]["actions"][number];
  platform: TaxonomyRegistry["terms"]["platforms"][number];
  subject: TaxonomyRegistry["terms"]["subjects"][number];
  risk: TaxonomyRegistry["terms"]["risks"][number];
  regulations: TaxonomyRegistry["terms"]["regulations"];
  status: "published" | "coming-soon";
}

/** Guide `index` of a set: every platform, action, subject, risk and regulation appears evenly. */
function spread(registry: TaxonomyRegistry, index: number): Spread {
  const { actions, platforms, subjects, risks, regulations } = registry.terms;
  const pick = <T>(list: T[], at: number): T => list[at % list.length] as T;
  return {
    platform: pick(platforms, index),
    action: pick(actions, Math.floor(index / platforms.length)),
    subject: pick(subjects, Math.floor(index / (platforms.length * actions.length))),
    risk: pick(risks, index * 7),
    regulations: [pick(regulations, index), pick(regulations, index + 4)],
    // About one guide in twenty is announced but not written yet.
    status: index % 20 === 19 ? "coming-soon" : "published",
  };
}

function structuredGuide(registry: TaxonomyRegistry, index: number): { name: string; text: string } {
  const next = random(index + 1);
  const terms = spread(registry, index);
  const front = {
    title: `${terms.action.label} ${terms.subject.label.toLowerCase()} on ${terms.platform.label}, case ${index}`,
    description: paragraph(next, 2),
    platform: terms.platform.slug,
    risk: terms.risk.label,
    regulation: terms.regulations.map((regulation) => regulation.label),
    difficulty: ["beginner", "intermediate", "advanced"][index % 3],
    status: terms.status,
    order: index % 10,
    tags: [vocabulary[index % vocabulary.length], vocabulary[(index * 3) % vocabulary.length]],
    reviewed: "2026-11-01",
    primary_risk: sentence(next, 14),
    prerequisites: {
      permissions: [sentence(next, 6), sentence(next, 5)],
      tools: [sentence(next, 4), sentence(next, 3)],
      setup: [sentence(next, 7)],
    },
    steps: Array.from({ length: 5 }, (_, step) => ({
      title: sentence(next, 6),
      body: `${paragraph(next, 3)}\n\n${paragraph(next, 2)}`,
      commands: [
        {
          code: `cloud-cli ${vocabulary[(index + step) % vocabulary.length]} list --resource <resource-name> --output json\ncloud-cli ${vocabulary[(index + step * 5) % vocabulary.length]} show --id "<id>"`,
          effect: "reads",
        },
        // The last step changes something once the reader has checked what the first block listed, as real fix guides do.
        ...(step === 4
          ? [
              {
                code: `cloud-cli ${vocabulary[(index + step * 7) % vocabulary.length]} update --id "<id>" --enabled false`,
                effect: "changes",
                note: sentence(next, 9),
              },
            ]
          : []),
      ],
    })),
    architecture: {
      components: Array.from({ length: 4 }, () => ({ name: sentence(next, 2).slice(0, -1), role: sentence(next, 8) })),
      flow: ["Inventory", "Scan", "Triage", "Remediate"],
    },
    best_practices: [
      { title: "Scope", items: [sentence(next, 8), sentence(next, 9), sentence(next, 7)] },
      { title: "Operations", items: [sentence(next, 8), sentence(next, 9), sentence(next, 7)] },
      { title: "Common pitfalls", items: [sentence(next, 8), sentence(next, 9)], pitfalls: true },
    ],
    controls: [{ framework: terms.regulations[0]?.label, id: `${1 + (index % 9)}.${1 + (index % 5)}`, summary: sentence(next, 10) }],
    references: [
      { title: sentence(next, 5), url: `https://docs.example.com/${terms.platform.slug}/${index}` },
      { title: sentence(next, 4), url: `https://standards.example.org/${terms.regulations[0]?.slug ?? "x"}` },
    ],
  };
  const name = `${terms.action.file_prefix}-${terms.subject.slug}-${terms.platform.slug}-case-${index}.md`;
  return { name, text: `---\n${stringify(front, { lineWidth: 0 })}---\n${paragraph(next, 4)}\n\n${paragraph(next, 4)}\n` };
}

function legacyGuide(registry: TaxonomyRegistry, index: number): { name: string; text: string } {
  const next = random(1_000_000 + index);
  const terms = spread(registry, index);
  const list = (count: number) => Array.from({ length: count }, () => `<li>${sentence(next, 6)}</li>`).join("\n          ");
  const steps = Array.from(
    { length: 4 },
    (_, step) => `
    <div class="step">
      <div class="step-number">${step + 1}</div>
      <div class="step-title">${sentence(next, 6)}</div>
      <p>${paragraph(next, 3)}</p>
      <div class="code-block">cloud-cli ${vocabulary[(index + step) % vocabulary.length]} list --resource my-resource</div>
    </div>`,
  ).join("\n");
  const body = `
<div class="container">
  <div class="header">
    <h1>{{ title }}</h1>
    <p>{{ description }}</p>
    <div class="badge">${terms.risk.label}</div>
  </div>
  <div class="content-section intro-section">
    <h2 class="section-title">Why It Matters</h2>
    <p>${paragraph(next, 4)}</p>
    <div class="risk-highlight"><strong>Primary Risk:</strong> ${sentence(next, 10)}</div>
  </div>
  <div class="content-section">
    <h2 class="section-title">Prerequisites</h2>
    <div class="prerequisites-grid">
      <div class="prereq-card"><h4>Permissions &amp; Roles</h4><ul>
          ${list(3)}
      </ul></div>
      <div class="prereq-card"><h4>External Tools</h4><ul>
          ${list(2)}
      </ul></div>
    </div>
  </div>
  <div class="content-section">
    <h2 class="section-title">Step-by-Step Guide</h2>
${steps}
  </div>
  <div class="content-section">
    <h2 class="section-title">Best Practices &amp; Tips</h2>
    <div class="practice-card"><h4>Operations</h4><ul>
          ${list(3)}
    </ul></div>
  </div>
</div>
`;
  const front = {
    title: `${terms.subject.label} ${terms.action.slug} on ${terms.platform.label} (legacy ${index})`,
    description: paragraph(next, 2),
    tags: ["guides"],
    difficulty: "intermediate",
    platform: terms.platform.slug,
    risk: terms.risk.label,
    regulation: terms.regulations[0]?.label,
    status: terms.status === "published" ? "published" : "Coming Soon",
    order: 1,
    layout: "base.njk",
  };
  const name = `${terms.action.file_prefix}-${terms.subject.slug}-${terms.platform.slug}-legacy-${index}.md`;
  return { name, text: `---\n${stringify(front, { lineWidth: 0 })}---\n${body}` };
}

/** Writes `count` structured guides and as many legacy-form guides into `folder`; returns the file names. */
export function generateGuides(registry: TaxonomyRegistry, folder: string, count: number): { structured: string[]; legacy: string[] } {
  mkdirSync(folder, { recursive: true });
  const write = (guide: { name: string; text: string }) => {
    writeFileSync(path.join(folder, guide.name), guide.text);
    return guide.name;
  };
  return {
    structured: Array.from({ length: count }, (_, index) => write(structuredGuide(registry, index))),
    legacy: Array.from({ length: count }, (_, index) => write(legacyGuide(registry, index))),
  };
}
