import type { Guide } from "../content/guide.ts";
import type { NextStep } from "./catalog.ts";

/** A section of a structured guide's page: its heading's id, the heading, and how the table of contents names it. */
export interface GuideSection {
  id: string;
  heading: string;
  label: string;
}

/**
 * Every section a structured guide's page can have, in page order, with when it appears. The page's
 * partials (`layouts/partials/guide/`) and the guide's markdown copy both follow it.
 */
const sections: (GuideSection & { shown?: (guide: Guide, nextSteps: readonly NextStep[]) => boolean })[] = [
  { id: "why-it-matters", heading: "Why it matters", label: "Why it matters" },
  { id: "prerequisites", heading: "Prerequisites", label: "Prerequisites" },
  { id: "steps", heading: "Step-by-step guide", label: "Step-by-step guide" },
  { id: "architecture", heading: "Architecture & workflow", label: "Architecture & workflow" },
  { id: "best-practices", heading: "Best practices & tips", label: "Best practices & tips" },
  {
    id: "legacy-content",
    heading: "Kept from the legacy guide",
    label: "Kept from the legacy guide",
    shown: (guide) => guide.legacy_content !== undefined,
  },
  { id: "references", heading: "References & further reading", label: "References" },
  { id: "next-steps", heading: "Next steps", label: "Next steps", shown: (_guide, nextSteps) => nextSteps.length > 0 },
];

/** The sections of this guide's page, in order. */
export function guideSections(guide: Guide, nextSteps: readonly NextStep[] = []): GuideSection[] {
  return sections.filter((section) => section.shown?.(guide, nextSteps) ?? true).map(({ id, heading, label }) => ({ id, heading, label }));
}

/** The heading of a section, by id. */
export function sectionHeading(id: string): string {
  const section = sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`no guide section "${id}"`);
  return section.heading;
}
