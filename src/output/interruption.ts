import { constants } from "node:os";

/** The signals that end a build early: Ctrl+C, and a request to stop (from CI, a process manager, kill). */
const signals = ["SIGINT", "SIGTERM"] as const;

/** What every build running in this process must undo if it is interrupted. */
const cleanUps = new Set<() => void>();

function exitCleanly(signal: NodeJS.Signals): void {
  for (const cleanUp of cleanUps) {
    // One build's cleanup failing must not keep the others' from running.
    try {
      cleanUp();
    } catch {
      // The process is ending; there is nobody left to tell.
    }
  }
  // The exit code a shell gives a process ended by the signal: 130 for SIGINT, 143 for SIGTERM.
  process.exit(128 + constants.signals[signal]);
}

/**
 * Until the returned function is called, an interruption or termination runs `cleanUp` before the
 * process exits with the code a shell expects. Node would otherwise exit at once and leave a half-written
 * staging folder and the output's lock behind. The cleanup must be synchronous: nothing asynchronous
 * runs once the signal has been handled.
 */
export function cleanUpOnInterruption(cleanUp: () => void): () => void {
  if (cleanUps.size === 0) for (const signal of signals) process.on(signal, exitCleanly);
  cleanUps.add(cleanUp);
  return () => {
    cleanUps.delete(cleanUp);
    if (cleanUps.size === 0) for (const signal of signals) process.off(signal, exitCleanly);
  };
}
