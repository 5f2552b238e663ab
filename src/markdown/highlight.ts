import type { LanguageFn } from "highlight.js";
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import ini from "highlight.js/lib/languages/ini";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import plaintext from "highlight.js/lib/languages/plaintext";
import powershell from "highlight.js/lib/languages/powershell";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import { placeholderOccurrences } from "../commands/placeholders.ts";
import { escapeMarkup } from "../text/escape.ts";

// Only the languages guides use are registered, which keeps the build fast and the output predictable.
const languages = { bash, dockerfile, ini, javascript, json, plaintext, powershell, python, sql, typescript, xml, yaml };
// The language modules are plain JavaScript, so TypeScript infers shapes narrower than LanguageFn.
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language as LanguageFn);
hljs.registerAliases(["shell", "sh", "console", "zsh"], { languageName: "bash" });
// highlight.js ships no grammar for Kusto (KQL): its queries are shown as written, labelled kql.
hljs.registerAliases(["hcl", "terraform", "kql", "kusto", "text", "txt"], { languageName: "plaintext" });

/** Whether a command's language is one the site knows, by name or alias (hcl and kql are shown as plain text). */
export function knowsLanguage(language: string): boolean {
  return hljs.getLanguage(language) !== undefined;
}

/** Highlighted, HTML-escaped markup for a code block; code in a language we do not know is escaped only. */
export function highlightCode(code: string, language: string): string {
  const known = knowsLanguage(language) ? language : "plaintext";
  return hljs.highlight(code, { language: known, ignoreIllegals: true }).value || escapeMarkup(code);
}

/** Unicode's private-use area: characters no command means anything by, which stand in for placeholders while highlighting. */
const firstSentinel = 0xe000;
const sentinel = /[\ue000-\uf8ff]/;
const sentinelCount = 0xf8ff - firstSentinel + 1;

/**
 * A command's highlighted markup with each placeholder (src/commands/placeholders.ts) marked as
 * `<span class="placeholder" data-placeholder="name">`, which the page's values panel fills. highlight.js
 * would escape a placeholder's brackets and could split it across tokens, so each placeholder is swapped
 * for a private-use character before highlighting, one per name, and swapped back after. The text stays
 * the command's own; a command that already holds private-use characters is highlighted unmarked.
 */
export function highlightCommand(code: string, language: string): string {
  const occurrences = placeholderOccurrences(code);
  const names = [...new Set(occurrences.map((occurrence) => occurrence.name))];
  if (names.length === 0 || names.length > sentinelCount || sentinel.test(code)) return highlightCode(code, language);
  let swapped = "";
  let copied = 0;
  for (const { name, start, end } of occurrences) {
    swapped += code.slice(copied, start) + String.fromCharCode(firstSentinel + names.indexOf(name));
    copied = end;
  }
  return highlightCode(swapped + code.slice(copied), language).replace(new RegExp(sentinel, "g"), (character) => {
    const name = names[character.charCodeAt(0) - firstSentinel] ?? "";
    return `<span class="placeholder" data-placeholder="${escapeMarkup(name)}">${escapeMarkup(`<${name}>`)}</span>`;
  });
}
