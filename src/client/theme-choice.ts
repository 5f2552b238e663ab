/** The reader's theme choice, kept in localStorage; absent means "follow the operating system". */
import { announce } from "./announce.ts";

export type Theme = "light" | "dark";
/** What the header's theme control offers: a fixed theme, or "system" to follow the operating system. */
export type ThemeChoice = Theme | "system";

const storageKey = "dspm-guides-theme";
const darkScheme = "(prefers-color-scheme: dark)";

export function storedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value === "light" || value === "dark" ? value : undefined;
  } catch {
    // Storage can be blocked (private modes, strict settings); the OS setting then applies.
    return undefined;
  }
}

/** Keeps a theme, or with none forgets the choice so the page follows the OS setting again. */
export function storeTheme(theme: Theme | undefined): void {
  try {
    if (theme) localStorage.setItem(storageKey, theme);
    else localStorage.removeItem(storageKey);
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

export function applyTheme(theme: Theme | undefined): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function systemTheme(): Theme {
  return matchMedia(darkScheme).matches ? "dark" : "light";
}

/**
 * The choice a press of the control moves to. From "system" it goes to the theme the OS does not give,
 * so every press but the one back to "system" changes what the reader sees.
 */
export function nextThemeChoice(choice: ThemeChoice, system: Theme): ThemeChoice {
  if (choice === "system") return system === "dark" ? "light" : "dark";
  return choice === system ? "system" : system;
}

/**
 * The header's theme control: one button that names the current choice and, to screen readers, what a
 * press chooses. It is hidden in the page's HTML, since without JavaScript the OS setting is all that applies.
 */
export function setUpThemeControl(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-theme-control]");
  const state = button?.querySelector("[data-theme-state]");
  if (!button || !state) return;
  // Held here as well as in storage, so the control still cycles where storage is blocked.
  let choice: ThemeChoice = storedTheme() ?? "system";
  const show = () => {
    state.textContent = choice;
    // The name starts with the visible label, so speech input ("click Theme") still finds the button.
    button.setAttribute("aria-label", `Theme: ${choice}, switch to ${nextThemeChoice(choice, systemTheme())}`);
  };
  button.addEventListener("click", () => {
    choice = nextThemeChoice(choice, systemTheme());
    const theme = choice === "system" ? undefined : choice;
    storeTheme(theme);
    applyTheme(theme);
    show();
    announce(`Theme: ${choice}`);
  });
  // Under "system" the stylesheet follows the OS by itself; only the control's next step changes.
  matchMedia(darkScheme).addEventListener("change", show);
  show();
  button.hidden = false;
}
