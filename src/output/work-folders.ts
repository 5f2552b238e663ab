import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * What a build writes beside its output: the staging folder it builds into, the previous site it swaps
 * out, and the lock's files, each named `<output>.<kind>-<pid>-<random>`. Names unique to each build keep
 * two builds out of each other's folders, and the pid in the name tells a later build whether the one
 * that left a folder behind is still running.
 */
type Kind = "staging" | "previous" | "lock";

const leftoverName = /^(?<base>.+)\.(?:staging|previous|lock)-(?<pid>\d+)-[0-9a-f]{8}$/;

/** A path beside `target` that only this build uses. */
export function besideOutput(target: string, kind: Kind): string {
  return `${target}.${kind}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** Whether a process with this pid is running (one the user may not signal is running too). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Deletes what builds into `target` that are no longer running left beside it (killed with SIGKILL, or
 * the machine stopped). Called with the output's lock held, so no running build's folder is touched; a
 * leftover that cannot be deleted is left for a later build, since it does not stand in this one's way.
 */
export async function removeLeftovers(target: string): Promise<void> {
  const base = path.basename(target);
  const leftovers = readdirSync(path.dirname(target)).filter((name) => {
    const match = leftoverName.exec(name)?.groups;
    return match?.base === base && !isRunning(Number(match.pid));
  });
  await Promise.all(
    leftovers.map((name) => rm(path.join(path.dirname(target), name), { recursive: true, force: true }).catch(() => undefined)),
  );
}
