// What a reader downloads from a built site: the weight of its pages, and what its search page fetches.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Response } from "playwright-core";
import { pagedKinds } from "../taxonomy/registry.ts";
import { launchChromium } from "./chromium.ts";
import { serveSite } from "./static-server.ts";

/** Bytes a reader downloads for a page before compression: its HTML and every stylesheet and script it links, in KB. */
export function pageWeightKb(site: string, page: string): number {
  const file = path.join(site, page);
  const html = readFileSync(file, "utf8");
  const assets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script[^>]* src="([^"]+)"/g)].map(
    (match) => match[1] ?? match[2] ?? "",
  );
  return (statSync(file).size + assets.reduce((sum, asset) => sum + statSync(path.join(site, asset)).size, 0)) / 1000;
}

/** The pages that list guides: home, search, and every page of every action, platform, risk and regulation. */
export function listingPages(site: string): string[] {
  const termPages = Object.values(pagedKinds).flatMap(({ folder }) =>
    readdirSync(path.join(site, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("index.html"))
      .map((file) => path.join(folder, file)),
  );
  // /guides/ holds every guide's page too: its listing is its index and its numbered pages.
  const guidePages = path.join("guides", "page");
  const guideListings = existsSync(path.join(site, guidePages))
    ? readdirSync(path.join(site, guidePages)).map((number) => path.join(guidePages, number, "index.html"))
    : [];
  return ["index.html", "search/index.html", "guides/index.html", ...guideListings, ...termPages];
}

/** The heaviest listing page, and how many there are. */
export function heaviestListingPage(site: string): { page: string; kb: number; pages: number } {
  const pages = listingPages(site);
  const weighed = pages.map((page) => ({ page, kb: pageWeightKb(site, page) })).sort((a, b) => b.kb - a.kb);
  return { ...(weighed[0] ?? { page: "", kb: 0 }), pages: pages.length };
}

/** The largest feed, in KB, and the most entries a feed carries. */
export function largestFeed(site: string): { kb: number; entries: number } {
  const platforms = pagedKinds.platforms.folder;
  // Each platform's folder holds its feed; /platforms/index.html beside them is the index of platforms.
  const platformFolders = readdirSync(path.join(site, platforms), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const feeds = ["feed.xml", ...platformFolders.map((platform) => path.join(platforms, platform.name, "feed.xml"))];
  let kb = 0;
  let entries = 0;
  for (const feed of feeds) {
    const text = readFileSync(path.join(site, feed), "utf8");
    kb = Math.max(kb, Buffer.byteLength(text) / 1000);
    entries = Math.max(entries, text.split("<entry>").length - 1);
  }
  return { kb, entries };
}

/**
 * Serves the site, opens its search page in Chromium with a query and a facet in the URL, waits for the
 * results and for the network to settle, and counts every response the page received and its bytes.
 */
export async function searchDownloads(site: string, query: string): Promise<{ requests: number; kb: number; results: string }> {
  const server = await serveSite(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bodies: Promise<number>[] = [];
    page.on("response", (response: Response) =>
      bodies.push(
        response.body().then(
          (body) => body.length,
          () => 0,
        ),
      ),
    );
    await page.goto(`${server.url}/search/?${query}`);
    await page.waitForFunction(() => /found|No guide/.test(document.querySelector("[data-search-status]")?.textContent ?? ""), undefined, {
      timeout: 120_000,
    });
    await page.waitForLoadState("networkidle");
    const results = (await page.locator("[data-search-status]").textContent()) ?? "";
    const sizes = await Promise.all(bodies);
    return { requests: sizes.length, kb: sizes.reduce((sum, size) => sum + size, 0) / 1000, results };
  } finally {
    await browser.close();
    await server.close();
  }
}
