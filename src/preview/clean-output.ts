import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Empties the preview's output folder before each build writes it again, so a deleted or renamed
 * guide leaves no page behind and the preview serves exactly what a build of the same files would.
 * Called only once the guides are valid: an invalid guide keeps the last good pages on show.
 */
export function emptyFolder(folder: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) rmSync(path.join(folder, entry), { recursive: true, force: true, maxRetries: 3 });
}
