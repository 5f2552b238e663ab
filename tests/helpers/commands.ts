import { execFile } from "node:child_process";
import { projectRoot } from "../../src/paths.ts";

export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's scripts (`src/cli/check.ts`…) as `npm run` does, with node and tsx from
 * the project folder; asynchronous, so that several run side by side.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: projectRoot, encoding: "utf8", env },
      (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout, stderr });
      },
    );
  });
}
