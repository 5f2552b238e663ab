import { once } from "node:events";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CatalogEvents } from "../catalog/plugin.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import type { IndexerReply, IndexerRequest } from "./indexer.ts";

/** Where the index and Pagefind's browser library are written, inside the site. */
const searchIndexFolder = "pagefind";

// The worker loads the TypeScript indexer the way the CLI loads the site: through tsx, found from
// here rather than from the working directory, which may be any folder of guides.
const tsxApi = import.meta.resolve("tsx/esm/api");
const indexerUrl = new URL("./indexer.ts", import.meta.url).href;
const indexerBootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(indexerUrl)}, ${JSON.stringify(import.meta.url)}))`;

/**
 * Indexes every published guide with Pagefind, in `npm run build` and `npm start` alike. A worker
 * thread builds and writes the index from the guides' data as soon as they are validated, while
 * Eleventy renders the pages; the build finishes once both are done.
 */
export function registerSearch(eleventyConfig: EleventyConfig, catalogEvents: CatalogEvents): void {
  let indexing: { worker: Worker; reply: Promise<IndexerReply>; superseded: boolean } | undefined;

  catalogEvents.onCatalog((catalog, { output }) => {
    // An index still being built for an earlier preview build is out of date.
    if (indexing) {
      indexing.superseded = true;
      void indexing.worker.terminate();
    }
    const worker = new Worker(indexerBootstrap, { eval: true });
    const stopped = Promise.race([
      once(worker, "error").then(([error]) => `it failed: ${error instanceof Error ? error.message : String(error)}`),
      once(worker, "exit").then(([code]) => `it exited with code ${String(code)} before writing the index`),
    ]).then((why): IndexerReply => ({ error: `the search indexer stopped: ${why}` }));
    const reply = Promise.race([once(worker, "message").then(([message]) => message as IndexerReply), stopped]);
    mkdirSync(output, { recursive: true });
    worker.postMessage({ guides: catalog.published, folder: path.join(output, searchIndexFolder) } satisfies IndexerRequest);
    indexing = { worker, reply, superseded: false };
  });

  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!indexing) throw new Error("The search index was never started: the guides were not read.");
    const current = indexing;
    const { worker, reply } = current;
    const finished = reply.then(async (outcome) => {
      await worker.terminate();
      if ("error" in outcome) throw new Error(`Pagefind could not index ${directories.output}: ${outcome.error}`);
    });
    // A production build is complete only with its index. While previewing, the edited page is
    // served and reloaded at once, and the index follows a moment later.
    if (runMode === "build") return finished;
    finished.catch((error: unknown) => {
      if (!current.superseded) console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
