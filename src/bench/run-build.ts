// One measured build in a fresh process: `node --import tsx src/bench/run-build.ts <ours|bare> <input> <output>`.
// Prints one JSON line: { ms, maxRssKiB, childMaxRssKiB }. A process per build keeps caches and memory
// from leaking between runs.
import { readdirSync, readFileSync } from "node:fs";
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../build.ts";
import { bareConfigPath } from "./bare.eleventy.ts";

const [mode, input = "", output = ""] = process.argv.slice(2);

async function bareBuild(): Promise<void> {
  const eleventy = new Eleventy(input, output, { quietMode: true, configPath: bareConfigPath });
  eleventy.disableLogger();
  await eleventy.write();
}

/**
 * The peak memory of this process's children (Pagefind's indexer runs as one), which maxRSS leaves
 * out: each child's high-water mark is read from /proc while it runs. Linux only; elsewhere 0.
 */
function watchChildMemory(): () => number {
  const peaks = new Map<string, number>();
  const read = () => {
    let entries: string[];
    try {
      entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
    } catch {
      return;
    }
    for (const pid of entries) {
      try {
        // The parent's pid is the field after the command, which is in parentheses and may hold spaces.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
        const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peak));
      } catch {
        // The process ended between listing and reading.
      }
    }
  };
  const timer = setInterval(read, 100);
  return () => {
    clearInterval(timer);
    return [...peaks.values()].reduce((sum, peak) => sum + peak, 0);
  };
}

const childPeaks = watchChildMemory();
const started = performance.now();
if (mode === "ours") await buildSite({ input, output });
else if (mode === "bare") await bareBuild();
else throw new Error(`unknown mode "${mode}": use ours or bare`);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, childMaxRssKiB: childPeaks() }));
