// Save → page served: Eleventy's watch mode with `--incremental` (this project's configuration against bare
// Eleventy's), and `npm start`'s preview as an author runs it, over a run of edits to one guide.
import type { ChildProcessByStdio } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { projectRoot } from "../paths.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { bareConfigPath } from "./bare.eleventy.ts";
import { startDevServer, startPreviewServer } from "./dev-server.ts";
import { generateGuides } from "./generate.ts";

interface WatchOptions {
  registry: TaxonomyRegistry;
  cardCache: string;
  log: (message: string) => void;
  /** How many edits in a row to time. */
  edits: number;
}

type Server = ChildProcessByStdio<null, Readable, Readable>;

/**
 * Starts a server on a site in a temporary folder of the project, times `edits` saves of one guide's body
 * until its page is served with the new text, and removes the site. Eleventy's incremental mode matches a
 * changed file to its template only when the input folder is inside the project it runs from, as guides/
 * is for `npm start`; so the site lives in a git-ignored folder of the project.
 */
async function timeEdits(
  fill: (input: string) => { file: string; url: string },
  start: (input: string, output: string, port: number) => Server,
  { log, edits }: Pick<WatchOptions, "log" | "edits">,
  label: string,
): Promise<number[]> {
  const site = mkdtempSync(path.join(projectRoot, ".bench-watch-"));
  const input = path.join(site, "guides");
  const { file, url } = fill(input);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = start(path.relative(projectRoot, input), path.relative(projectRoot, path.join(site, "_site")), port);
  let serverOutput = "";
  server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  const fetchPage = (page: string) =>
    fetch(`http://127.0.0.1:${port}${page}`).then(
      (response) => response.text(),
      () => "",
    );
  const waitFor = async (page: string, text: string, limitMs: number) => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      if ((await fetchPage(page)).includes(text)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${label}: ${page} never showed "${text}" within ${limitMs} ms\n${serverOutput.slice(-2000)}`);
  };
  try {
    await waitFor(url, "</main>", 600_000);
    // Let the first build's search index finish before timing edits.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const timings: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const marker = `Edited paragraph number ${edit} for the benchmark.`;
      writeFileSync(file, `${readFileSync(file, "utf8")}\n${marker}\n`);
      timings.push(await waitFor(url, marker, 600_000));
      log(`  ${label}, edit ${edit}: ${timings.at(-1)?.toFixed(0)} ms`);
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

/** `count` structured and `count` legacy guides, and the structured one in the middle to edit. */
const generated =
  (registry: TaxonomyRegistry, count: number, urlOf: (slug: string) => string) =>
  (input: string): { file: string; url: string } => {
    const { structured } = generateGuides(registry, input, count);
    const target = structured[Math.floor(structured.length / 2)] ?? "";
    return { file: path.join(input, target), url: urlOf(target.replace(/\.md$/, "")) };
  };

/**
 * Eleventy's watch mode with `--incremental` on `count` + `count` generated guides: this project's
 * configuration, or the same files with bare Eleventy's, which is the floor.
 */
export function benchWatch(count: number, mode: "ours" | "bare", options: WatchOptions): Promise<number[]> {
  // Bare Eleventy publishes guides/<name>.md at /<name>/; this site at /guides/<name>/.
  const urlOf = (slug: string) => (mode === "ours" ? `/guides/${slug}/` : `/${slug}/`);
  return timeEdits(
    generated(options.registry, count, urlOf),
    (input, output, port) =>
      startDevServer({
        config: mode === "ours" ? ".eleventy.ts" : path.relative(projectRoot, bareConfigPath),
        input,
        output,
        port,
        incremental: true,
        env: { ...process.env, SOCIAL_CARD_CACHE: options.cardCache },
      }),
    options,
    `watch mode, ${mode}, ${count * 2} guides`,
  );
}

/**
 * `npm start`'s preview, the loop an author feels: on `count` + `count` generated guides, or on a copy of a
 * guides folder (the real site's), editing its middle published guide.
 */
export function benchPreview(source: { count: number } | { folder: string }, options: WatchOptions): Promise<number[]> {
  const urlOf = (slug: string) => `/guides/${slug}/`;
  const fill =
    "count" in source
      ? generated(options.registry, source.count, urlOf)
      : (input: string) => {
          cpSync(source.folder, input, { recursive: true });
          const published = readdirSync(input)
            .filter((name) => name.endsWith(".md") && /^status: published$/m.test(readFileSync(path.join(input, name), "utf8")))
            .sort();
          const target = published[Math.floor(published.length / 2)] ?? "";
          return { file: path.join(input, target), url: urlOf(target.replace(/\.md$/, "")) };
        };
  const size = "count" in source ? `${source.count * 2} guides` : `the guides of ${path.relative(projectRoot, source.folder)}/`;
  return timeEdits(
    fill,
    (input, output, port) => startPreviewServer({ input, output, port, env: { ...process.env, SOCIAL_CARD_CACHE: options.cardCache } }),
    options,
    `preview (npm start), ${size}`,
  );
}
