import type { Problem } from "../../messages/problems.ts";
import { commandBlocks, type CheckedGuide, type CommandBlock } from "./blocks.ts";
import { VerdictCache } from "./cache.ts";
import { CliCheckers } from "./cli-checkers.ts";
import { checkedClis, type CheckedCliName } from "./clis.ts";
import { jsonArgumentProblems, jsonSyntaxError } from "./json-values.ts";
import { mentions } from "./mentions.ts";
import { withNeutralValues } from "./neutral-values.ts";
import { prepareCall, readNewerThanInstalled } from "./newer-than-installed.ts";
import { shellCalls, type ShellCall } from "./shell-calls.ts";
import { shellSyntaxError } from "./shell-syntax.ts";
import { refusesSuppliedValue } from "./supplied-values.ts";
import { Tally } from "./tally.ts";

/** What `npm run check -- --commands` found. */
export interface CommandCheckResult {
  problems: Problem[];
  /** One line for each CLI that is not installed, and for each host off loopback a CLI tried to reach. */
  notes: string[];
  /** Hosts off loopback a CLI tried to reach; the checker refused each, but the run fails until none is tried. */
  offLoopback: string[];
  summary: string;
}

const shellLanguages = new Set(["bash", "sh", "shell"]);

/**
 * Cloud CLIs the guides use that this check does not ask: no databricks or snow CLI is installed here,
 * and bq and gsutil, though they come with gcloud, have parsers of their own that no checker drives.
 */
const uncheckedClis = new Set(["databricks", "snow", "snowsql", "bq", "gsutil"]);

/** How many `bash -n` run at once. */
const parallelShells = 4;

/**
 * Checks every command block of the guides by machine: JSON blocks must parse; shell blocks must pass
 * `bash -n`, then each aws, gcloud and az call in them is parsed by that CLI, offline, and its JSON
 * arguments must parse.
 */
export async function checkCommands(guides: readonly CheckedGuide[], cacheFile?: string): Promise<CommandCheckResult> {
  const newer = readNewerThanInstalled();
  const cache = new VerdictCache(cacheFile);
  const checkers = new CliCheckers(cache);
  const tally = new Tally();
  const problems: Problem[] = [];
  const missing = new Map<string, number>();
  const offLoopback = new Set<string>();
  const pending: Promise<void>[] = [];

  const checkBlock = async (block: CommandBlock) => {
    if (block.language.toLowerCase() === "json") {
      const error = jsonSyntaxError(block.code);
      if (error) problems.push(problemAt(block, error.line, `json: ${error.message}`));
      tally.blocks.syntaxOnly += 1;
      if (error) tally.blocks.failed += 1;
      return;
    }
    if (!shellLanguages.has(block.language.toLowerCase())) {
      tally.blocks.notCheckable.add(block.language);
      return;
    }
    const { script, standIns } = withNeutralValues(block.code);
    const syntax = await shellSyntaxError(script, cache);
    if (syntax) {
      problems.push(problemAt(block, syntax.line, `bash: ${syntax.message}`));
      tally.blocks.syntaxOnly += 1;
      tally.blocks.failed += 1;
      return;
    }
    const calls = await shellCalls(script);
    pending.push(
      Promise.all(calls.map((call) => checkCall(block, { ...call, standIns: [...standIns, ...call.standIns] }))).then((outcomes) => {
        if (outcomes.includes("checked") || outcomes.includes("failed")) tally.blocks.checkedByCli += 1;
        else tally.blocks.syntaxOnly += 1;
        if (outcomes.includes("failed")) tally.blocks.failed += 1;
      }),
    );
  };

  const checkCall = async (block: CommandBlock, call: ShellCall): Promise<"checked" | "failed" | "other"> => {
    if (!isCheckedCli(call.program)) {
      if (uncheckedClis.has(call.program)) tally.calls.notCheckable.add(call.program);
      else tally.calls.syntaxOnly.add(call.program);
      return "other";
    }
    const prepared = prepareCall(newer, call.program, call.args);
    if (!prepared.args) {
      tally.calls.notCheckable.add(`${call.program}: ${prepared.newerCommand.why}`);
      return "other";
    }
    const asked = await checkers.verdict(call.program, prepared.args);
    if ("missing" in asked) {
      missing.set(asked.missing, (missing.get(asked.missing) ?? 0) + 1);
      tally.calls.notCheckable.add(`${call.program} not installed`);
      return "other";
    }
    const { verdict, cli } = asked;
    for (const host of verdict.offLoopback) offLoopback.add(`${call.program} tried to reach ${host}`);
    if (verdict.outcome === "unchecked") {
      tally.calls.notCheckable.add(`${call.program}: ${verdict.message}`);
      return "other";
    }
    if (verdict.outcome === "rejected" && refusesSuppliedValue(verdict.message, prepared.args, call.standIns)) {
      tally.calls.notCheckable.add(`${call.program}: refused a stand-in for a value supplied when run`);
      return "other";
    }
    tally.calls.checkedBy.add(cli);
    const refusals = verdict.outcome === "rejected" ? [verdict.message] : jsonArgumentProblems(call.args);
    for (const refusal of refusals) problems.push(problemAt(block, mentionedLine(refusal, call), `${call.program}: ${refusal}`));
    if (refusals.length === 0) return "checked";
    tally.calls.failed += 1;
    return "failed";
  };

  try {
    const blocks = commandBlocks(guides);
    let next = 0;
    const worker = async () => {
      while (next < blocks.length) await checkBlock(blocks[next++]!);
    };
    await Promise.all(Array.from({ length: parallelShells }, worker));
    await Promise.all(pending);
  } finally {
    await checkers.close();
    cache.save();
  }

  const notes = [
    ...[...missing].map(([why, count]) => `${why}: its ${count} call${count === 1 ? " was" : "s were"} not checked`),
    ...[...offLoopback].map(
      (attempt) => `${attempt}, off loopback; the checker refused it: fix the CLI's offline settings in src/commands/check/clis.ts`,
    ),
  ];
  return { problems: problems.sort(byPlace), notes, offLoopback: [...offLoopback], summary: tally.summary() };
}

function isCheckedCli(program: string): program is CheckedCliName {
  return (checkedClis as readonly string[]).includes(program);
}

/** The line of the first option the message names ("Unknown options: --user-nam" points at --user-nam), else the call's first line. */
function mentionedLine(message: string, call: ShellCall): number {
  const index = call.args.findIndex((arg) => arg.startsWith("-") && mentions(message, arg.split("=")[0] ?? arg));
  return call.argLines[index] ?? call.line;
}

function problemAt(block: CommandBlock, lineInCode: number, message: string): Problem {
  return { file: block.file, line: block.firstLine + lineInCode - 1, field: block.field, message };
}

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field);
}
