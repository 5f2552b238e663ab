// The performance benchmark: `npm run bench [-- --sizes 1000,4000,10000 --runs 3 --json <file>]`.
// Builds synthetic sites of each size with this project and with bare Eleventy in the same run, and
// reports the ratio between them, memory per guide, the watch-mode rebuild time and page weights.
// Everything it writes goes to temporary folders (the watch-mode sites to a git-ignored one inside the
// project, removed afterwards); nothing is added to the repository.
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { guideFiles } from "../content/sources.ts";
import { defaultGuidesDir, projectRoot } from "../paths.ts";
import { parseCommandLine } from "./command-line.ts";
import { benchCommand } from "./commands.ts";

const { values } = parseCommandLine(benchCommand);
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs ?? "3");
const watchSize = Number(values["watch-size"]);
const legacySize = Number(values["legacy-size"]);
// Loaded once the command line is good, so a mistake in it is answered at once.
const [{ generateGuides }, { loadRegistry }, { writeCards }, pages, { benchWatch, benchPreview }] = await Promise.all([
  import("../bench/generate.ts"),
  import("../taxonomy/registry.ts"),
  import("../cards/worker.ts"),
  import("../bench/pages.ts"),
  import("../bench/watch.ts"),
]);
const workspace = mkdtempSync(path.join(tmpdir(), "dspm-bench-"));
const registry = loadRegistry();

const budgets = {
  ratio: 1.5,
  legacyRatio: 1.1,
  memoryRatio: 1.5,
  watchRatio: 1.25,
  smallWatchMs: 300,
  /** The last five of a run of edits over the first five. */
  drift: 1.2,
  guidePageKb: 30,
  listingPageKb: 100,
  feedEntries: 50,
};
const smallWatchSize = 100;
const cardCache = path.join(workspace, "card-cache");
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
    env: { ...process.env, SOCIAL_CARD_CACHE: cardCache },
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
  /** (build + child processes) over bare Eleventy's peak. */
  memoryRatio: number;
  heaviestListing: { page: string; kb: number; pages: number };
  largestFeed: { kb: number; entries: number };
  /** Where this size's site was last built. */
  output: string;
}

/**
 * Builds `input` with this project and with bare Eleventy, `runs` times each, alternating which goes first.
 * An untimed build of ours comes first when asked, to draw the cards into the cache, so the timed builds
 * find them there, as a build does whose cache the workflow restored; drawing them costs its own row.
 */
function compareBuilds(
  input: string,
  files: number,
  runsHere: number,
  label: string,
  { drawCardsFirst = false } = {},
): { ours: Measured[]; bare: Measured[]; output: string } {
  const ours: Measured[] = [];
  const bare: Measured[] = [];
  const output = (mode: string) => path.join(path.dirname(input), `out-${mode}`);
  if (drawCardsFirst) {
    log(`  ${files} ${label}, ours, drawing the cards (not timed)…`);
    measureBuild("ours", input, output("ours"));
  }
  for (let run = 1; run <= runsHere; run++) {
    // Alternating keeps slow spells of a shared machine from landing on one side only.
    const order: ("ours" | "bare")[] = run % 2 ? ["bare", "ours"] : ["ours", "bare"];
    for (const mode of order) {
      const measured = measureBuild(mode, input, output(mode));
      (mode === "ours" ? ours : bare).push(measured);
      log(
        `  ${files} ${label}, ${mode}, run ${run}: ${(measured.ms / 1000).toFixed(2)} s, ${(measured.maxRssKiB / 1024).toFixed(0)} MiB + ${(measured.childMaxRssKiB / 1024).toFixed(0)} MiB in child processes`,
      );
    }
  }
  return { ours, bare, output: output("ours") };
}

function benchSize(count: number): SizeResult {
  const input = path.join(workspace, `site-${count}`, "guides");
  generateGuides(registry, input, count);
  const files = count * 2;
  // The largest size is built once by default, so the whole benchmark stays within half an hour.
  const runsHere = count >= 10_000 && values.runs === undefined ? 1 : runs;
  const { ours, bare, output } = compareBuilds(input, files, runsHere, "guides", { drawCardsFirst: true });
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
    memoryRatio: Math.max(...ours.map((m) => m.maxRssKiB + m.childMaxRssKiB)) / Math.max(...bare.map((m) => m.maxRssKiB)),
    heaviestListing: pages.heaviestListingPage(output),
    largestFeed: pages.largestFeed(output),
    output,
  };
}

