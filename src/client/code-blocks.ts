// A "Wrap lines" button beside each code block's copy button: long commands wrap instead of scrolling
// sideways, on every block of the page and, through localStorage, on every page after it.

const storageKey = "dspm-guides-wrap-code";

function storedWrap(): boolean {
  try {
    return localStorage.getItem(storageKey) === "wrap";
  } catch {
    // Storage can be blocked (private modes, strict settings): blocks then start unwrapped.
    return false;
  }
}

function storeWrap(wrap: boolean): void {
  try {
    if (wrap) localStorage.setItem(storageKey, "wrap");
    else localStorage.removeItem(storageKey);
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

function showWrap(wrap: boolean): void {
  document.documentElement.toggleAttribute("data-wrap-code", wrap);
  for (const button of document.querySelectorAll("[data-wrap-toggle]")) button.setAttribute("aria-pressed", String(wrap));
}

/** Run after the copy buttons are in place: the wrap button joins each block's copy button. */
export function setUpWrapButtons(): void {
  const wrappers = document.querySelectorAll<HTMLElement>(".code-wrapper");
  if (wrappers.length === 0) return;
  let wrap = storedWrap();
  for (const wrapper of wrappers) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "code-button";
    button.textContent = "Wrap lines";
    button.dataset.wrapToggle = "";
    button.addEventListener("click", () => {
      // Wrapping changes the height of every block above this one: keep this one where the reader sees it.
      const top = button.getBoundingClientRect().top;
      wrap = !wrap;
      storeWrap(wrap);
      showWrap(wrap);
      window.scrollBy(0, button.getBoundingClientRect().top - top);
    });
    const tools = document.createElement("div");
    tools.className = "code-tools";
    tools.append(button, ...wrapper.querySelectorAll(":scope > .copy-button"));
    wrapper.append(tools);
  }
  showWrap(wrap);
}
