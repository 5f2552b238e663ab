import childProcess, { type ChildProcess } from "node:child_process";
import { once } from "node:events";

const started: ChildProcess[] = [];
const spawn = childProcess.spawn;

/**
 * Pagefind's service kills its process on close without waiting for it to exit, and a process is
 * reaped only by the event loop of the thread that started it: once the indexer's worker thread ends,
 * nobody is left to reap it, and every preview rebuild would leave a defunct process behind. Pagefind
 * keeps its process to itself, so the indexer notes each one as it starts (Pagefind calls `spawn` on
 * the module object), to wait for its exit before the worker ends.
 */
export function notePagefindProcesses(): void {
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
    const child = spawn(...args);
    started.push(child);
    return child;
  }) as typeof spawn;
}

/** Resolves once every process Pagefind started has exited and been reaped. */
export async function pagefindProcessesExited(): Promise<void> {
  const running = started.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => once(child, "exit")));
}
