import { existsSync, readFileSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Liquid, type FilterImplOptions, type FS, type LiquidOptions, type Template } from "liquidjs";
import { layoutsDir } from "../paths.ts";

/**
 * Renders each template in one synchronous pass. liquidjs's asynchronous renderer wraps every tag
 * and output in a promise; with thousands of pages that bookkeeping and the garbage it leaves cost
 * more than the rendering itself (a third of the build time and half its peak memory). The
 * synchronous renderer needs synchronous filters, so this site's filters are checked as they run.
 */
class SynchronousLiquid extends Liquid {
  // Set once liquidjs has registered its own filters, so only the site's are wrapped.
  private readonly checksFilters = true;

  override registerFilter(name: string, filter: FilterImplOptions): void {
    if (!this.checksFilters || typeof filter !== "function") return super.registerFilter(name, filter);
    super.registerFilter(name, function (this: unknown, ...args: unknown[]) {
      const value: unknown = filter.apply(this as never, args as [unknown, ...unknown[]]);
      if (value instanceof Promise) {
        throw new Error(
          `The Liquid filter "${name}" returned a promise: filters must be synchronous because templates are rendered synchronously.`,
        );
      }
      return value;
    });
  }

  override render(template: Template[], scope?: object, options?: Parameters<Liquid["renderSync"]>[2]): Promise<string> {
    try {
      return Promise.resolve(this.renderSync(template, scope, options) as string);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** The extension `{% include "partials/x" %}` and `{% render %}` add to a name that has none. */
export const partialExtension = ".liquid";

/** Whether a path, written or resolved, lies inside the layouts folder, judged on the path alone. */
export function isInsideLayouts(file: string, folder = layoutsDir): boolean {
  const relative = path.relative(folder, path.resolve(folder, file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

// Compared with the folder's own real path, so a checkout reached through a link still finds its partials.
let realLayoutsDir: string | undefined;
const isReallyInsideLayouts = (file: string) => isInsideLayouts(realpathSync(file), (realLayoutsDir ??= realpathSync(layoutsDir)));

/**
 * Partials come from the layouts folder and nowhere else. liquidjs's own file system also tries
 * `require.resolve` on a name it cannot find and compares real paths, which touches files outside
 * the site; this one rejects a path outside the folder before it asks the disk anything, and a
 * path inside that is a link to somewhere else.
 */
const layoutsOnly: FS = {
  sep: path.sep,
  dirname: (file) => path.dirname(file),
  resolve: (dir, file, extension) => path.resolve(dir, path.extname(file) ? file : file + extension),
  containsSync: (_root, file) => isInsideLayouts(file) && existsSync(file) && isReallyInsideLayouts(file),
  contains: (root, file) => Promise.resolve(layoutsOnly.containsSync!(root, file)),
  existsSync: (file) => existsSync(file),
  exists: (file) => Promise.resolve(existsSync(file)),
  readFileSync: (file) => readFileSync(file, "utf8"),
  readFile: (file) => readFile(file, "utf8"),
};

/** liquidjs's guards against a template that runs away: characters parsed, milliseconds rendering, and characters or list items made. */
export type LiquidLimits = Pick<LiquidOptions, "parseLimit" | "renderLimit" | "memoryLimit">;

/**
 * The Liquid engine for layouts and partials, and (a separate instance) for the Liquid in legacy
 * guide bodies. `reportsEveryError` collects every mistake in a template instead of stopping at the
 * first, for content an author fixes in one go. `limits` are for templates the site does not own;
 * the layouts' engine has none.
 */
export function createLiquid({
  reportsEveryError = false,
  limits = {},
}: { reportsEveryError?: boolean; limits?: LiquidLimits } = {}): Liquid {
  return new SynchronousLiquid({
    root: [layoutsDir],
    extname: partialExtension,
    fs: layoutsOnly,
    outputEscape: "escape",
    strictFilters: true,
    cache: true,
    catchAllErrors: reportsEveryError,
    ...limits,
  });
}
