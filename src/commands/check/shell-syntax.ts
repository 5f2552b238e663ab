import { execFile, execFileSync } from "node:child_process";
import type { VerdictCache } from "./cache.ts";

/** What `bash -n` refuses in a script: the line (1-based, within the script) and bash's message. */
export interface ShellSyntaxError {
  line: number;
  message: string;
}

let bashVersion: string | undefined;

/** bash's verdict on the script's syntax, without running any of it; undefined when it parses. Verdicts are cached by bash's version. */
export async function shellSyntaxError(script: string, cache: VerdictCache): Promise<ShellSyntaxError | undefined> {
  bashVersion ??= execFileSync("bash", ["-c", "echo $BASH_VERSION"], { encoding: "utf8" }).trim();
  const cached = cache.get<{ error?: ShellSyntaxError }>("bash", bashVersion, script);
  if (cached) return cached.error;
  const error = await bashSyntax(script);
  cache.set("bash", bashVersion, script, { error });
  return error;
}

function bashSyntax(script: string): Promise<ShellSyntaxError | undefined> {
  return new Promise((resolve, reject) => {
    // As -c's argument, bash numbers the lines of its messages ("bash: -c: line 3: …"); read from stdin, it does not.
    execFile("bash", ["-n", "-c", script], (error, _stdout, stderr) => {
      if (!error) return resolve(undefined);
      if (typeof error.code !== "number") return reject(new Error(`bash could not be run: ${error.message}`));
      const first = /^bash: -c: line (\d+): (.*)$/m.exec(stderr);
      resolve(first ? { line: Number(first[1]), message: first[2] ?? "" } : { line: 1, message: stderr.trim() });
    });
  });
}
