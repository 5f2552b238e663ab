import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; .ci/run installs it. Playwright's own browser downloads do not work here. */
export const chromiumPath = "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps dialling Google's hosts on a closed network.
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
