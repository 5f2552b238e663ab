import type { FrontMatter } from "./front-matter.ts";
import { isPublished, type Guide, type GuideSource } from "./guide.ts";
import { guideLinks, missingGuideLink } from "./guide-links.ts";
import { placeholderMistakes } from "../commands/placeholders.ts";
import type { Problem } from "../messages/problems.ts";
import { parseFieldPath } from "../messages/yaml-lines.ts";
import { recommendedSections, requiredSections, reviewedFix } from "./schema.ts";
import { standInIsPublished, standInMessage, standInsLeft, stringsIn } from "./stand-ins.ts";

/** A guide whose `reviewed` date is older than this deserves a fresh look from an expert. */
export const reviewAgeLimitDays = 180;

const dayMs = 24 * 60 * 60 * 1000;

/** Where a command's code sits in a guide's front matter. */
const commandCodeField = /^steps\[\d+\]\.commands\[\d+\]\.code$/;

/** One warning for each distinct text in the code that reads as a placeholder but breaks the rule (src/commands/placeholders.ts). */
function placeholderMistakeMessages(code: string): string[] {
  const mistakes = new Map(placeholderMistakes(code).map((mistake) => [mistake.text, mistake.suggestion]));
  return [...mistakes].map(
    ([text, suggestion]) =>
      `"${text}" reads as a placeholder but is not one (lower-case words joined by hyphens, in angle brackets), so the page cannot fill in the reader's value: write ${suggestion}`,
  );
}

/**
 * What `npm run check` warns about without failing: stale reviews, sections and a review date not written
 * yet, stand-ins of the scaffold no reader sees yet, text in commands meant as a placeholder that breaks
 * the rule, migrated HTML left to sort out, and links to guides that do not exist from a legacy guide or one not yet published (a
 * published structured guide's are errors: see collectGuides).
 */
export function reviewGuides(
  read: { source: GuideSource; guide: Guide; frontMatter: FrontMatter }[],
  knownSlugs: ReadonlySet<string>,
  today: Date,
): Problem[] {
  const warnings: Problem[] = [];
  for (const { source, guide, frontMatter } of read) {
    const warn = (field: string, message: string, line = frontMatter.lineOf(parseFieldPath(field))) =>
      warnings.push({ file: source.displayPath, line, field, message });

    if (guide.reviewed) {
      const age = Math.floor((today.getTime() - Date.parse(`${guide.reviewed}T00:00:00Z`)) / dayMs);
      if (age > reviewAgeLimitDays) {
        warn(
          "reviewed",
          `is ${age} days old (${guide.reviewed}): have an expert check the guide against current documentation, then update the date`,
        );
      }
    }
    if (guide.format === "structured") {
      const data = frontMatter.data;
      const sections = guide.status === "published" ? recommendedSections : { ...requiredSections, ...recommendedSections };
      for (const [field, fix] of Object.entries(sections)) {
        if (data[field] === undefined || data[field] === null) {
          warn(field, guide.status === "published" ? `is missing: ${fix}` : `is not written yet, and publishing needs it: ${fix}`);
        }
      }
      if (guide.status !== "published" && guide.reviewed === undefined)
        warn("reviewed", `is not written yet, and publishing needs it: ${reviewedFix}`);
      // Those a reader would see are errors (see readGuide), so the guide is not here.
      for (const standIn of standInsLeft(frontMatter)) {
        if (!standInIsPublished(guide.status, standIn.field)) warn(standIn.field, standInMessage(standIn, "warning"), standIn.line);
      }
      for (const [field, text] of stringsIn(data, "")) {
        if (commandCodeField.test(field)) for (const message of placeholderMistakeMessages(text)) warn(field, message);
      }
      if (guide.legacy_content)
        warn("legacy_content", "holds HTML the migration could not map: move it into the sections above, then delete the field");
    }
    // A published structured guide's broken links are errors (collectGuides); the others are warned of.
    if (!isPublished(guide) || guide.format === "legacy") {
      for (const { field, slug } of guideLinks(guide)) {
        if (!knownSlugs.has(slug)) warn(field, missingGuideLink(slug));
      }
    }
  }
  return warnings;
}
