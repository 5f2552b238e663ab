// npm start: the live preview, with drafts, in its own folder.
import path from "node:path";
import { startPreview } from "../preview/start-preview.ts";
import { parseCommandLine } from "./command-line.ts";
import { startCommand } from "./commands.ts";

// The output folder is checked with the command line: the preview empties it before every build.
const { values } = parseCommandLine(startCommand);

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
