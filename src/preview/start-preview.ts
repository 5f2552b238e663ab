import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describeFailure } from "../cli/failure.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { formatProblem, problemsErrorIn } from "../messages/problems.ts";
import { dataDir, layoutsDir, stylesDir } from "../paths.ts";
import { loadSiteSettings } from "../site-settings.ts";
import { configureSite } from "../site.ts";
import type { PreviewStatus } from "./problems-overlay.ts";
import { previewProgress } from "./progress.ts";

export interface PreviewOptions {
  /** The guides folder. */
  input: string;
  /** The preview's own folder, never the production site's: each build empties and writes it again. */
  output: string;
  port: number;
  /** Where the preview's report goes, a line at a time. */
  log: (line: string) => void;
}

export interface Preview {
  /** Stops watching and serving, once the build under way has finished. */
  stop(): Promise<void>;
}

/** The part of Eleventy's dev-server wrapper a failed rebuild goes through. */
interface DevServerErrors {
  sendError(event: { error: unknown }): Promise<void>;
}

/** Eleventy's file watcher (chokidar). */
interface FileWatcher {
  options: { cwd?: string };
  on(event: "add" | "unlink", listener: (file: string) => void): void;
}

/** Eleventy's cache of the files its globs found. */
interface FileSearch {
  add(file: string): void;
  delete(file: string): void;
}

/** Eleventy's timings of its own work, in groups. */
interface BenchmarkGroups {
  get(group: string): { setMinimumThresholdMs(milliseconds: number): void };
}

/** How long to wait after a change for the rest of an editor's save (or a rename's second half) before building. */
const settleMs = 200;

/**
 * npm start: builds the site with drafts into the preview's own folder, serves it with live reload,
 * and builds again on every change, a deleted file included (Eleventy's watcher only notes a deletion).
 * The report is one line per build; a build that fails prints its problems, and the pages show them
 * until a build succeeds.
 */
export async function startPreview({ input, output, port, log }: PreviewOptions): Promise<Preview> {
  const status: PreviewStatus = { problems: [] };
  const site = loadSiteSettings();
  const eleventy = new Eleventy(input, output, {
    runMode: "serve",
    quietMode: true,
    pathPrefix: site.path_prefix,
    config: (eleventyConfig: EleventyConfig) =>
      configureSite(eleventyConfig, { includeDrafts: true, site, reporter: previewProgress(log), preview: status }),
  });
  // The report is ours: Eleventy would print a line per file written, and a stack for an author's mistake.
  eleventy.disableLogger();
  const reportFailure = (error: unknown) => {
    const problemsError = problemsErrorIn(error);
    const report = describeFailure(error);
    status.problems = problemsError ? problemsError.problems.map(formatProblem) : [report.split("\n")[0] ?? report];
    log(report);
  };
  await eleventy.init();
  // Nor its warnings that a filter took a noticeable share of a build: they are for the benchmark.
  const benchmarks = (eleventy as unknown as { bench: BenchmarkGroups }).bench;
  for (const group of ["Configuration", "Aggregate"]) benchmarks.get(group).setMinimumThresholdMs(0);
  // Eleventy hands a failed rebuild to its dev server, which only logs it in the browser's console.
  const server = eleventy.eleventyServe as DevServerErrors;
  const sendError = server.sendError.bind(server);
  server.sendError = async ({ error }: { error: unknown }) => {
    reportFailure(error);
    await sendError({ error });
  };

  let firstBuildRetry: FSWatcher[] = [];
  const startWatching = async (): Promise<void> => {
    try {
      // Eleventy's first build happens here, before it watches.
      const rebuild = await eleventy.watch();
      const watcher = eleventy.watcher as FileWatcher | undefined;
      const fileSearch = (eleventy as unknown as { fileSystemSearch: FileSearch }).fileSystemSearch;
      // Eleventy's list of templates takes in an added or deleted file only when the watcher's path
      // reads as its own, which it does not for a guides folder outside the working directory; it is
      // told in its own terms too. A deletion it only notes, without building again.
      const asEleventySees = (file: string) => path.relative(process.cwd(), path.resolve(watcher?.options.cwd ?? process.cwd(), file));
      watcher?.on("add", (file) => fileSearch.add(asEleventySees(file)));
      watcher?.on("unlink", (file) => {
        fileSearch.delete(asEleventySees(file));
        void rebuild(file);
      });
    } catch (error) {
      // With no first build Eleventy sets up no watcher: wait for the author's next save, then try again.
      reportFailure(error);
      let timer: NodeJS.Timeout | undefined;
      firstBuildRetry = [input, layoutsDir, stylesDir, dataDir].map((folder) =>
        watch(folder, { recursive: true }, () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            for (const watcher of firstBuildRetry) watcher.close();
            firstBuildRetry = [];
            void startWatching();
          }, settleMs);
        }),
      );
    }
  };
  await startWatching();
  await eleventy.serve(port);
  log(`Serving the preview of ${input} at http://localhost:${port}/ (from ${output})`);

  return {
    async stop() {
      for (const watcher of firstBuildRetry) watcher.close();
      await eleventy.stopWatch();
    },
  };
}
