// The performance benchmark: `npm run bench [-- --sizes 1000,4000,10000 --runs 3 --json <file>]`.
// Builds synthetic sites of each size with this project and with bare Eleventy in the same run, and
// reports the ratio between them, memory per guide, the watch-mode rebuild time and page weights.
// Everything it writes goes to temporary folders (the watch-mode sites to a git-ignored one inside the
// project, removed afterwards); nothing is added to the repository.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "../paths.ts";
import { parseCommandLine } from "./command-line.ts";
import { benchCommand } from "./commands.ts";

const { values } = parseCommandLine(benchCommand);
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs ?? "3");
const watchSize = Number(values["watch-size"]);
// Loaded once the command line is good, so a mistake in it is answered at once.
const [{ bareConfigPath }, { generateGuides }, { loadRegistry }, { writeCards }] = await Promise.all([
  import("../bench/bare.eleventy.ts"),
  import("../bench/generate.ts"),
  import("../taxonomy/registry.ts"),
  import("../cards/worker.ts"),
]);
const workspace = mkdtempSync(path.join(tmpdir(), "dspm-bench-"));
const registry = loadRegistry();

const budgets = { ratio: 1.5, kibPerGuide: 120, watchMs: 1000, guidePageKb: 30, homePageKb: 80 };
const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const log = (message: string) => process.stderr.write(`${message}\n`);

interface Measured {
  ms: number;
  /** Peak resident memory of the build process, worker threads included. */
  maxRssKiB: number;
  /** Peak memory of its child processes (Pagefind's indexer, esbuild), which run alongside it. */
  childMaxRssKiB: number;
}

/** One build in a fresh process; returns its time and peak memory. */
function measureBuild(mode: "ours" | "bare", input: string, output: string): Measured {
  rmSync(output, { recursive: true, force: true });
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "src/bench/run-build.ts"), mode, input, output], {
    cwd: projectRoot,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    // The first build of a size draws its cards; the runs after it take them from this cache, as builds do.
    env: { ...process.env, SOCIAL_CARD_CACHE: path.join(workspace, "card-cache") },
  });
  if (result.status !== 0) throw new Error(`${mode} build of ${input} failed:\n${result.stderr}`);
  const last = result.stdout.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(last) as Measured;
}

interface SizeResult {
  guides: number;
  runs: number;
  files: number;
  oursMs: number;
  bareMs: number;
  ratio: number;
  /** The build process's peak, per guide. */
  oursKiBPerGuide: number;
  /** Its child processes' peaks, per guide: Pagefind holds the whole index in memory while it builds it. */
  oursChildKiBPerGuide: number;
  bareKiBPerGuide: number;
}

function benchSize(count: number): SizeResult {
  const input = path.join(workspace, `site-${count}`, "guides");
  generateGuides(registry, input, count);
  const files = count * 2;
  const ours: Measured[] = [];
  const bare: Measured[] = [];
  // The largest size is built once by default, so the whole benchmark stays within ten minutes.
  const runsHere = count >= 10_000 && values.runs === undefined ? 1 : runs;
  for (let run = 1; run <= runsHere; run++) {
    // Alternating keeps slow spells of a shared machine from landing on one side only.
    const order: ("ours" | "bare")[] = run % 2 ? ["bare", "ours"] : ["ours", "bare"];
    for (const mode of order) {
      const measured = measureBuild(mode, input, path.join(workspace, `site-${count}`, `out-${mode}`));
      (mode === "ours" ? ours : bare).push(measured);
      log(
        `  ${files} guides, ${mode}, run ${run}: ${(measured.ms / 1000).toFixed(2)} s, ${(measured.maxRssKiB / 1024).toFixed(0)} MiB + ${(measured.childMaxRssKiB / 1024).toFixed(0)} MiB in child processes`,
      );
    }
  }
  const oursMs = median(ours.map((m) => m.ms));
  const bareMs = median(bare.map((m) => m.ms));
  return {
    guides: count,
    runs: runsHere,
    files,
    oursMs,
    bareMs,
    ratio: oursMs / bareMs,
    oursKiBPerGuide: Math.max(...ours.map((m) => m.maxRssKiB)) / files,
    oursChildKiBPerGuide: Math.max(...ours.map((m) => m.childMaxRssKiB)) / files,
    bareKiBPerGuide: Math.max(...bare.map((m) => m.maxRssKiB)) / files,
  };
}

/**
 * Time from saving a guide's body to the rebuilt page being served in watch mode with `--incremental`:
 * `npm start`'s command with this project's configuration, or the same with bare Eleventy's.
 */
async function benchWatch(count: number, mode: "ours" | "bare"): Promise<number[]> {
  // Eleventy's incremental mode matches a changed file to its template only when the input folder
  // is inside the project it runs from, as guides/ is for `npm start`; so this site is generated in
  // a temporary folder of the project (git-ignored), removed afterwards.
  const site = mkdtempSync(path.join(projectRoot, ".bench-watch-"));
  const input = path.join(site, "guides");
  const { structured } = generateGuides(registry, input, count);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "node_modules/@11ty/eleventy/cmd.cjs",
      `--config=${mode === "ours" ? ".eleventy.ts" : path.relative(projectRoot, bareConfigPath)}`,
      `--input=${path.relative(projectRoot, input)}`,
      `--output=${path.relative(projectRoot, path.join(site, "_site"))}`,
      "--serve",
      "--incremental",
      `--port=${port}`,
    ],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SOCIAL_CARD_CACHE: path.join(workspace, "card-cache") } },
  );
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

