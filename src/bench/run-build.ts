// One measured build in a fresh process: `node --import tsx src/bench/run-build.ts <ours|bare> <input> <output>`.
// Prints one JSON line: { ms, maxRssKiB, childMaxRssKiB }. A process per build keeps caches and memory
// from leaking between runs.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
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
 * Reads the peak memory of this process's children (Pagefind's indexer runs as one), which maxRSS
 * leaves out: each child's high-water mark in /proc, polled from a thread of its own so that a busy
 * build cannot delay the reading past a child's exit. Linux only; elsewhere 0.
 */
function watchChildMemory(): () => Promise<number> {
  const sampler = new Worker(
    `const { readdirSync, readFileSync } = require("node:fs");
    const { parentPort, workerData } = require("node:worker_threads");
    const peaks = new Map();
    const sample = () => {
      let entries = [];
      try { entries = readdirSync("/proc").filter((entry) => /^\\d+$/.test(entry)); } catch { return; }
      for (const pid of entries) {
        try {
          // The parent's pid follows the command, which is in parentheses and may hold spaces.
          const stat = readFileSync("/proc/" + pid + "/stat", "utf8");
          if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== workerData.parent) continue;
          const peak = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/" + pid + "/status", "utf8"))?.[1] ?? 0);
          peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peak));
        } catch {}
      }
    };
    const timer = setInterval(sample, 100);
    parentPort.once("message", () => {
      clearInterval(timer);
      parentPort.postMessage([...peaks.values()].reduce((sum, peak) => sum + peak, 0));
    });`,
    { eval: true, workerData: { parent: process.pid } },
  );
  return async () => {
    sampler.postMessage("stop");
    const [total] = (await once(sampler, "message")) as [number];
    await sampler.terminate();
    return total;
  };
}

const childPeaks = watchChildMemory();
const started = performance.now();
if (mode === "ours") await buildSite({ input, output });
else if (mode === "bare") await bareBuild();
else throw new Error(`unknown mode "${mode}": use ours or bare`);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, childMaxRssKiB: await childPeaks() }));
