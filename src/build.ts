import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { BuildReporter } from "./build-reporter.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { loadSiteSettings, type SiteSettings } from "./site-settings.ts";
import { configureSite } from "./site.ts";

export interface BuildOptions {
  /** The guides folder (Eleventy's input). */
  input: string;
  /** Where the finished site goes; replaced only once the whole build has succeeded. */
  output: string;
  includeDrafts?: boolean;
  quiet?: boolean;
  /** Site settings; read from src/data/site.yaml when absent. */
  site?: SiteSettings;
  /** Told of each stage as the build goes. */
  reporter?: BuildReporter;
}

/**
 * Builds the site into a staging folder beside the output and swaps it in only when every page was
 * written, so a failed build never leaves a half-updated or stale site behind.
 */
export async function buildSite({
  input,
  output,
  includeDrafts = false,
  quiet = true,
  site = loadSiteSettings(),
  reporter,
}: BuildOptions): Promise<void> {
  const target = path.resolve(output);
  const staging = `${target}.staging`;
  const previous = `${target}.previous`;
  await rm(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(input, staging, {
      quietMode: quiet,
      pathPrefix: site.path_prefix,
      config: (eleventyConfig: EleventyConfig) => configureSite(eleventyConfig, { includeDrafts, site, reporter }),
    });
    // Eleventy would print the error as well; the caller reports it once, in full.
    if (quiet) eleventy.disableLogger();
    await eleventy.write();
  } catch (error) {
    // Eleventy may still be finishing other pages when one fails; retry the cleanup, and never let it hide the error.
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}
