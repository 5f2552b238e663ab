import { once } from "node:events";
import { Worker } from "node:worker_threads";

// Workers load their TypeScript module the way the CLI loads the site: through tsx, found from here
// rather than from the working directory, which may be any folder of guides.
const tsxApi = import.meta.resolve("tsx/esm/api");

/**
 * Starts `moduleUrl` (a TypeScript module that answers one message) on a worker thread and sends it
 * `request`. The reply is the module's answer, or an error naming `what` when the worker fails or
 * exits before answering.
 */
export function startWorker<Request, Reply>(
  moduleUrl: URL,
  request: Request,
  what: string,
): { worker: Worker; reply: Promise<Reply | { error: string }> } {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(bootstrap, { eval: true });
  const stopped = Promise.race([
    once(worker, "error").then(([error]) => `it failed: ${error instanceof Error ? error.message : String(error)}`),
    once(worker, "exit").then(([code]) => `it exited with code ${String(code)} before answering`),
  ]).then((why) => ({ error: `${what} stopped: ${why}` }));
  const reply = Promise.race([once(worker, "message").then(([message]) => message as Reply), stopped]);
  worker.postMessage(request);
  return { worker, reply };
}
