import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import type { CliRunner } from "./clis.ts";

/** A CLI's verdict on one call. */
export interface CliVerdict {
  /** parsed: the CLI took the call; rejected: it refused it; unchecked: it could not judge it. */
  outcome: "parsed" | "rejected" | "unchecked";
  /** The CLI's own words, on one line, when it did not take the call. */
  message: string;
  /** Hosts off loopback the CLI tried to reach during the call, refused by the checker. */
  offLoopback: string[];
}

/** The last output of a checker that failed is shown, not all of it. */
const keptErrorOutput = 4000;

/**
 * One long-lived checker process (python/serve.py's protocol): the CLI loads once and answers every
 * call in turn, instead of paying a CLI start-up per call.
 */
export class CliProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((line: string | Error) => void)[] = [];
  private errorOutput = "";
  private exited: Error | undefined;

  private constructor(runner: Pick<CliRunner, "python" | "script">, env: NodeJS.ProcessEnv, cwd: string) {
    this.child = spawn(runner.python, [runner.script], { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.errorOutput = (this.errorOutput + chunk.toString("utf8")).slice(-keptErrorOutput);
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => this.waiting.shift()?.(line));
    const fail = (error: Error) => {
      this.exited ??= error;
      for (const answer of this.waiting.splice(0)) answer(error);
    };
    this.child.on("error", fail);
    this.child.on("close", (code) =>
      fail(new Error(`the checker ${runner.script} stopped (exit code ${code}): ${this.errorOutput.trim()}`)),
    );
  }

  /** Starts the checker and reads the CLI's version, or why the CLI cannot be loaded. */
  static async start(
    runner: Pick<CliRunner, "python" | "script">,
    env: NodeJS.ProcessEnv,
    cwd: string,
  ): Promise<{ process: CliProcess; version: string } | { missing: string }> {
    const process = new CliProcess(runner, env, cwd);
    const hello = JSON.parse(await process.nextLine()) as { version?: string; missing?: string };
    if (hello.version) return { process, version: hello.version };
    await process.close();
    return { missing: hello.missing ?? "the checker named no version" };
  }

  /** The CLI's verdict on the words after its name. */
  async check(args: readonly string[]): Promise<CliVerdict> {
    const answer = this.nextLine();
    this.child.stdin.write(`${JSON.stringify({ args })}\n`);
    return JSON.parse(await answer) as CliVerdict;
  }

  /** Ends the checker once every answer is in; a CLI's own exit handlers have nothing left to do. */
  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("close", () => resolve());
      this.child.kill();
    });
  }

  private nextLine(): Promise<string> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => (line instanceof Error ? reject(line) : resolve(line)));
    });
  }
}
