// One measured build in a fresh process: `node --import tsx src/bench/run-build.ts <ours|bare> <input> <output>`.
// Prints one JSON line: { ms, maxRssKiB }. A process per build keeps caches and memory from leaking between runs.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../build.ts";
import type { EleventyConfig } from "../eleventy-types.ts";

const [mode, input = "", output = ""] = process.argv.slice(2);

/** Bare Eleventy: the same markdown files, one trivial layout, nothing else. */
async function bareBuild(): Promise<void> {
  const layouts = path.join(path.dirname(output), "bare-layouts");
  mkdirSync(layouts, { recursive: true });
  writeFileSync(path.join(layouts, "trivial.liquid"), "<!doctype html><title>{{ title }}</title><main>{{ content }}</main>\n");
  const eleventy = new Eleventy(input, output, {
    quietMode: true,
    config: (config: EleventyConfig) => {
      config.setLayoutsDirectory(path.relative(input, layouts));
      config.setTemplateFormats(["md"]);
      config.addGlobalData("layout", "trivial.liquid");
      config.addLayoutAlias("base.njk", "trivial.liquid");
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
}

const started = performance.now();
if (mode === "ours") await buildSite({ input, output });
else if (mode === "bare") await bareBuild();
else throw new Error(`unknown mode "${mode}": use ours or bare`);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
