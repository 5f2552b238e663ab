// The search-index worker: owns the Pagefind service, so the index is built on another thread while
// Eleventy renders pages on the main one. It receives the published guides and the folder to write
// into once, and replies once the index is on disk and Pagefind's process has exited; a later
// "cancel" (a newer preview build started) stops Pagefind where it is and leaves the folder alone.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";
import { canonicalIndexFiles } from "./canonical-index.ts";
import { searchDocument } from "./document.ts";
import { cancelIndexing, type IndexerReply, type IndexerRequest } from "./indexer-messages.ts";
import { notePagefindProcesses, pagefindProcessesExited } from "./pagefind-processes.ts";

let cancelled = false;

async function buildIndex({ guides, folder }: IndexerRequest): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", includeCharacters: "-_." });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  // Every request is sent at once and in this order; Pagefind numbers pages in the order it receives them.
  const added = await Promise.all(guides.map((guide) => index.addHTMLFile(searchDocument(guide))));
  const failures = added.flatMap((result) => result.errors);
  if (failures.length > 0) throw new Error(`Pagefind could not index a guide: ${failures.join("; ")}`);
  // getFiles hands every file over in memory; writeFiles can answer before its last file is complete.
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(`Pagefind could not write its index: ${fileErrors.join("; ")}`);
  // The build creates its folder before indexing starts; if the folder is gone, that build failed
  // and removed it, and its index is not wanted.
  if (cancelled || !existsSync(path.dirname(folder))) return 0;
  const written = canonicalIndexFiles(files.map((file) => ({ path: file.path, content: file.content })));
  for (const file of written) {
    const target = path.join(folder, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return written.length;
}

/** Closes Pagefind, waits for its process to exit and replies: once, whether the index was written or cancelled. */
let replied = false;
async function reply(outcome: IndexerReply): Promise<void> {
  if (replied) return;
  replied = true;
  await pagefind.close();
  await pagefindProcessesExited();
  parentPort?.postMessage(outcome);
  parentPort?.removeAllListeners("message");
}

notePagefindProcesses();
parentPort?.once("message", (request: IndexerRequest) => {
  // A newer preview build supersedes this index: Pagefind is stopped at once rather than left to index
  // every guide first, or each edit would start an indexer while the last ones still held the cores.
  parentPort?.on("message", (message) => {
    if (message !== cancelIndexing) return;
    cancelled = true;
    void reply({ written: 0 });
  });
  void buildIndex(request)
    .then((written): IndexerReply => ({ written }))
    .catch((error: unknown): IndexerReply => ({ error: error instanceof Error ? error.message : String(error) }))
    .then(reply);
});
