import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { BuildReporter } from "../build-reporter.ts";
import type { CatalogEvents } from "../catalog/plugin.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { startWorker } from "../worker-thread.ts";
import { cancelIndexing, type IndexerReply, type IndexerRequest } from "./indexer-messages.ts";

/** Where the index and Pagefind's browser library are written, inside the site. */
const searchIndexFolder = "pagefind";

/**
 * Indexes every published guide with Pagefind, in `npm run build` and `npm start` alike. A worker
 * thread builds and writes the index from the guides' data as soon as they are validated, while
 * Eleventy renders the pages; the build finishes once both are done.
 */
export function registerSearch(eleventyConfig: EleventyConfig, catalogEvents: CatalogEvents, reporter: BuildReporter = {}): void {
  let indexing: { worker: Worker; reply: Promise<IndexerReply>; superseded: boolean; documents: number; started: number } | undefined;

  catalogEvents.onCatalog((catalog, { output }) => {
    // An index still being built for an earlier preview build is out of date. Its worker is told to
    // stop rather than terminated, so it still waits for Pagefind's process to exit.
    if (indexing) {
      const { worker, reply } = indexing;
      indexing.superseded = true;
      worker.postMessage(cancelIndexing);
      void reply.then(() => worker.terminate());
    }
    mkdirSync(output, { recursive: true });
    const { worker, reply } = startWorker<IndexerRequest, IndexerReply>(
      new URL("./indexer.ts", import.meta.url),
      { guides: catalog.published, folder: path.join(output, searchIndexFolder) },
      "the search indexer",
    );
    indexing = { worker, reply, superseded: false, documents: catalog.published.length, started: performance.now() };
  });

  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!indexing) throw new Error("The search index was never started: the guides were not read.");
    const current = indexing;
    const { worker, reply } = current;
    const finished = reply.then(async (outcome) => {
      await worker.terminate();
      if ("error" in outcome) throw new Error(`Pagefind could not index ${directories.output}: ${outcome.error}`);
      reporter.searchIndexed?.(current.documents, performance.now() - current.started);
    });
    // A production build is complete only with its index. While previewing, the edited page is
    // served and reloaded at once, and the index follows a moment later.
    if (runMode === "build") return finished;
    finished.catch((error: unknown) => {
      if (!current.superseded) console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
