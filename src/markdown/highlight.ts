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
import { escapeMarkup } from "../text/escape.ts";

// Only the languages guides use are registered, which keeps the build fast and the output predictable.
const languages = { bash, dockerfile, ini, javascript, json, plaintext, powershell, python, sql, typescript, xml, yaml };
// The language modules are plain JavaScript, so TypeScript infers shapes narrower than LanguageFn.
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language as LanguageFn);
hljs.registerAliases(["shell", "sh", "console", "zsh"], { languageName: "bash" });
hljs.registerAliases(["hcl", "terraform", "text", "txt"], { languageName: "plaintext" });

/** Whether a command's language is one the site knows, by name or alias (hcl is shown as plain text). */
export function knowsLanguage(language: string): boolean {
  return hljs.getLanguage(language) !== undefined;
}

/** Highlighted, HTML-escaped markup for a code block; code in a language we do not know is escaped only. */
export function highlightCode(code: string, language: string): string {
  const known = knowsLanguage(language) ? language : "plaintext";
  return hljs.highlight(code, { language: known, ignoreIllegals: true }).value || escapeMarkup(code);
}
