import { stringify } from "yaml";
import type { Guide } from "../content/guide.ts";
import { guideFileName } from "../content/file-name.ts";
import { exampleControlId, exampleReferenceUrl, placeholderPrefix } from "../content/stand-ins.ts";
import type { ActionTerm, RegulationTerm, Term } from "../taxonomy/registry.ts";

export interface ScaffoldChoices {
  action: ActionTerm;
  platform: Term;
  subject: Term;
  risk: Term;
  regulation: RegulationTerm;
  title?: string;
}

const titleVerbs: Record<string, string> = { detect: "Find exposed", prevent: "Prevent exposure of", fix: "Fix exposed" };

const todo = (what: string) => `${placeholderPrefix}: ${what}`;

// Another framework's number would mislead: a HIPAA guide must not be shown a PCI DSS requirement.
const exampleControlIdFor = ({ example_control }: RegulationTerm) =>
  example_control === undefined ? exampleControlId : `${exampleControlId}, e.g. ${example_control}`;

/**
 * The risk and regulation most guides on the same subject use, so a new guide starts consistent with
 * its siblings; undefined when no guide covers the subject yet.
 */
export function siblingDefaults(guides: Guide[], subject: Term): { risk?: Term; regulation?: RegulationTerm } {
  const mostCommon = <T extends Term>(terms: T[]): T | undefined => {
    const counts = new Map<T, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].slug.localeCompare(b[0].slug))[0]?.[0];
  };
  const siblings = guides.filter((guide) => guide.subject === subject);
  return {
    risk: mostCommon(siblings.map((guide) => guide.risk)),
    regulation: mostCommon(siblings.flatMap((guide) => guide.regulation.slice(0, 1))),
  };
}

/** The title a new guide gets unless the author gives one: "Fix exposed PII in GCP". */
export function suggestedTitle(action: ActionTerm, subject: Term, platform: Term): string {
  return `${titleVerbs[action.slug] ?? action.label} ${subject.label} in ${platform.label}`;
}

/**
 * A new guide with every section stubbed: it validates and builds as a draft, and `npm run check`
 * lists each placeholder until it is replaced.
 */
export function scaffoldGuide(choices: ScaffoldChoices): { fileName: string; text: string } {
  const { action, platform, subject, risk, regulation } = choices;
  const title = choices.title ?? suggestedTitle(action, subject, platform);
  const frontMatter = {
    title,
    description: todo(`one or two sentences on what the reader will achieve (shown under the title and in lists)`),
    platform: platform.slug,
    risk: risk.label,
    regulation: [regulation.label],
    difficulty: "intermediate",
    status: "draft",
    order: 0,
    tags: [],
    primary_risk: todo("one line on what goes wrong when this is not done"),
    prerequisites: {
      permissions: [todo("the exact roles or permissions the reader needs")],
      tools: [todo("each CLI or tool, with the version that matters")],
      setup: [todo("what must already be in place")],
    },
    steps: [1, 2, 3, 4].map((number) => ({
      title: todo(`step ${number}, as a short imperative sentence`),
      body: todo("what to do, why, and how to read the result"),
      commands: [
        {
          code: todo("what the reader runs at once, with placeholders such as <resource-name>"),
          language: "bash",
          effect: "reads",
        },
      ],
    })),
    architecture: {
      components: [{ name: todo("a component"), role: todo("its role in one line") }],
      flow: [todo("first stage"), todo("second stage"), todo("third stage"), todo("fourth stage")],
    },
    best_practices: [
      { title: todo("a group of practices"), items: [todo("a practice")] },
      { title: todo("another group"), items: [todo("a practice")] },
      { title: "Common pitfalls", items: [todo("a mistake readers make")], pitfalls: true },
    ],
    controls: [
      { framework: regulation.label, id: exampleControlIdFor(regulation), summary: todo("what the control asks for, in your words") },
    ],
    references: [{ title: todo("primary documentation first"), url: exampleReferenceUrl }],
  };
  const body = `${placeholderPrefix}: the "Why it matters" prose. Two short paragraphs: what is at stake, and what this guide changes.\n`;
  return {
    fileName: guideFileName(action, subject, platform),
    text: `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body}`,
  };
}