/** Bytes a reader downloads for a page before compression: its HTML and every stylesheet and script it links. */
/** Cards of distinct synthetic guides drawn into an empty cache, then again from it: the cost per card, cold and warm. */
async function cardCost(count: number): Promise<{ coldMs: number; warmMs: number }> {
  const folder = path.join(workspace, "cards", "site");
  const cacheFolder = path.join(workspace, "cards", "cache");
  mkdirSync(folder, { recursive: true });
  const cards = Array.from({ length: count }, (_, index) => ({
    path: `/cards/guides/guide-${index}.png`,
    content: {
      site: "DSPM Guides",
      title: `Find exposed credentials in workload number ${index} before they leak`,
      detail: "Detect · API keys, secrets & tokens · AWS",
      accent: "detect",
    },
  }));
  const draw = async () => {
    const outcome = await writeCards({ cards, folder, cacheFolder });
    if ("error" in outcome) throw new Error(outcome.error);
    return outcome.milliseconds / count;
  };
  const coldMs = await draw();
  return { coldMs, warmMs: await draw() };
}

function pageWeights(count: number): { guideKb: number; homeKb: number } {
  const input = path.join(workspace, `weight-${count}`, "guides");
  const { structured } = generateGuides(registry, input, count / 2);
  const output = path.join(workspace, `weight-${count}`, "_site");
  measureBuild("ours", input, output);
  const weigh = (page: string) => {
    const html = readFileSync(path.join(output, page), "utf8");
    const assets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script[^>]* src="([^"]+)"/g)].map(
      (match) => match[1] ?? match[2] ?? "",
    );
    return (
      (statSync(path.join(output, page)).size + assets.reduce((sum, asset) => sum + statSync(path.join(output, asset)).size, 0)) / 1000
    );
  };
  return { guideKb: weigh(`guides/${(structured[0] ?? "").replace(/\.md$/, "")}/index.html`), homeKb: weigh("index.html") };
}

const verdict = (met: boolean) => (met ? "met" : "NOT met");
const started = performance.now();
log(`Workspace: ${workspace}`);
const results: SizeResult[] = [];
for (const size of sizes) {
  log(`Building ${size} structured + ${size} legacy guides…`);
  results.push(benchSize(size));
}
log(`Watch mode at ${watchSize} + ${watchSize} guides…`);
const watchTimings = await benchWatch(watchSize, "ours");
const bareWatchTimings = await benchWatch(watchSize, "bare");
log("Page weights at 200 guides…");
const weights = pageWeights(200);
log("Social cards: 100 cold, then warm…");
const cards = await cardCost(100);

const lines = [
  "| guides (structured + legacy) | runs | our build (median) | bare Eleventy (median) | ratio | budget ≤ 1.5 × | peak memory per guide: build + child processes | budget ≤ 120 KiB |",
  "|---|---|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.files} | ${r.runs} | ${(r.oursMs / 1000).toFixed(2)} s | ${(r.bareMs / 1000).toFixed(2)} s | ${r.ratio.toFixed(2)} × | ${verdict(r.ratio <= budgets.ratio)} | ${r.oursKiBPerGuide.toFixed(0)} + ${r.oursChildKiBPerGuide.toFixed(0)} KiB (bare ${r.bareKiBPerGuide.toFixed(0)}) | ${verdict(r.oursKiBPerGuide + r.oursChildKiBPerGuide <= budgets.kibPerGuide)} |`,
  ),
  "",
  "| budget | figure | verdict |",
  "|---|---|---|",
  `| edit one guide's body at ${watchSize * 2} guides → page served, ≤ 1 s | median ${median(watchTimings).toFixed(0)} ms (${watchTimings.map((t) => t.toFixed(0)).join(", ")}); bare Eleventy ${median(bareWatchTimings).toFixed(0)} ms | ${verdict(median(watchTimings) <= budgets.watchMs)} |`,
  `| guide page HTML + CSS + JS ≤ 30 KB | ${weights.guideKb.toFixed(1)} KB | ${verdict(weights.guideKb <= budgets.guidePageKb)} |`,
  `| home page HTML + CSS + JS with 200 guides ≤ 80 KB | ${weights.homeKb.toFixed(1)} KB | ${verdict(weights.homeKb <= budgets.homePageKb)} |`,
  `| social card, per card | ${cards.coldMs.toFixed(1)} ms drawn, ${cards.warmMs.toFixed(2)} ms from the cache | no budget |`,
];
console.log(lines.join("\n"));
const jsonFile = values.json ?? path.join(workspace, "results.json");
writeFileSync(
  jsonFile,
  `${JSON.stringify({ runs, sizes: results, watch: { guides: watchSize * 2, timingsMs: watchTimings, bareTimingsMs: bareWatchTimings }, weights, cards, budgets }, null, 2)}\n`,
);
log(`\nResults: ${jsonFile} (benchmark took ${((performance.now() - started) / 60000).toFixed(1)} min)`);
