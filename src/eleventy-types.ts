import type { Liquid } from "liquidjs";

/** The parts of Eleventy's configuration API this site uses; Eleventy ships no TypeScript types of its own. */
export interface EleventyConfig {
  addGlobalData(name: string, data: unknown): void;
  addLayoutAlias(from: string, to: string): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addWatchTarget(target: string): void;
  addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
  addTransform(name: string, transform: (this: never, content: string) => string): void;
  setLibrary(name: "md", library: { render(text: string, env?: unknown): string }): void;
  setLibrary(name: "liquid", library: Liquid): void;
  setLayoutsDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setDataDirectory(dir: string): void;
  setDataFileSuffixes(suffixes: string[]): void;
  setQuietMode(quiet: boolean): void;
  /** Options of Eleventy's dev server; `onRequest` answers the URLs it matches from memory. */
  setServerOptions(options: { onRequest?: Record<string, () => DevServerResponse | Promise<DevServerResponse>> }): void;
  on(
    event: "eleventy.before" | "eleventy.after",
    handler: (event: {
      directories: { input: string; output: string };
      runMode: "build" | "watch" | "serve";
      /** After a build: every page and file written. */
      results: unknown[];
    }) => unknown,
  ): void;
  /** Fired once the configuration is merged, with Eleventy's TemplateConfig (as Eleventy's own RenderPlugin uses it). */
  on(event: "eleventy.config", handler: (templateConfig: { getConfig(): EleventyMergedConfig }) => unknown): void;
  ignores: Set<string>;
  directories: { input: string; output: string };
}

/** What a dev-server `onRequest` callback answers. */
export interface DevServerResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/** The merged configuration Eleventy reads as it builds. */
export interface EleventyMergedConfig {
  /** The engine run over markdown before markdown itself, or false for none. */
  markdownTemplateEngine: string | false;
}

/** The page data Eleventy hands to computed-data functions. */
export interface PageData {
  page: { inputPath: string; fileSlug: string };
  permalink?: unknown;
  [key: string]: unknown;
}
