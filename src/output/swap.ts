import { existsSync, renameSync } from "node:fs";

/**
 * Moves the old site aside and the new one into its place. Both renames are synchronous, so an
 * interruption cannot fall between them and leave no site; if the second fails, the old site goes back.
 */
export function swapIn(staging: string, target: string, previous: string): void {
  const hadSite = existsSync(target);
  if (hadSite) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadSite) renameSync(previous, target);
    throw error;
  }
}
