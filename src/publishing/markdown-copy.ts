import type { NextStep } from "../catalog/catalog.ts";
import { sectionHeading } from "../catalog/guide-sections.ts";
import type { Guide } from "../content/guide.ts";
import { commandEffectLabels } from "../content/schema.ts";
import { createBodyRenderer, createFieldRenderer } from "../markdown/renderers.ts";
import { absoluteUrl, type SiteSettings } from "../site-settings.ts";
import { inertMarkdown, proseRenderers } from "./inert-markdown.ts";

/** Where a guide's markdown copy is published: beside its page, as `<guide URL>index.md`. */
export const markdownCopyPath = (guide: Guide) => `${guide.url}index.md`;

/**
 * Text from a plain-text field, as markdown that shows it as written: characters markdown would
 * read as syntax are escaped, so `<vault-name>` stays a placeholder, `*` stays a star and `&lt;`
 * is not read as a character reference. A line break would end the line it is written on.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]|&(?=#?\w+;)/g, "\\$&").replace(/[\r\n]+/g, " ");
}

/**
 * An address as a link destination between `<` and `>`. It is written as the URL parser serialises it, the address
 * a browser follows from the page's link, where spaces, `<`, `>` and control characters are percent-encoded, so
 * nothing can end the destination early; a backslash, markdown's escape, is escaped.
 */
function linkDestination(url: string): string {
  return `<${new URL(url).href.replace(/\\/g, "\\\\")}>`;
}

/** The prose of the page, rendered there with HTML off: the body, and step bodies as the fields are. */
const bodyProse = proseRenderers(createBodyRenderer);
const fieldProse = proseRenderers(createFieldRenderer);

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
function fenced(code: string, info: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${code}\n${fence}`;
}

const list = (items: readonly string[]) => items.map((item) => `- ${markdownText(item)}`).join("\n");
const heading = (level: number, text: string) => `${"#".repeat(level)} ${markdownText(text)}`;

/**
 * A published guide as one markdown document, for readers and assistants that take text: the
 * metadata, then every section in the page's order, each command block fenced under its effect, note and warning,
 * references as links. Markdown the author wrote (the body, step prose) is kept as written, except
 * that HTML in it stays text, as on the page; a legacy guide's HTML body is kept as the page shows it
 * (sanitised), which markdown allows.
 */
export function guideMarkdown(guide: Guide, site: SiteSettings, nextSteps: readonly NextStep[]): string {
  const facts = [
    `- Action: ${markdownText(guide.action.label)}`,
    `- Subject: ${markdownText(guide.subject.label)}`,
    `- Platform: ${markdownText(guide.platform.label)}`,
    `- Risk: ${markdownText(guide.risk.label)}`,
    `- Regulations: ${guide.regulation.map((regulation) => markdownText(`${regulation.label} (${regulation.full_name})`)).join("; ")}`,
    `- Difficulty: ${guide.difficulty}`,
    ...(guide.reviewed ? [`- Last reviewed: ${guide.reviewed}`] : []),
    `- Page: ${absoluteUrl(site, guide.url)}`,
  ];
  const parts = [heading(1, guide.title), `> ${markdownText(guide.description)}`, facts.join("\n")];
  if (guide.format === "legacy") {
    parts.push(guide.body.trim());
    return `${parts.join("\n\n")}\n`;
  }

  parts.push(heading(2, sectionHeading("why-it-matters")), inertMarkdown(guide.body.trim(), bodyProse));
  if (guide.primary_risk) parts.push(`**Primary risk:** ${markdownText(guide.primary_risk)}`);
  if (guide.controls) {
    parts.push(
      heading(3, "Controls this guide supports"),
      list(guide.controls.map((control) => `${control.framework.label} ${control.framework.edition} · ${control.id}: ${control.summary}`)),
    );
  }
  if (guide.prerequisites) {
    parts.push(
      heading(2, sectionHeading("prerequisites")),
      heading(3, "Permissions & roles"),
      list(guide.prerequisites.permissions),
      heading(3, "External tools"),
      list(guide.prerequisites.tools),
      heading(3, "Prior setup"),
      list(guide.prerequisites.setup),
    );
  }
  if (guide.steps) {
    parts.push(heading(2, sectionHeading("steps")));
    for (const [index, step] of guide.steps.entries()) {
      parts.push(heading(3, `${index + 1}. ${step.title}`), inertMarkdown(step.body.trim(), fieldProse));
      for (const { code, language, effect, note, warning } of step.commands ?? []) {
        const notes = [note && markdownText(note), warning && `**Warning:** ${markdownText(warning)}`].filter(Boolean);
        parts.push([`*${commandEffectLabels[effect]}.*`, ...notes].join(" "), fenced(code, language));
      }
    }
  }
  if (guide.architecture) {
    parts.push(
      heading(2, sectionHeading("architecture")),
      guide.architecture.components.map((component) => `- **${markdownText(component.name)}**: ${markdownText(component.role)}`).join("\n"),
      `Flow: ${guide.architecture.flow.map(markdownText).join(" → ")}`,
    );
  }
  if (guide.best_practices) {
    parts.push(heading(2, sectionHeading("best-practices")));
    for (const card of guide.best_practices) parts.push(heading(3, card.title), list(card.items));
  }
  if (guide.legacy_content) parts.push(heading(2, sectionHeading("legacy-content")), guide.legacy_content.trim());
  if (guide.references) {
    parts.push(
      heading(2, sectionHeading("references")),
      guide.references.map((reference) => `- [${markdownText(reference.title)}](${linkDestination(reference.url)})`).join("\n"),
    );
  }
  if (nextSteps.length > 0) {
    parts.push(
      heading(2, sectionHeading("next-steps")),
      nextSteps
        .map((step) =>
          step.url
            ? `- ${markdownText(step.action.label)}: [${markdownText(step.title)}](${absoluteUrl(site, step.url)})`
            : `- ${markdownText(step.action.label)}: ${markdownText(step.title)} (coming soon)`,
        )
        .join("\n"),
    );
  }
  return `${parts.join("\n\n")}\n`;
}
