// The social-card worker: draws every card the site publishes on another thread while Eleventy
// renders pages on the main one, taking each from the cache when a card with the same content and
// design was drawn before. It receives the cards once and replies once they are all written.
import { existsSync, mkdirSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { cachedCardFile, placeCard, storeCard } from "./cache.ts";
import type { CardSpec } from "./cards.ts";
import { createCardRenderer } from "./render.ts";

export interface CardRequest {
  cards: CardSpec[];
  /** The site folder the card paths are inside. */
  folder: string;
  /** Kept between builds: one PNG per card key. */
  cacheFolder: string;
}
export type CardReply = { drawn: number; fromCache: number; milliseconds: number } | { error: string };

/** Cards drawn at once: satori runs on this thread while resvg rasterises earlier cards on libuv's threads. */
const inFlight = 4;

export async function writeCards({ cards, folder, cacheFolder }: CardRequest): Promise<CardReply> {
  const started = performance.now();
  const renderer = createCardRenderer();
  mkdirSync(cacheFolder, { recursive: true });
  let drawn = 0;
  let fromCache = 0;
  const queue = [...cards];
  const next = async (): Promise<void> => {
    for (let card = queue.shift(); card; card = queue.shift()) {
      const cached = cachedCardFile(cacheFolder, renderer.key(card.content));
      if (existsSync(cached)) {
        fromCache += 1;
      } else {
        storeCard(cached, await renderer.render(card.content));
        drawn += 1;
      }
      // The build removes its folder when it fails; its cards are not wanted then.
      if (!existsSync(folder)) return;
      placeCard(cached, folder, card.path);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, next));
  return { drawn, fromCache, milliseconds: Math.round(performance.now() - started) };
}

parentPort?.once("message", (request: CardRequest) => {
  void writeCards(request)
    .catch((error: unknown): CardReply => ({ error: error instanceof Error ? error.message : String(error) }))
    .then((reply) => parentPort?.postMessage(reply));
});
