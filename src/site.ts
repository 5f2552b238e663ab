import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { registerSocialCards } from "./cards/plugin.ts";
import { registerCatalog } from "./catalog/plugin.ts";
import { registerContent } from "./content/plugin.ts";
import type { BuildReporter } from "./build-reporter.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { registerMarkdown } from "./markdown/plugin.ts";
import { registerOutput, registerProgress } from "./output/plugin.ts";
import { registerPages } from "./pages/plugin.ts";
import { registerPreview } from "./preview/plugin.ts";
import type { PreviewStatus } from "./preview/problems-overlay.ts";
import { registerScripts } from "./scripts/plugin.ts";
import { registerSearch } from "./search/plugin.ts";
import { dataDir, layoutsDir } from "./paths.ts";
import { registerPublishing } from "./publishing/plugin.ts";
import { loadSiteSettings, type SiteSettings } from "./site-settings.ts";
import { registerStyles } from "./styles/plugin.ts";
import { registerTaxonomy } from "./taxonomy/plugin.ts";
import { createLiquid } from "./templates/engine.ts";
import { loadRegistry } from "./taxonomy/registry.ts";

export interface SiteOptions {
  /** Build draft guides too (npm start), or leave them out (production). */
  includeDrafts: boolean;
  /** Site settings; read from src/data/site.yaml when absent. */
  site?: SiteSettings;
  /** Told of each stage as the build goes (npm run build prints it). */
  reporter?: BuildReporter;
  /** npm start's preview: where its build problems are kept for the browser. Never set for a production build. */
  preview?: PreviewStatus;
}

/** Wires every concern of the site into Eleventy. The input folder is the guides folder. */
export function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): { pathPrefix: string } {
  const registry = loadRegistry();
  const site = options.site ?? loadSiteSettings();

  // Layouts live beside the guides folder, so the same layouts serve guides/ and the test fixture sites.
  const layouts = path.relative(path.resolve(eleventyConfig.directories.input), layoutsDir);
  eleventyConfig.setLayoutsDirectory(layouts);
  eleventyConfig.setIncludesDirectory(layouts);
  eleventyConfig.setTemplateFormats(["md", "liquid", "11ty.js"]);
  eleventyConfig.setLibrary("liquid", createLiquid());
  // Markdown is markdown only: a structured body's {{ }} and {% %} reach the page as written, and a
  // legacy body's Liquid is rendered when the guide is read. The setting is applied once the
  // configuration is merged, because the programmatic build ignores what a config callback returns.
  eleventyConfig.on("eleventy.config", (templateConfig) => {
    templateConfig.getConfig().markdownTemplateEngine = false;
  });
  eleventyConfig.addWatchTarget(layoutsDir);
  eleventyConfig.addWatchTarget(dataDir);

  const reporter = options.reporter ?? {};
  const content = registerContent(eleventyConfig, { registry, site, includeDrafts: options.includeDrafts, reporter });
  if (options.preview) registerPreview(eleventyConfig, content, options.preview);
  const catalog = registerCatalog(eleventyConfig, content, {
    registry,
    includeDrafts: options.includeDrafts,
    guidesPerPage: site.guides_per_page,
  });
  registerTaxonomy(eleventyConfig, registry);
  registerMarkdown(eleventyConfig);
  registerStyles(eleventyConfig);
  registerScripts(eleventyConfig);
  registerPages(eleventyConfig);
  registerSearch(eleventyConfig, catalog, reporter);
  registerSocialCards(eleventyConfig, catalog, site, reporter);
  registerProgress(eleventyConfig, reporter);
  registerPublishing(eleventyConfig, site, registry);
  registerOutput(eleventyConfig);
  // Under a path prefix, every root-relative URL in every page gets it, so templates write plain
  // /guides/… links. At the root the rewrite would change nothing and costs a parse of every page.
  if (site.path_prefix !== "/") eleventyConfig.addPlugin(HtmlBasePlugin);
  return { pathPrefix: site.path_prefix };
}
