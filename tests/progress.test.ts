// npm run build's report: plain lines anywhere, and one live line on a terminal only.
import { describe, expect, it } from "vitest";
import { buildProgress } from "../src/cli/progress.ts";

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WriteStream, text: () => chunks.join("") };
}

/** Runs one build's worth of reports, with a clock that moves 50 ms per page. */
function reportBuild(isTTY: boolean): string {
  const { stream, text } = fakeStream(isTTY);
  let clock = 0;
  const reporter = buildProgress(stream, () => clock);
  reporter.guidesRead?.(1200, 310);
  for (let page = 0; page < 10; page++) {
    clock += 50;
    reporter.pageWritten?.(`/out/guides/${page}/index.html`);
  }
  reporter.pagesWritten?.(1234);
  reporter.searchIndexed?.(1100, 1530);
  reporter.cardsDrawn?.({ drawn: 3, fromCache: 1250, milliseconds: 420 });
  return text();
}

describe("the build's progress", () => {
  it("is plain lines with figures where there is no terminal", () => {
    expect(reportBuild(false)).toBe(
      [
        "Read and validated 1,200 guides (0.31 s)",
        "Wrote 1,234 pages and files (0.50 s)",
        "Indexed 1,100 guides for search (1.53 s)",
        "Drew 3 social cards and took 1,250 from the cache (0.42 s)",
        "",
      ].join("\n"),
    );
  });

  it("shows a live page count on a terminal and clears it before the next line", () => {
    const output = reportBuild(true);
    expect(output).toContain("\r\x1b[2KWriting pages: 2");
    expect(output).toContain("\r\x1b[2KWriting pages: 10");
    // Redrawn at most every 100 ms: pages 1, 3, 5, 7, 9 (50 ms apart) skip the redraw.
    expect(output).not.toContain("Writing pages: 3");
    const erase = "\r\u001b[2K";
    const plain = output
      .split(erase)
      .map((part) => part.replace(/^Writing pages: \d+/, ""))
      .join("");
    expect(plain).toBe(reportBuild(false));
  });
});
