import { randomUUID } from "node:crypto";
import { constants, copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The cached image of a card, by its key. */
export const cachedCardFile = (cacheFolder: string, key: string) => path.join(cacheFolder, `${key}.png`);

/**
 * Writes `target` beside itself, then renames it into place: a reader (another build sharing the
 * cache, a server of the site) sees the whole file or none of it, and a file already there is
 * replaced, never written through, so whatever else shares it is left alone.
 */
function replaceWhole(target: string, write: (partial: string) => void): void {
  const partial = `${target}.${randomUUID()}.partial`;
  try {
    write(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Keeps a card just drawn, for every later build with the same card. */
export function storeCard(cachedFile: string, png: Buffer): void {
  replaceWhole(cachedFile, (partial) => writeFileSync(partial, png));
}

/**
 * Puts a cached card into the site as a file of its own. The site is handed to tools that may edit
 * it in place (an image optimiser run over the output); through a hard link such an edit would reach
 * the cache and every later build would publish it. Where the file system can, the copy is a reflink,
 * which shares the bytes until either side is written.
 */
export function placeCard(cachedFile: string, folder: string, sitePath: string): void {
  const target = path.join(folder, sitePath);
  mkdirSync(path.dirname(target), { recursive: true });
  replaceWhole(target, (partial) => copyFileSync(cachedFile, partial, constants.COPYFILE_FICLONE));
}
