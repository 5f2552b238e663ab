import { once } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ContentEvents } from "../content/plugin.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import type { IndexerReply, IndexerRequest } from "./indexer.ts";

/** Where the index and Pagefind's browser library are written, inside the site. */
export const searchIndexFolder = "pagefind";

// The worker loads the TypeScript indexer the way the CLI loads the site: through tsx.
const indexerUrl = new URL("./indexer.ts", import.meta.url).href;
const indexerBootstrap = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(indexerUrl)}, ${JSON.stringify(import.meta.url)}))`;

/**
 * Indexes every published guide with Pagefind, in `npm run build` and `npm start` alike. A worker
 * thread builds and writes the index from the guides' data as soon as they are validated, while
 * Eleventy renders the pages; the build finishes once both are done.
 */
export function registerSearch(eleventyConfig: EleventyConfig, content: ContentEvents): void {
  let indexing: { worker: Worker; reply: Promise<IndexerReply> } | undefined;

  content.onCatalog((catalog, { output }) => {
    // A watch-mode rebuild that failed may have left the previous worker behind.
    void indexing?.worker.terminate();
    const worker = new Worker(indexerBootstrap, { eval: true });
    const stopped = Promise.race([once(worker, "error"), once(worker, "exit")]).then(([reason]): IndexerReply => ({
      error: `the indexer stopped early: ${String(reason)}`,
    }));
    const reply = Promise.race([once(worker, "message").then(([message]) => message as IndexerReply), stopped]);
    const guides = catalog.listed.filter((guide) => guide.status === "published");
    worker.postMessage({ guides, folder: path.join(output, searchIndexFolder) } satisfies IndexerRequest);
    indexing = { worker, reply };
  });

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!indexing) throw new Error("The search index was never started: the guides were not read.");
    const { worker, reply } = indexing;
    indexing = undefined;
    try {
      const outcome = await reply;
      if ("error" in outcome) throw new Error(`Pagefind could not index ${directories.output}: ${outcome.error}`);
    } finally {
      await worker.terminate();
    }
  });
}
