// npm start: the live preview, with drafts, in its own folder.
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultGuidesDir, projectRoot } from "../paths.ts";
import { startPreview } from "../preview/start-preview.ts";

/** The preview's own folder, git-ignored: a production build never writes it, and the preview never writes `_site/`. */
const defaultPreviewDir = path.join(projectRoot, "_preview");

const { values } = parseArgs({
  options: {
    input: { type: "string", default: defaultGuidesDir },
    output: { type: "string", default: defaultPreviewDir },
    port: { type: "string", default: "8080" },
  },
});

const preview = await startPreview({
  input: path.relative(process.cwd(), path.resolve(values.input)) || ".",
  output: path.relative(process.cwd(), path.resolve(values.output)) || ".",
  port: Number(values.port),
  log: (line) => console.log(line),
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void preview.stop().finally(() => process.exit(0));
};
// tsx watch (npm start's restarter) passes Ctrl+C and termination on to this process.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
// Should the restarter be killed outright, nothing would be left to stop this process: it stops when orphaned.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1000).unref();
