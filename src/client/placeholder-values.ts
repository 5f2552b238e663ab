// The "Your values" panel: what the reader types for a placeholder replaces it in every command on the
// page, on screen and in what the copy buttons copy. A value is only ever set as text, never as markup.
import { announce } from "./announce.ts";
import { forgetPlaceholderValues, storedPlaceholderValues, storePlaceholderValue } from "./placeholder-storage.ts";

/** What the build marks each placeholder in a command with (src/markdown/highlight.ts). */
const placeholderMark = "[data-placeholder]";
const copyNoticeMark = "data-copy-notice";

function show(mark: HTMLElement, value: string): void {
  mark.textContent = value || `<${mark.dataset.placeholder ?? ""}>`;
  mark.toggleAttribute("data-filled", value !== "");
}

function fill(name: string, value: string): void {
  for (const mark of document.querySelectorAll<HTMLElement>(placeholderMark)) {
    if (mark.dataset.placeholder === name) show(mark, value);
  }
}

function unfilledMessage(names: string[]): string {
  const [count, pronoun] = names.length === 1 ? ["1 placeholder", "it"] : [`${names.length} placeholders`, "them"];
  const list = names.map((name) => `<${name}>`).join(", ");
  return `Copied as written, with ${count} left to fill: ${list}. Type ${pronoun} under Your values, or replace ${pronoun} after pasting.`;
}

/**
 * The notice under a command with placeholders, a polite live region, for its copy button: after a
 * copy, `tellUnfilled` says how many placeholders the copy still held, and whether there were any.
 */
export function placeholderCopyNotice(code: Element): { element: HTMLElement; tellUnfilled(): boolean } | undefined {
  if (!code.querySelector(placeholderMark)) return undefined;
  const element = document.createElement("p");
  element.className = "copy-notice";
  element.setAttribute("role", "status");
  element.setAttribute(copyNoticeMark, "");
  return {
    element,
    tellUnfilled: () => {
      const marks = code.querySelectorAll<HTMLElement>(`${placeholderMark}:not([data-filled])`);
      const names = [...new Set([...marks].map((mark) => mark.dataset.placeholder ?? ""))];
      element.textContent = names.length > 0 ? unfilledMessage(names) : "";
      return names.length > 0;
    },
  };
}

export function setUpPlaceholderValues(): void {
  const panel = document.querySelector<HTMLElement>("[data-placeholder-values]");
  if (!panel) return;
  const inputs = panel.querySelectorAll<HTMLInputElement>("[data-placeholder-input]");
  const stored = storedPlaceholderValues();
  for (const input of inputs) {
    const name = input.dataset.placeholderInput ?? "";
    input.value = stored.get(name) ?? "";
    fill(name, input.value);
    input.addEventListener("input", () => {
      fill(name, input.value);
      storePlaceholderValue(name, input.value);
      // A notice counted what was left to fill when its block was copied; that count is out of date now.
      for (const notice of document.querySelectorAll(`[${copyNoticeMark}]`)) notice.textContent = "";
    });
  }
  panel.querySelector("[data-placeholder-values-clear]")?.addEventListener("click", () => {
    forgetPlaceholderValues();
    for (const input of inputs) {
      input.value = "";
      fill(input.dataset.placeholderInput ?? "", "");
    }
    announce("Values cleared: the commands show their placeholders again");
  });
  panel.hidden = false;
}
