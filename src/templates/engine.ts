import { Liquid, type Template } from "liquidjs";
import { layoutsDir } from "../paths.ts";

/**
 * Renders each template in one synchronous pass. liquidjs's asynchronous renderer wraps every tag
 * and output in a promise; with thousands of pages that bookkeeping and the garbage it leaves cost
 * more than the rendering itself (a third of the build time and half its peak memory). Every filter
 * this site registers is synchronous, which the synchronous renderer requires.
 */
class SynchronousLiquid extends Liquid {
  override render(template: Template[], scope?: object, options?: Parameters<Liquid["renderSync"]>[2]): Promise<string> {
    const html = this.renderSync(template, scope, options) as string;
    // An asynchronous filter would print its promise instead of its value; stop rather than publish that.
    if (html.includes("[object Promise]")) {
      return Promise.reject(
        new Error("A Liquid filter returned a promise: filters must be synchronous because templates are rendered synchronously."),
      );
    }
    return Promise.resolve(html);
  }
}

/** The Liquid engine for layouts, partials and the Liquid in legacy guide bodies. */
export function createLiquid(): Liquid {
  return new SynchronousLiquid({ root: [layoutsDir], extname: ".liquid", outputEscape: "escape", strictFilters: true, cache: true });
}
