import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";

/** The cached image of a card, by its key. */
export const cachedCardFile = (cacheFolder: string, key: string) => path.join(cacheFolder, `${key}.png`);

/**
 * Puts a cached card into the site. A hard link costs no copy; across file systems (a site built in
 * a temporary folder, say) the image is copied instead. The cache never changes a file it holds, so
 * a linked card stays what it was.
 */
export function placeCard(cachedFile: string, folder: string, sitePath: string): void {
  const target = path.join(folder, sitePath);
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    linkSync(cachedFile, target);
  } catch {
    copyFileSync(cachedFile, target);
  }
}
