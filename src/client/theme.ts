// Runs in <head> before the page paints, so a reader who chose a theme never sees the other one flash.
import { applyTheme, setUpThemeControl, storedTheme } from "./theme-choice.ts";

applyTheme(storedTheme());
document.addEventListener("DOMContentLoaded", setUpThemeControl, { once: true });
