import { execFileSync } from "node:child_process";
import path from "node:path";

const git = (args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 28 });

/**
 * The date (YYYY-MM-DD) each file under a folder last changed in git, by absolute path. One `git log`
 * reads the whole history, so the cost does not grow with a process per guide. Outside a repository,
 * or for files never committed, there is no date: the caller falls back to the guide's `reviewed`.
 */
export function lastCommitDates(folder: string): Map<string, string> {
  const dates = new Map<string, string>();
  let root: string;
  try {
    root = git(["-C", folder, "rev-parse", "--show-toplevel"]).trim();
  } catch {
    return dates;
  }
  const log = git(["-C", root, "log", "--format=%x00%cs", "--name-only", "--", path.relative(root, path.resolve(folder)) || "."]);
  let date = "";
  for (const line of log.split("\n")) {
    if (line.startsWith("\0")) date = line.slice(1);
    else if (line && date) {
      const file = path.join(root, line);
      // The log runs newest first, so the first date seen for a file is its last change.
      if (!dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}
