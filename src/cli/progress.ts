import type { BuildReporter } from "../build-reporter.ts";

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const plural = (count: number, noun: string) => `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;

/** How often the live line is redrawn: often enough to look alive, rarely enough to cost nothing. */
const redrawEveryMs = 100;

/**
 * `npm run build`'s report: a line per stage with its figures, as each finishes. On a terminal one
 * live line counts pages while they are written; anywhere else (CI, a file) only plain lines are
 * written, with no escape codes.
 */
export function buildProgress(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): BuildReporter {
  const live = stream.isTTY === true;
  let written = 0;
  let lastDraw = 0;
  let pagesStarted = now();
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write("\r\x1b[2K");
    drawn = false;
  };
  const line = (text: string) => {
    clear();
    stream.write(`${text}\n`);
  };
  return {
    guidesRead(count, milliseconds) {
      line(`Read and validated ${plural(count, "guide")} (${seconds(milliseconds)})`);
      pagesStarted = now();
    },
    pageWritten: live
      ? () => {
          written += 1;
          if (now() - lastDraw < redrawEveryMs) return;
          lastDraw = now();
          stream.write(`\r\x1b[2KWriting pages: ${written.toLocaleString("en")}`);
          drawn = true;
        }
      : undefined,
    pagesWritten(count) {
      line(`Wrote ${plural(count, "page")} and files (${seconds(now() - pagesStarted)})`);
    },
    searchIndexed(documents, milliseconds) {
      line(`Indexed ${plural(documents, "guide")} for search (${seconds(milliseconds)})`);
    },
    cardsDrawn({ drawn: cards, fromCache, milliseconds }) {
      line(`Drew ${plural(cards, "social card")} and took ${fromCache.toLocaleString("en")} from the cache (${seconds(milliseconds)})`);
    },
    warning(message) {
      line(`Warning: ${message}`);
    },
  };
}
