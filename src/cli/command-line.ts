// What every command does with its arguments: a mistake in them gets one line naming it, a blank line
// and the command's usage, with exit code 2, so it is never mistaken for invalid guides (exit code 1)
// and never shows a stack trace.
import { existsSync, statSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closestMatch } from "../text/edit-distance.ts";
import { npmSwallowedOptions } from "./npm-swallowed-options.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/** The values and positionals of a command line that parsed. */
export type Parsed<O extends Options, P extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: P; strict: true }>
>;

export interface Command<O extends Options, P extends boolean> {
  /** The npm script that runs the command: `npm run <name>`. */
  name: string;
  usage: string;
  options: O;
  /** Whether the command takes files or folders as arguments. */
  positionals: P;
  /** The mistakes parsing cannot see (a missing folder, a bad number), found before any work starts. */
  check?: (parsed: Parsed<O, P>) => string | undefined;
}

/** A command's options, usage and checks, typed from its options. */
export function defineCommand<const O extends Options, const P extends boolean>(command: Command<O, P>): Command<O, P> {
  return command;
}

/** What a command line asks for, without acting on it: the usage, a mistake to answer with it, or the work. */
export type Reading<O extends Options, P extends boolean> =
  { kind: "help" } | { kind: "mistake"; problem: string } | { kind: "run"; parsed: Parsed<O, P> };

/** Prints the problem, a blank line and the usage, and ends the process with exit code 2. */
export function exitWithUsage(problem: string, usage: string): never {
  console.error(`${problem}\n\n${usage}`);
  process.exit(2);
}

/**
 * The command's options and arguments; `--help` or `-h` prints the usage and exits 0, a mistake exits 2,
 * and so do options npm kept for itself (`npm run check --strict`), with the form that works in one line.
 */
export function parseCommandLine<O extends Options, P extends boolean>(command: Command<O, P>, args: string[] = process.argv.slice(2)) {
  const swallowed = npmSwallowedOptions(command.name, command.options, args, process.env);
  if (swallowed !== undefined) {
    console.error(swallowed);
    process.exit(2);
  }
  const reading = readCommandLine(command, args);
  if (reading.kind === "help") {
    console.log(command.usage);
    process.exit(0);
  }
  if (reading.kind === "mistake") exitWithUsage(reading.problem, command.usage);
  return reading.parsed;
}

/** Reads a command line against the command's options and checks; `--help` or `-h` anywhere asks for the usage. */
export function readCommandLine<O extends Options, P extends boolean>(
  { options, positionals, check }: Command<O, P>,
  args: string[],
): Reading<O, P> {
  const withHelp: Options = { ...options, help: { type: "boolean", short: "h" } };
  // The lenient pass lets --help win over a mistake beside it, and its tokens locate the mistake.
  const { tokens } = parseArgs({ args, options: withHelp, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((token) => token.kind === "option" && token.name === "help")) return { kind: "help" };
  let parsed: Parsed<O, P>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) throw error;
    return { kind: "mistake", problem: describeMistake(code, tokens, withHelp, args) ?? (error as Error).message };
  }
  const problem = check?.(parsed);
  return problem === undefined ? { kind: "run", parsed } : { kind: "mistake", problem };
}

function describeMistake(code: string, tokens: Token[], options: Options, args: string[]): string | undefined {
  for (const token of tokens) {
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" && token.kind === "positional") {
      return `unexpected argument "${token.value}": this command takes no files`;
    }
    if (token.kind !== "option") continue;
    const option = options[token.name];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && !option) return unknownOption(token, Object.keys(options), args);
    if (code !== "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || !option) continue;
    // Strict parsing refuses a value that looks like an option, as in `--input --drafts`.
    const missing = token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith("-"));
    if (option.type === "string" && missing) return `option --${token.name} needs a value`;
    if (option.type === "boolean" && token.value !== undefined) return `option --${token.name} takes no value`;
  }
  return undefined;
}

function unknownOption(token: Token & { kind: "option" }, known: string[], args: string[]): string {
  // `-strict` reaches the parser as the short options -s, -t…: it is a long option short of a dash.
  const singleDash = /^-([^-=][^=]+)/.exec(args[token.index] ?? "")?.[1];
  const name = singleDash ?? token.name;
  const written = singleDash ? `-${singleDash}` : token.rawName;
  const closest = closestMatch(name, known, Math.max(2, Math.floor(name.length / 3)));
  return `unknown option ${written}${closest ? `: did you mean --${closest}?` : ""}`;
}

/** The problem when a path is missing: the arguments must all exist. */
export function missingPaths(paths: readonly string[]): string | undefined {
  const missing = paths.filter((file) => !existsSync(file));
  return missing.length > 0 ? `no such file or folder: ${missing.join(", ")}` : undefined;
}

/** The problem when an option's value is not a folder. */
export function notAFolder(option: string, folder: string): string | undefined {
  if (!existsSync(folder)) return `--${option} ${folder}: no such folder`;
  if (!statSync(folder).isDirectory()) return `--${option} ${folder}: not a folder`;
  return undefined;
}
