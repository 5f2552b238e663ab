import type { BuildReporter } from "../build-reporter.ts";
import { plural } from "../text/plural.ts";

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;

/** npm start's report: one line per build or rebuild with its figures, instead of a line per file written. */
export function previewProgress(log: (line: string) => void, now: () => number = () => performance.now()): BuildReporter {
  let guides = 0;
  let started = now();
  return {
    guidesRead(count, milliseconds) {
      guides = count;
      started = now() - milliseconds;
    },
    pagesWritten(count) {
      log(`Built ${plural(guides, "guide")} into ${plural(count, "page")} and files (${seconds(now() - started)})`);
    },
    warning(message) {
      log(`Warning: ${message}`);
    },
  };
}
