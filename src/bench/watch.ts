// Watch mode's rebuild time: from saving a guide's body to the page being served with it.
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { bareConfigPath } from "./bare.eleventy.ts";
import { startDevServer } from "./dev-server.ts";
import { generateGuides } from "./generate.ts";

/**
 * Time from saving a guide's body to the rebuilt page being served in watch mode with `--incremental`:
 * `npm start`'s command with this project's configuration, or the same with bare Eleventy's.
 */
export async function benchWatch(
  count: number,
  mode: "ours" | "bare",
  { registry, cardCache, log }: { registry: TaxonomyRegistry; cardCache: string; log: (message: string) => void },
): Promise<number[]> {
  // Eleventy's incremental mode matches a changed file to its template only when the input folder
  // is inside the project it runs from, as guides/ is for `npm start`; so this site is generated in
  // a temporary folder of the project (git-ignored), removed afterwards.
  const site = mkdtempSync(path.join(projectRoot, ".bench-watch-"));
  const input = path.join(site, "guides");
  const { structured } = generateGuides(registry, input, count);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = startDevServer({
    config: mode === "ours" ? ".eleventy.ts" : path.relative(projectRoot, bareConfigPath),
    input: path.relative(projectRoot, input),
    output: path.relative(projectRoot, path.join(site, "_site")),
    port,
    incremental: true,
    env: { ...process.env, SOCIAL_CARD_CACHE: cardCache },
  });
  let serverOutput = "";
  server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  const fetchPage = (url: string) =>
    fetch(`http://127.0.0.1:${port}${url}`).then(
      (response) => response.text(),
      () => "",
    );
  const waitFor = async (url: string, text: string, limitMs: number) => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      if ((await fetchPage(url)).includes(text)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`watch mode: ${url} never showed "${text}" within ${limitMs} ms\n${serverOutput.slice(-2000)}`);
  };
  try {
    const target = structured[Math.floor(structured.length / 2)] ?? "";
    const slug = target.replace(/\.md$/, "");
    // Bare Eleventy publishes guides/<name>.md at /<name>/; this site at /guides/<name>/.
    const url = mode === "ours" ? `/guides/${slug}/` : `/${slug}/`;
    await waitFor(url, "</main>", 600_000);
    // Let the first build's search index finish before timing edits.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const timings: number[] = [];
    const file = path.join(input, target);
    for (let edit = 1; edit <= 3; edit++) {
      const marker = `Edited paragraph number ${edit} for the benchmark.`;
      writeFileSync(file, `${readFileSync(file, "utf8")}\n${marker}\n`);
      timings.push(await waitFor(url, marker, 60_000));
      log(`  watch mode, ${mode}, edit ${edit}: ${timings.at(-1)?.toFixed(0)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    return timings;
  } finally {
    if (server.exitCode === null) {
      server.kill();
      await once(server, "exit");
    }
    rmSync(site, { recursive: true, force: true });
  }
}
