import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { TermPage } from "../catalog/catalog.ts";
import type { BuildReporter } from "../build-reporter.ts";
import type { CatalogEvents } from "../catalog/plugin.ts";
import type { Guide } from "../content/guide.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { projectRoot } from "../paths.ts";
import type { SiteSettings } from "../site-settings.ts";
import { startWorker } from "../worker-thread.ts";
import { cachedCardFile, placeCard } from "./cache.ts";
import { cardPathFor, cardsOf, type CardSpec } from "./cards.ts";
import { cardHeight, cardWidth } from "./design.ts";
import { leftOutWarning, legibleContent } from "./legible.ts";
import { createCardRenderer, type CardRenderer } from "./render.ts";
import type { CardReply, CardRequest } from "./worker.ts";

/**
 * Cards drawn before, by content and design, kept between builds (git-ignored; the workflows restore
 * it). SOCIAL_CARD_CACHE moves it, as the benchmark does to leave the project's cache alone.
 */
export const cardCacheFolder = process.env.SOCIAL_CARD_CACHE ?? path.join(projectRoot, ".cache", "social-cards");

/** A card worker is started for at least this many cards: each spends about a second loading satori and resvg. */
const cardsPerWorker = 200;

/** The replies of several card workers as one. */
async function together(replies: Promise<CardReply>[]): Promise<CardReply> {
  const outcomes = await Promise.all(replies);
  const failed = outcomes.find((outcome) => "error" in outcome);
  if (failed) return failed;
  const done = outcomes as Exclude<CardReply, { error: string }>[];
  return {
    drawn: done.reduce((sum, outcome) => sum + outcome.drawn, 0),
    fromCache: done.reduce((sum, outcome) => sum + outcome.fromCache, 0),
    milliseconds: Math.max(...done.map((outcome) => outcome.milliseconds)),
  };
}

/**
 * A 1200×630 preview image for every guide, taxonomy page and the home page, drawn on worker threads
 * (one per core when there are hundreds to draw) while Eleventy renders the pages, for the `og:image`
 * of each page; the build finishes once both are done.
 */
export function registerSocialCards(
  eleventyConfig: EleventyConfig,
  catalogEvents: CatalogEvents,
  site: SiteSettings,
  reporter: BuildReporter = {},
): void {
  let drawing: { workers: Worker[]; reply: Promise<CardReply>; superseded: boolean } | undefined;
  let cached: { file: string; path: string }[] = [];
  let renderer: CardRenderer | undefined;
  // `npm start` has no reporter; its warnings go where Eleventy's own messages go.
  const warn = reporter.warning ?? ((message: string) => console.warn(`[cards] ${message}`));

  catalogEvents.onCatalog((catalog, { output }) => {
    if (drawing) {
      drawing.superseded = true;
      for (const worker of drawing.workers) void worker.terminate();
    }
    // Only cards not drawn before go to the worker, which then loads the drawing libraries; the
    // others are placed from the cache once the pages are written.
    renderer ??= createCardRenderer();
    const toDraw: CardSpec[] = [];
    cached = [];
    for (const card of cardsOf(catalog, site)) {
      // Told on every build, cached card or not, until the text is fixed.
      const { content, leftOut } = legibleContent(card.content, renderer.missingGlyphs);
      if (leftOut.length > 0) warn(leftOutWarning(card.source, leftOut));
      const file = cachedCardFile(cardCacheFolder, renderer.key(content));
      if (existsSync(file)) cached.push({ file, path: card.path });
      else toDraw.push({ path: card.path, content });
    }
    if (toDraw.length === 0) {
      drawing = { workers: [], reply: Promise.resolve({ drawn: 0, fromCache: 0, milliseconds: 0 }), superseded: false };
      return;
    }
    const shards = Math.max(1, Math.min(availableParallelism(), Math.floor(toDraw.length / cardsPerWorker)));
    const started = Array.from({ length: shards }, (_, shard) =>
      startWorker<CardRequest, CardReply>(
        new URL("./worker.ts", import.meta.url),
        { cards: toDraw.filter((_, index) => index % shards === shard), folder: output, cacheFolder: cardCacheFolder },
        "the social-card renderer",
      ),
    );
    drawing = { workers: started.map(({ worker }) => worker), reply: together(started.map(({ reply }) => reply)), superseded: false };
  });

  eleventyConfig.addGlobalData("socialCard", { width: cardWidth, height: cardHeight });
  eleventyConfig.addFilter("socialCardPath", (guide: Guide | undefined, termPage: TermPage | undefined) => cardPathFor(guide, termPage));

  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!drawing) throw new Error("The social cards were never started: the guides were not read.");
    const current = drawing;
    const started = performance.now();
    for (const card of cached) placeCard(card.file, directories.output, card.path);
    const placed = { count: cached.length, milliseconds: performance.now() - started };
    const finished = current.reply.then(async (outcome) => {
      await Promise.all(current.workers.map((worker) => worker.terminate()));
      if ("error" in outcome) throw new Error(`The social cards could not be drawn: ${outcome.error}`);
      reporter.cardsDrawn?.({
        drawn: outcome.drawn,
        fromCache: outcome.fromCache + placed.count,
        milliseconds: outcome.milliseconds + placed.milliseconds,
      });
    });
    // As with the search index: a production build is complete only with its cards.
    if (runMode === "build") return finished;
    finished.catch((error: unknown) => {
      if (!current.superseded) console.error(`[cards] ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
