import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { BuildRefusedError } from "./refusal.ts";
import { besideOutput, isRunning } from "./work-folders.ts";

export interface OutputLock {
  /** Deletes the lock, if it is still this build's. */
  release(): void;
}

/**
 * Takes the lock on an output folder, or refuses the build while another one holds it: two builds
 * swapping sites into one folder would each publish part of theirs. The lock is `<output>.lock`,
 * holding the pid of the build that writes the folder. It is written aside and hard-linked into place,
 * which fails when a lock is there, so no build ever reads a lock half-written. A lock whose build is
 * no longer running (killed with SIGKILL, or the machine stopped) is taken over.
 */
export function lockOutput(target: string, shownAs: string): OutputLock {
  const lock = `${target}.lock`;
  const ours = besideOutput(target, "lock");
  writeFileSync(ours, `${process.pid}\n`);
  try {
    // A third try is needed only when another build takes a stale lock over at the same moment.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (linked(ours, lock)) return { release: () => releaseLock(lock) };
      const holder = lockHolder(lock);
      if (holder !== undefined && isRunning(holder)) throw heldBy(holder, shownAs, lock);
      takeOver(lock, target, shownAs);
    }
    throw heldBy(lockHolder(lock), shownAs, lock);
  } finally {
    rmSync(ours, { force: true });
  }
}

function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The pid in a lock file; undefined when the file is gone or holds no pid. */
function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a stale lock aside, then deletes it. Another build may have taken it over between this build
 * reading it and moving it; the lock moved aside is then that build's, and is given back.
 */
function takeOver(lock: string, target: string, shownAs: string): void {
  const aside = besideOutput(target, "lock");
  try {
    renameSync(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const holder = lockHolder(aside);
  if (holder !== undefined && isRunning(holder)) {
    linked(aside, lock);
    rmSync(aside, { force: true });
    throw heldBy(holder, shownAs, lock);
  }
  rmSync(aside, { force: true });
}

function releaseLock(lock: string): void {
  if (lockHolder(lock) === process.pid) unlinkSync(lock);
}

function heldBy(holder: number | undefined, shownAs: string, lock: string): BuildRefusedError {
  const who = holder === undefined ? "another build" : `another build (pid ${holder})`;
  return new BuildRefusedError(
    `--output ${shownAs}: ${who} is writing this folder: wait for it to finish and build again; if no build is running, delete ${lock}`,
  );
}