/** The legacy-form guides alone, as the old site's authors bring them: this project against bare Eleventy. */
function benchLegacy(count: number): { files: number; oursMs: number; bareMs: number; ratio: number } {
  const generated = path.join(workspace, `legacy-${count}`, "generated");
  const input = path.join(workspace, `legacy-${count}`, "guides");
  const { legacy } = generateGuides(registry, generated, count);
  mkdirSync(input, { recursive: true });
  for (const name of legacy) linkSync(path.join(generated, name), path.join(input, name));
  const { ours, bare } = compareBuilds(input, legacy.length, runs, "legacy guides");
  const oursMs = median(ours.map((m) => m.ms));
  const bareMs = median(bare.map((m) => m.ms));
  return { files: legacy.length, oursMs, bareMs, ratio: oursMs / bareMs };
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

const verdict = (met: boolean) => (met ? "met" : "NOT met");
const started = performance.now();
log(`Workspace: ${workspace}`);
const results: SizeResult[] = [];
for (const size of sizes) {
  log(`Building ${size} structured + ${size} legacy guides…`);
  results.push(benchSize(size));
}
const largest = results.at(-1);
if (!largest) throw new Error("no size to benchmark");
log(`Legacy guides alone, ${legacySize}…`);
const legacyResult = benchLegacy(legacySize);
const edits = 20;
const watchOptions = { registry, cardCache, log, edits };
log(`Watch mode with --incremental at ${watchSize} + ${watchSize} guides, ${edits} edits…`);
const watchTimings = await benchWatch(watchSize, "ours", watchOptions);
const bareWatchTimings = await benchWatch(watchSize, "bare", watchOptions);
// A full preview build at this size takes about a minute: three edits show it.
log(`Preview (npm start) at ${watchSize} + ${watchSize} guides, 3 edits…`);
const previewTimings = await benchPreview({ count: watchSize }, { ...watchOptions, edits: 3 });
log(`Preview (npm start) at ${smallWatchSize} + ${smallWatchSize} guides, ${edits} edits…`);
const smallPreviewTimings = await benchPreview({ count: smallWatchSize }, watchOptions);
log(`Preview (npm start) on the real guides, ${edits} edits…`);
const realPreviewTimings = await benchPreview({ folder: defaultGuidesDir }, watchOptions);
const searchQuery = "q=secret&platform=aws";
log(`Search page for ?${searchQuery} at ${largest.files} guides, in Chromium…`);
const search = await pages.searchDownloads(largest.output, searchQuery);
const guidePage = readdirSync(path.join(largest.output, "guides")).find((slug) => !slug.includes("-legacy-"));
const guideKb = pages.pageWeightKb(largest.output, `guides/${guidePage}/index.html`);
log("Social cards: 100 cold, then warm…");
const cards = await cardCost(100);

const watchMedian = median(watchTimings);
const bareWatchMedian = median(bareWatchTimings);
const previewMedian = median(previewTimings);
const smallPreviewMedian = median(smallPreviewTimings);
const realPreviewMedian = median(realPreviewTimings);
const realGuides = guideFiles(defaultGuidesDir).length;
/** The last five edits' median over the first five's: above 1.2, each edit costs more than the one before. */
const drift = (timings: number[]) => median(timings.slice(-5)) / median(timings.slice(0, 5));
const series = (timings: number[]) =>
  `median ${median(timings).toFixed(0)} ms, first five ${median(timings.slice(0, 5)).toFixed(0)}, last five ${median(timings.slice(-5)).toFixed(0)} (${drift(timings).toFixed(2)} ×)`;
const lines = [
  "| guides (structured + legacy) | runs | our build (median) | bare Eleventy (median) | ratio ≤ 1.5 × | peak memory per guide: build + child processes (bare) | ratio ≤ 1.5 × | heaviest listing page ≤ 100 KB | largest feed ≤ 50 entries |",
  "|---|---|---|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.files} | ${r.runs} | ${(r.oursMs / 1000).toFixed(2)} s | ${(r.bareMs / 1000).toFixed(2)} s | ${r.ratio.toFixed(2)} × ${verdict(r.ratio <= budgets.ratio)} | ${r.oursKiBPerGuide.toFixed(0)} + ${r.oursChildKiBPerGuide.toFixed(0)} KiB (${r.bareKiBPerGuide.toFixed(0)}) | ${r.memoryRatio.toFixed(2)} × ${verdict(r.memoryRatio <= budgets.memoryRatio)} | ${r.heaviestListing.kb.toFixed(1)} KB, ${r.heaviestListing.page} (of ${r.heaviestListing.pages}) ${verdict(r.heaviestListing.kb <= budgets.listingPageKb)} | ${r.largestFeed.entries}, ${r.largestFeed.kb.toFixed(1)} KB ${verdict(r.largestFeed.entries <= budgets.feedEntries)} |`,
  ),
  "",
  "| budget | figure | verdict |",
  "|---|---|---|",
  `| ${legacyResult.files} legacy guides alone ≤ 1.1 × bare Eleventy | ${(legacyResult.oursMs / 1000).toFixed(2)} s against ${(legacyResult.bareMs / 1000).toFixed(2)} s: ${legacyResult.ratio.toFixed(2)} × | ${verdict(legacyResult.ratio <= budgets.legacyRatio)} |`,
  `| edit one guide's body at ${watchSize * 2} guides → page served by npm start's preview, ≤ 1.25 × bare Eleventy's --incremental | median ${previewMedian.toFixed(0)} ms (${previewTimings.map((t) => t.toFixed(0)).join(", ")}); bare ${bareWatchMedian.toFixed(0)} ms: ${(previewMedian / bareWatchMedian).toFixed(2)} × | ${verdict(previewMedian <= budgets.watchRatio * bareWatchMedian)} |`,
  `| the same with Eleventy's --incremental and this project's configuration, ${edits} edits | ${series(watchTimings)}; ${(watchMedian / bareWatchMedian).toFixed(2)} × bare | ${verdict(watchMedian <= budgets.watchRatio * bareWatchMedian)}; flat ${verdict(drift(watchTimings) <= budgets.drift)} |`,
  `| bare Eleventy's --incremental, ${edits} edits | ${series(bareWatchTimings)} | floor; flat ${verdict(drift(bareWatchTimings) <= budgets.drift)} |`,
  `| npm start's preview at ${smallWatchSize * 2} guides, ${edits} edits, ≤ 300 ms | ${series(smallPreviewTimings)} | ${verdict(smallPreviewMedian <= budgets.smallWatchMs)}; flat ${verdict(drift(smallPreviewTimings) <= budgets.drift)} |`,
  `| npm start's preview on the real guides (${realGuides}), ${edits} edits, ≤ 300 ms | ${series(realPreviewTimings)} | ${verdict(realPreviewMedian <= budgets.smallWatchMs)}; flat ${verdict(drift(realPreviewTimings) <= budgets.drift)} |`,
  `| guide page HTML + CSS + JS ≤ 30 KB | ${guideKb.toFixed(1)} KB | ${verdict(guideKb <= budgets.guidePageKb)} |`,
  `| search page, ?${searchQuery} at ${largest.files} guides: every response | ${search.requests} requests, ${search.kb.toFixed(1)} KB (${search.results}) | no budget; 3.4 MB in 612 requests at 4,071 guides before |`,
  `| social card, per card | ${cards.coldMs.toFixed(1)} ms drawn, ${cards.warmMs.toFixed(2)} ms from the cache | no budget |`,
];
console.log(lines.join("\n"));
const jsonFile = values.json ?? path.join(workspace, "results.json");
writeFileSync(
  jsonFile,
  `${JSON.stringify(
    {
      runs,
      sizes: results,
      legacy: legacyResult,
      watch: { guides: watchSize * 2, timingsMs: watchTimings, bareTimingsMs: bareWatchTimings, previewTimingsMs: previewTimings },
      preview: { guides: smallWatchSize * 2, timingsMs: smallPreviewTimings },
      realPreview: { guides: realGuides, timingsMs: realPreviewTimings },
      guideKb,
      search,
      cards,
      budgets,
    },
    null,
    2,
  )}\n`,
);
log(`\nResults: ${jsonFile} (benchmark took ${((performance.now() - started) / 60000).toFixed(1)} min)`);
