/** The reader's theme choice, kept in localStorage; absent means "follow the operating system". */
export type Theme = "light" | "dark";

const storageKey = "dspm-guides-theme";

export function storedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value === "light" || value === "dark" ? value : undefined;
  } catch {
    // Storage can be blocked (private modes, strict settings); the OS setting then applies.
    return undefined;
  }
}

export function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

export function applyTheme(theme: Theme | undefined): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function effectiveTheme(): Theme {
  return storedTheme() ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}
