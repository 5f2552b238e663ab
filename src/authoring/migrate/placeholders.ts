import { codeTextElementNames, htmlElementNames } from "../../text/html-elements.ts";

/**
 * Legacy guides wrote placeholders such as `snowsql -a <account_identifier>` without escaping them. An HTML
 * parser takes them for elements: the placeholder vanishes, and an element that is never closed swallows
 * the rest of the page. Such tags are escaped before parsing, so they read as the text the author meant.
 */

export interface PlaceholderRepair {
  html: string;
  /** Tags escaped because no HTML element has their name, e.g. `<account_identifier>`, in order of appearance. */
  unknownNames: string[];
  /** Tags inside code escaped because they name an element that is never closed there, e.g. `<table>`. */
  elementNamesInCode: string[];
}

/**
 * What the parser takes for markup: a comment, or a tag with a name and attributes (quoted values may hold
 * `<` and `>`). The name allows more than HTML does: escaping text that is no tag changes nothing a reader sees.
 */
const markup = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][^\s/<>"'=]*)((?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?)\/?>/g;
/** Elements whose content the parser reads as raw text (see the parse options in migrate/sections.ts). */
const rawTextElements = new Set(["script", "style"]);
/** In SVG and MathML any name is an element. */
const foreignElements = new Set(["svg", "math"]);
const codeElements = new Set(["pre", "code", "kbd", "samp", "tt"]);

export function keepPlaceholdersAsText(html: string): PlaceholderRepair {
  const unknownNames = new Set<string>();
  const elementNamesInCode = new Set<string>();
  let repaired = "";
  let copied = 0;
  // Where the code, and the SVG or MathML, that the scan is in ends; 0 until it enters one.
  let codeEnd = 0;
  let foreignEnd = 0;
  markup.lastIndex = 0;
  for (let match = markup.exec(html); match; match = markup.exec(html)) {
    const [tag, closing, rawName, attributes] = match;
    if (rawName === undefined || match.index < foreignEnd) continue;
    const name = rawName.toLowerCase();
    const end = match.index + tag.length;
    let placeholders: Set<string> | undefined;
    if (!htmlElementNames.has(name)) placeholders = unknownNames;
    else if (!closing && match.index < codeEnd && isPlaceholderInCode(html, name, attributes ?? "", end, codeEnd))
      placeholders = elementNamesInCode;

    if (placeholders) {
      placeholders.add(tag);
      repaired += html.slice(copied, match.index) + tag.replace(/</g, "&lt;").replace(/>/g, "&gt;");
      copied = end;
    } else if (!closing && rawTextElements.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, end);
      markup.lastIndex = close === -1 ? html.length : close;
    } else if (!closing && foreignElements.has(name)) {
      foreignEnd = closeOf(html, name, end).end;
    } else if (!closing && isCodeContainer(name, attributes ?? "")) {
      codeEnd = Math.max(codeEnd, closeOf(html, name, end).start);
    }
  }
  return { html: repaired + html.slice(copied), unknownNames: [...unknownNames], elementNamesInCode: [...elementNamesInCode] };
}

/** The repair as the migration report says it: one sentence for each kind of placeholder escaped. */
export function describeRepair(repair: PlaceholderRepair): string[] {
  const list = (tags: string[]) => tags.map((tag) => `"${tag}"`).join(", ");
  return [
    ...(repair.unknownNames.length > 0
      ? [
          `placeholders the legacy HTML left unescaped (browsers hid them as unknown elements) are kept as text: ${list(repair.unknownNames)}`,
        ]
      : []),
    ...(repair.elementNamesInCode.length > 0
      ? [`placeholders in code named like HTML elements, but never closed there, are kept as text: ${list(repair.elementNamesInCode)}`]
      : []),
  ];
}

/** A start tag without attributes for an element that does not style code text, and that the code never closes. */
function isPlaceholderInCode(html: string, name: string, attributes: string, from: number, codeEnd: number): boolean {
  if (codeTextElementNames.has(name) || attributes.trim() !== "") return false;
  return !new RegExp(`</${name}\\s*>`, "i").test(html.slice(from, codeEnd));
}

/** The legacy pages mark command blocks with the class code-block; highlighters add language-x or lang-x. */
function isCodeContainer(name: string, attributes: string): boolean {
  if (codeElements.has(name)) return true;
  const classes = /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const names = (classes?.[1] ?? classes?.[2] ?? classes?.[3] ?? "").split(/\s+/);
  return names.some((className) => className === "code-block" || /^(?:language|lang)-/.test(className));
}

/** Where the element opened just before `from` is closed, counting elements of the same name nested in it. */
function closeOf(html: string, name: string, from: number): { start: number; end: number } {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return { start: html.length, end: html.length };
}
