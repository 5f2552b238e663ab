import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { projectRoot } from "../paths.ts";

export interface DevServerOptions {
  /** The Eleventy configuration, relative to the project: `.eleventy.ts` is `npm start`'s. */
  config: string;
  input: string;
  output: string;
  port: number;
  /** Eleventy's `--incremental`, which rebuilds only the templates a change touches. */
  incremental?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Eleventy's dev server as `npm start` runs it (`--serve`, this project's tsx), on a folder and port of
 * the caller's choosing, run from the project folder; for the live-preview test and the watch benchmark.
 */
export function startDevServer({
  config,
  input,
  output,
  port,
  incremental = false,
  env,
}: DevServerOptions): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "node_modules/@11ty/eleventy/cmd.cjs",
      `--config=${config}`,
      `--input=${input}`,
      `--output=${output}`,
      "--serve",
      ...(incremental ? ["--incremental"] : []),
      `--port=${port}`,
    ],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], env: env ?? process.env },
  );
}

export interface PreviewServerOptions {
  input: string;
  /** The preview's own folder. */
  output: string;
  port: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * `npm start`'s preview (`src/cli/start.ts`, this project's tsx) on a folder and port of the caller's
 * choosing, run from the project folder; for the preview tests.
 */
export function startPreviewServer({ input, output, port, env }: PreviewServerOptions): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/start.ts", `--input=${input}`, `--output=${output}`, `--port=${port}`], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: env ?? process.env,
  });
}
