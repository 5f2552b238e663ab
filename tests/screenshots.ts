// Takes screenshots of a built site at phone and desktop widths, light and dark:
// `npx tsx tests/screenshots.ts [site folder] [url…]`. Output: test-results/screenshots/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../src/bench/chromium.ts";
import { serveSite } from "../src/bench/static-server.ts";

const [siteFolder = "_site", ...urls] = process.argv.slice(2);
const pages = urls.length > 0 ? urls : ["/"];
const outDir = path.resolve("test-results", "screenshots");
mkdirSync(outDir, { recursive: true });

const server = await serveSite(path.resolve(siteFolder));
const browser = await launchChromium();
try {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(server.url + url);
        // The search page draws its results after load: wait until it says what it found.
        await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent !== "", undefined, {
          timeout: 15_000,
        });
        await page.waitForLoadState("networkidle");
        const name = `${url.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}-${colorScheme}`;
        await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
        // A tall page shrinks to illegibility as one image; slices keep it at real size.
        const height = await page.evaluate<number>("document.documentElement.scrollHeight");
        for (let top = 0, slice = 1; top < height; top += 1200, slice++) {
          const clip = { x: 0, y: top, width, height: Math.min(1200, height - top) };
          await page.screenshot({ path: path.join(outDir, `${name}.part${slice}.png`), fullPage: true, clip });
        }
        console.log(name);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
