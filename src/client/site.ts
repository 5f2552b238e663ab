// Comforts added on top of pages that work without JavaScript.
import { announce } from "./announce.ts";
import { setUpWrapButtons } from "./code-blocks.ts";
import { setUpConsent } from "./consent.ts";
import "./contents.ts";
import { placeholderCopyNotice, setUpPlaceholderValues } from "./placeholder-values.ts";
/** A copy button on every code block; it copies the code only, never the label or the prompt. */
function setUpCopyButtons(): void {
  for (const block of document.querySelectorAll<HTMLPreElement>("pre:has(> code)")) {
    const code = block.querySelector("code");
    if (!code) continue;
    // A block wider than the page scrolls sideways; keyboard readers need to be able to focus it to scroll.
    block.tabIndex = 0;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    // Several blocks can share a step; the layout names each block's button so they can be told apart.
    button.setAttribute("aria-label", block.dataset.copyLabel ?? "Copy command to clipboard");
    const notice = placeholderCopyNotice(code);
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(code.textContent ?? "").then(
        () => {
          button.textContent = "Copied";
          if (!notice?.tellUnfilled()) announce("Copied to the clipboard");
          setTimeout(() => (button.textContent = "Copy"), 2000);
        },
        () => announce("Copying failed: select the text and copy it by hand"),
      );
    });
    const wrapper = document.createElement("div");
    wrapper.className = "code-wrapper";
    block.replaceWith(wrapper);
    wrapper.append(block, button);
    if (notice) wrapper.after(notice.element);
  }
}

/**
 * Guide lists carry filter links to the platform and action pages, which work without JavaScript.
 * Here they become toggle buttons that filter the list in place.
 */
function setUpListFilters(): void {
  for (const bar of document.querySelectorAll<HTMLElement>("[data-filter-bar]")) {
    const list = document.getElementById(bar.dataset.filterBar ?? "");
    if (!list) continue;
    const active: Record<string, string | undefined> = {};
    const status = bar.querySelector<HTMLElement>("[data-filter-status]");
    const apply = () => {
      let shown = 0;
      const cards = list.querySelectorAll<HTMLElement>("[data-action][data-platform]");
      for (const card of cards) {
        const visible = Object.entries(active).every(([facet, value]) => !value || card.dataset[facet] === value);
        card.hidden = !visible;
        if (visible) shown++;
      }
      for (const section of list.querySelectorAll<HTMLElement>("[data-filter-section]")) {
        section.hidden = section.querySelector("[data-action]:not([hidden])") === null;
      }
      if (status) status.textContent = shown === cards.length ? "" : `Showing ${shown} of ${cards.length} guides`;
    };
    for (const link of bar.querySelectorAll<HTMLAnchorElement>("a[data-facet]")) {
      const facet = link.dataset.facet ?? "";
      const value = link.dataset.value ?? "";
      const button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.textContent = link.textContent;
      button.dataset.facet = facet;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", () => {
        active[facet] = active[facet] === value ? undefined : value;
        for (const other of bar.querySelectorAll<HTMLButtonElement>(`button[data-facet="${facet}"]`)) {
          other.setAttribute("aria-pressed", String(other === button && active[facet] === value));
        }
        apply();
      });
      link.replaceWith(button);
    }
    bar.classList.add("filters--enhanced");
  }
}

setUpCopyButtons();
setUpWrapButtons();
setUpPlaceholderValues();
setUpListFilters();
setUpConsent();
