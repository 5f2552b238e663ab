import type { NextStep } from "../catalog/catalog.ts";
import type { Guide } from "../content/guide.ts";
import type { EleventyConfig } from "../eleventy-types.ts";

/** A section of a structured guide's page, as its table of contents lists it. */
export interface GuideSection {
  /** The id of the section's heading in `layouts/partials/guide/`. */
  id: string;
  label: string;
}

/** Every section a structured guide's page can have, in page order, with when it appears. */
const sections: (GuideSection & { shown?: (guide: Guide, nextSteps: NextStep[]) => boolean })[] = [
  { id: "why-it-matters", label: "Why it matters" },
  { id: "prerequisites", label: "Prerequisites" },
  { id: "steps", label: "Step-by-step guide" },
  { id: "architecture", label: "Architecture & workflow" },
  { id: "best-practices", label: "Best practices & tips" },
  { id: "legacy-content", label: "Kept from the legacy guide", shown: (guide) => guide.legacy_content !== undefined },
  { id: "references", label: "References" },
  { id: "next-steps", label: "Next steps", shown: (_guide, nextSteps) => nextSteps.length > 0 },
];

/** The sections of this guide's page, for its table of contents. */
export function guideSections(guide: Guide, nextSteps: NextStep[] = []): GuideSection[] {
  return sections.filter((section) => section.shown?.(guide, nextSteps) ?? true).map(({ id, label }) => ({ id, label }));
}

export function registerGuideSections(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("guideSections", (guide: Guide | undefined, nextSteps: NextStep[] | undefined) =>
    guide ? guideSections(guide, nextSteps) : [],
  );
}
