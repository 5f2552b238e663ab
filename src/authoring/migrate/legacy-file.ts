import path from "node:path";
import { guideUrl } from "../../content/guide.ts";
import { renderLegacyBody } from "../../content/legacy-body.ts";
import type { SiteSettings } from "../../site-settings.ts";
import { quote, type ReportLine } from "./report.ts";
import { plural } from "../../text/plural.ts";

/**
 * The legacy file around its HTML: text pasted before the front matter, a code fence wrapped around the whole
 * file, the front matter itself, and the body's Liquid, which the site renders before anyone sees the HTML.
 */

const openingFence = /^\s*(```|~~~)[\w+-]*\s*$/;
const closingFence = /^\s*(```|~~~)\s*$/;

export interface LegacyParts {
  frontMatter: string;
  body: string;
  /** Text found outside the guide (before the front matter or after a closing fence), kept verbatim. */
  strays: string[];
}

/**
 * Finds the front matter even when something was pasted before it, and unwraps a code fence that a chat
 * tool or an editor put around the whole file: the legacy site published such files with the fence showing.
 * A string is the problem with the front matter when it cannot be found.
 */
export function splitLegacyFile(text: string, report: ReportLine[]): LegacyParts | string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const open = lines.findIndex((line) => line.trim() === "---");
  if (open === -1) return "is missing: a legacy guide starts with its fields between two --- lines";
  const close = lines.findIndex((line, index) => index > open && line.trim() === "---");
  if (close === -1) return "is not closed: add a --- line after the last field";

  const strays: string[] = [];
  const before = lines.slice(0, open);
  const fenced = before.some((line) => openingFence.test(line));
  const preamble = before
    .filter((line) => !openingFence.test(line))
    .join("\n")
    .trim();
  if (before.some((line) => line.trim() !== "")) {
    report.push({ kind: "fixed", message: `removed ${plural(before.length, "line")} before the front matter, so the file starts with it` });
  }
  if (preamble !== "") {
    strays.push(preamble);
    report.push({ kind: "kept", message: `the text before the front matter: ${quote(preamble)}` });
  }

  let body = lines.slice(close + 1);
  if (fenced) {
    const end = body.findLastIndex((line) => closingFence.test(line));
    if (end !== -1) {
      const after = body
        .slice(end + 1)
        .join("\n")
        .trim();
      if (after !== "") {
        strays.push(after);
        report.push({ kind: "kept", message: `the text after the closing code fence: ${quote(after)}` });
      }
      body = body.slice(0, end);
    }
    report.push({ kind: "fixed", message: "unwrapped the code fence around the whole file" });
  }
  return { frontMatter: lines.slice(open + 1, close).join("\n"), body: body.join("\n"), strays };
}

/**
 * Legacy bodies are Liquid templates (`{{ title }}`, tag links built with filters). A structured body
 * is never a template, so the body is rendered first, by the engine that renders it on the site today.
 */
export function renderLegacyLiquid(
  body: string,
  data: Record<string, unknown>,
  fileName: string,
  site: SiteSettings,
  report: ReportLine[],
): string {
  const slug = path.basename(fileName, ".md");
  const rendered = renderLegacyBody(body, { frontMatter: data, url: guideUrl(slug), slug, site });
  for (const problem of rendered.problems) {
    report.push({
      kind: "warning",
      message: `body line ${problem.line}: ${problem.message}; the body is migrated as written, so this Liquid will show as text`,
    });
  }
  return rendered.html ?? body;
}
