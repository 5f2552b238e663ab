import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import type { VerdictCache } from "./cache.ts";
import { CliProcess, type CliVerdict } from "./cli-process.ts";
import { checkerEnvironment, cliDefinitions, type CheckedCliName, type CliRunner } from "./clis.ts";

/** The installed CLI's verdict on a call and the CLI it came from, or why no CLI was asked. */
export type Asked = { verdict: CliVerdict; cli: string } | { missing: string };

/** A running checker and the CLI it asks, or why there is none. */
type Started = { process: CliProcess; version: string; label: string } | { missing: string };

/**
 * The checkers of aws, gcloud and az, each started on its first call and asked only about calls the
 * cache has no verdict for; a call asked twice in a run is asked once. Each runs in a throwaway folder
 * of its own, removed by close().
 */
export class CliCheckers {
  private readonly started = new Map<CheckedCliName, Promise<Started>>();
  private readonly asked = new Map<string, Promise<Asked>>();
  private readonly folder = mkdtempSync(`${os.tmpdir()}/command-check-`);

  constructor(private readonly cache: VerdictCache) {}

  verdict(cli: CheckedCliName, args: readonly string[]): Promise<Asked> {
    const key = JSON.stringify([cli, args]);
    let answer = this.asked.get(key);
    if (!answer) {
      answer = this.ask(cli, args);
      this.asked.set(key, answer);
    }
    return answer;
  }

  /** Ends every checker and removes the throwaway folder. */
  async close(): Promise<void> {
    const started = await Promise.all(this.started.values());
    await Promise.all(started.flatMap((checker) => ("process" in checker ? [checker.process.close()] : [])));
    rmSync(this.folder, { recursive: true, force: true });
  }

  private async ask(cli: CheckedCliName, args: readonly string[]): Promise<Asked> {
    const checker = await this.start(cli);
    if ("missing" in checker) return checker;
    const { process, version, label } = checker;
    const cached = this.cache.get<Pick<CliVerdict, "outcome" | "message">>(cli, version, args);
    if (cached) return { verdict: { ...cached, offLoopback: [] }, cli: label };
    const verdict = await process.check(args);
    // A call that reached off loopback is asked again, so the run keeps failing until the CLI's settings are fixed.
    if (verdict.offLoopback.length === 0) {
      this.cache.set(cli, version, args, { outcome: verdict.outcome, message: verdict.message });
    }
    return { verdict, cli: label };
  }

  private start(cli: CheckedCliName): Promise<Started> {
    let started = this.started.get(cli);
    if (!started) {
      started = this.launch(cli);
      this.started.set(cli, started);
    }
    return started;
  }

  private async launch(cli: CheckedCliName): Promise<Started> {
    const definition = cliDefinitions[cli];
    let runner: CliRunner;
    try {
      runner = definition.locate();
    } catch {
      return { missing: `${cli} is not installed here (${definition.install})` };
    }
    const folder = mkdtempSync(`${this.folder}/${cli}-`);
    try {
      // Run in the throwaway folder, so nothing a CLI writes lands in the project.
      const started = await CliProcess.start(runner, checkerEnvironment(cli, folder, runner.env), folder);
      if ("missing" in started)
        return { missing: `${cli} is installed but its Python cannot load it (${started.missing}): ${definition.install}` };
      return { process: started.process, version: started.version, label: `${definition.label} ${started.version}` };
    } catch (error) {
      return { missing: `${cli} could not be started: ${(error as Error).message.split("\n")[0]}` };
    }
  }
}
