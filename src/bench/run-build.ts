// One measured build in a fresh process: `node --import tsx src/bench/run-build.ts <ours|bare> <input> <output>`.
// Prints one JSON line: { ms, maxRssKiB }. A process per build keeps caches and memory from leaking between runs.
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../build.ts";
import { bareConfigPath } from "./bare.eleventy.ts";

const [mode, input = "", output = ""] = process.argv.slice(2);

async function bareBuild(): Promise<void> {
  const eleventy = new Eleventy(input, output, { quietMode: true, configPath: bareConfigPath });
  eleventy.disableLogger();
  await eleventy.write();
}

const started = performance.now();
if (mode === "ours") await buildSite({ input, output });
else if (mode === "bare") await bareBuild();
else throw new Error(`unknown mode "${mode}": use ours or bare`);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
