import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

// Read once per test worker, injected into every page checked.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core's default rules on the page as it stands. axe runs inside the page: the site has no
 * frames, so @axe-core/playwright's frame-by-frame runs would add nothing but several seconds a page.
 * The results are summed up in the page too, since axe's full report lists every element it checked.
 */
export async function runAxe(page: Page): Promise<{ violations: string[]; passed: string[] }> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe.run(document);
    return {
      /** Each violated rule with the elements that break it. */
      violations: results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      ),
      /** The rules that found something to check and found it right. */
      passed: results.passes.map((rule) => rule.id),
    };
  });
}
