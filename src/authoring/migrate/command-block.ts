import { HTMLElement, NodeType, type Node } from "node-html-parser";
import { languageOfLabel, type LanguageHints } from "./command-language.ts";

/**
 * Finds the command of a legacy step in the shapes legacy pages wrote it: a `.code-block` or `<pre>`, possibly
 * inside wrappers, possibly after or around a label naming its language ("SQL", "PowerShell").
 */

export interface CommandBlock {
  /** The command as a reader would paste it. */
  code: string;
  /** What the HTML says about its language: classes and data attributes of the block and its wrappers, its labels. */
  hints: Required<LanguageHints>;
}

/** The element legacy pages hold a command in. */
export function isCodeBlock(element: HTMLElement): boolean {
  return element.classList.contains("code-block") || element.localName === "pre";
}

/** An element that names a language and holds nothing else, e.g. `<div class="code-label">SQL</div>`. */
export function isLanguageLabel(element: HTMLElement | undefined): element is HTMLElement {
  return (
    element !== undefined &&
    !element.querySelector("pre, .code-block") &&
    !isCodeBlock(element) &&
    languageOfLabel(element.text) !== undefined
  );
}

/**
 * The command block an element is: a code block, or a wrapper holding one code block and only labels besides.
 * `labelBefore` is a label the element follows directly, which names its language too.
 */
export function commandBlockOf(element: HTMLElement | undefined, labelBefore?: HTMLElement): CommandBlock | undefined {
  const parts = element && blockParts(element);
  if (!parts) return undefined;
  const described = [...parts.wrappers, parts.code, ...parts.code.querySelectorAll("code")];
  return {
    code: tidyCode(codeText(parts.code)),
    hints: {
      attributes: described.flatMap((candidate) => ["data-language", "data-lang"].flatMap((name) => candidate.getAttribute(name) ?? [])),
      classes: described.flatMap((candidate) => candidate.classList.value),
      labels: [...(isLanguageLabel(labelBefore) ? [labelBefore] : []), ...parts.labels].map((label) => label.text.trim()),
    },
  };
}

interface BlockParts {
  code: HTMLElement;
  labels: HTMLElement[];
  wrappers: HTMLElement[];
}

function blockParts(element: HTMLElement): BlockParts | undefined {
  if (isCodeBlock(element) && !element.querySelector("pre, .code-block")) return { code: element, labels: [], wrappers: [] };
  // Loose text beside the code would be lost with the wrapper.
  if (element.childNodes.some((node) => node.nodeType === NodeType.TEXT_NODE && node.text.trim() !== "")) return undefined;
  const children = element.childNodes.filter((node): node is HTMLElement => node instanceof HTMLElement);
  const labels = children.filter((child) => isLanguageLabel(child));
  const content = children.filter((child) => !labels.includes(child));
  const inner = content.length === 1 ? blockParts(content[0]!) : undefined;
  if (!inner) return undefined;
  return { code: inner.code, labels: [...labels, ...inner.labels], wrappers: [element, ...inner.wrappers] };
}

/** Elements that hold a line of a command when a legacy page wrote one element a line. */
const lineElements = new Set(["div", "p", "li"]);

/** The text of a code element as a browser shows it: `<br>` ends a line, and so does an element that holds one. */
function codeText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  if (!(node instanceof HTMLElement)) return "";
  if (node.localName === "br") return "\n";
  const lines: string[] = [];
  let lineOpen = false;
  for (const child of node.childNodes) {
    const text = codeText(child);
    if (child instanceof HTMLElement && lineElements.has(child.localName)) {
      lines.push(text);
      lineOpen = false;
    } else if (lineOpen) {
      lines[lines.length - 1] += text;
    } else if (text.trim() !== "" || lines.length === 0) {
      lines.push(text);
      lineOpen = true;
    }
  }
  return lines.join("\n");
}

/** A command as a reader would paste it: no indentation from the surrounding HTML, no blank edges. */
function tidyCode(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+$/, ""));
  while (lines[0] === "") lines.shift();
  while (lines.at(-1) === "") lines.pop();
  const indent = Math.min(...lines.filter((line) => line !== "").map((line) => /^[ \t]*/.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}
