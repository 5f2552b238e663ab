// The real guides' site, built and served on 127.0.0.1, and Chromium to read it, for a test file's browser tests.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../src/bench/chromium.ts";
import { serveSite } from "../../src/bench/static-server.ts";
import { defaultGuidesDir } from "../../src/paths.ts";
import { sharedBuild, type BuiltSite } from "./site.ts";

/**
 * Builds the real guides (once per worker) and serves them, starting Chromium meanwhile, before the tests of
 * the file or block that calls it, and closes both after them.
 */
export function realSiteInChromium(): { readonly browser: Browser; readonly url: string; readonly site: BuiltSite } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  let site: BuiltSite | undefined;
  beforeAll(async () => {
    const launched = launchChromium();
    site = await sharedBuild(defaultGuidesDir);
    server = await serveSite(site.root);
    browser = await launched;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("Chromium is started before the tests");
      return browser;
    },
    get url() {
      if (!server) throw new Error("the site is served before the tests");
      return server.url;
    },
    get site() {
      if (!site) throw new Error("the site is built before the tests");
      return site;
    },
  };
}
