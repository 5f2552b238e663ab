import { rmSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { BuildReporter } from "./build-reporter.ts";
import { refuseUnsafeBuild } from "./build-refusals.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { lockOutput } from "./output/build-lock.ts";
import { cleanUpOnInterruption } from "./output/interruption.ts";
import { swapIn } from "./output/swap.ts";
import { besideOutput, removeLeftovers } from "./output/work-folders.ts";
import { loadSiteSettings, type SiteSettings } from "./site-settings.ts";
import { configureSite } from "./site.ts";

export interface BuildOptions {
  /** The guides folder (Eleventy's input). */
  input: string;
  /** Where the finished site goes; replaced only once the whole build has succeeded. */
  output: string;
  includeDrafts?: boolean;
  /** Build even when the input holds no guide; otherwise that is refused, as more likely a bad checkout than a wish. */
  allowEmpty?: boolean;
  quiet?: boolean;
  /** Site settings; read from src/data/site.yaml when absent. */
  site?: SiteSettings;
  /** Told of each stage as the build goes. */
  reporter?: BuildReporter;
}

/**
 * Builds the site into a staging folder beside the output and swaps it in only when every page was
 * written, so a failed or interrupted build never leaves a half-updated or stale site behind. Before
 * anything is written it refuses (BuildRefusedError) an output folder it must not replace, an input
 * with no guides, and an output another build is writing.
 */
export async function buildSite({
  input,
  output,
  includeDrafts = false,
  allowEmpty = false,
  quiet = true,
  site = loadSiteSettings(),
  reporter,
}: BuildOptions): Promise<void> {
  refuseUnsafeBuild({ input, output, allowEmpty });
  const target = path.resolve(output);
  await mkdir(path.dirname(target), { recursive: true });
  const lock = lockOutput(target, output);
  const staging = besideOutput(target, "staging");
  const previous = besideOutput(target, "previous");
  const stopCleanUp = cleanUpOnInterruption(() => {
    rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
    rmSync(previous, { recursive: true, force: true, maxRetries: 3 });
    lock.release();
  });
  try {
    await removeLeftovers(target);
    await writeSite(input, staging, { includeDrafts, quiet, site, reporter });
    swapIn(staging, target, previous);
    // The new site is in place; an old one that cannot be deleted now is deleted by the next build.
    await rm(previous, { recursive: true, force: true }).catch(() => undefined);
  } finally {
    stopCleanUp();
    lock.release();
  }
}

interface WriteOptions {
  includeDrafts: boolean;
  quiet: boolean;
  site: SiteSettings;
  reporter: BuildReporter | undefined;
}

async function writeSite(input: string, staging: string, { includeDrafts, quiet, site, reporter }: WriteOptions): Promise<void> {
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
}
