// The benchmark's yardstick, bare Eleventy: the same markdown files rendered into one trivial layout,
// nothing else. Used for the timed builds and for watch mode alike.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";

export const bareConfigPath = import.meta.filename;

export default function (config: EleventyConfig): void {
  const input = path.resolve(config.directories.input);
  const layouts = path.join(path.dirname(input), "bare-layouts");
  mkdirSync(layouts, { recursive: true });
  writeFileSync(path.join(layouts, "trivial.liquid"), "<!doctype html><title>{{ title }}</title><main>{{ content }}</main>\n");
  config.setLayoutsDirectory(path.relative(input, layouts));
  config.setTemplateFormats(["md"]);
  config.addGlobalData("layout", "trivial.liquid");
  // Legacy guides name the old site's layout.
  config.addLayoutAlias("base.njk", "trivial.liquid");
}
