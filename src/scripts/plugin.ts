import path from "node:path";
import { build } from "esbuild";
import type { EleventyConfig } from "../eleventy-types.ts";
import { projectRoot } from "../paths.ts";

const clientDir = path.join(projectRoot, "src", "client");

/** The browser scripts, each bundled from src/client/ into one small file. None is needed to read a page. */
export const scripts = {
  /** Applies the reader's saved theme before the first paint; loaded blocking in <head>. */
  theme: { entry: "theme.ts", url: "/assets/theme.js", format: "iife" },
  /** Theme toggle, copy buttons and list filters; loaded as a deferred module. */
  site: { entry: "site.ts", url: "/assets/site.js", format: "esm" },
  /** The search page: queries the Pagefind index with facet filters. */
  search: { entry: "search.ts", url: "/assets/search.js", format: "esm" },
} as const;

async function bundle(entry: string, format: "iife" | "esm"): Promise<string> {
  const result = await build({
    entryPoints: [path.join(clientDir, entry)],
    bundle: true,
    minify: true,
    format,
    target: "es2022",
    write: false,
    legalComments: "none",
  });
  return result.outputFiles[0]?.text ?? "";
}

export function registerScripts(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(clientDir);
  eleventyConfig.addGlobalData("scriptUrls", Object.fromEntries(Object.entries(scripts).map(([name, script]) => [name, script.url])));
  for (const [name, script] of Object.entries(scripts)) {
    eleventyConfig.addTemplate(
      `assets/scripts/${name}.11ty.js`,
      { render: () => bundle(script.entry, script.format) },
      { permalink: script.url, layout: false, eleventyExcludeFromCollections: true },
    );
  }
}
