// What every command does with its arguments: a mistake in them gets one line naming it, a blank line
// and the command's usage, with exit code 2, so it is never mistaken for invalid guides (exit code 1)
// and never shows a stack trace.
import { existsSync, statSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closestMatch } from "../text/edit-distance.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

interface Command<O extends Options, P extends boolean> {
  usage: string;
  options: O;
  /** Whether the command takes files or folders as arguments. */
  positionals: P;
}

/** Prints the problem, a blank line and the usage, and ends the process with exit code 2. */
export function exitWithUsage(problem: string, usage: string): never {
  console.error(`${problem}\n\n${usage}`);
  process.exit(2);
}

/** The command's options and arguments; `--help` or `-h` prints the usage and exits 0. */
export function parseCommandLine<const O extends Options, const P extends boolean>(
  { usage, options, positionals }: Command<O, P>,
  args: string[] = process.argv.slice(2),
) {
  const withHelp: Options = { ...options, help: { type: "boolean", short: "h" } };
  // The lenient pass lets --help win over a mistake beside it, and its tokens locate the mistake.
  const { tokens } = parseArgs({ args, options: withHelp, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((token) => token.kind === "option" && token.name === "help")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) throw error;
    exitWithUsage(describeMistake(code, tokens, withHelp, args) ?? (error as Error).message, usage);
  }
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

/** Stops with a usage error unless every path exists. */
export function requireExisting(paths: readonly string[], usage: string): void {
  const missing = paths.filter((file) => !existsSync(file));
  if (missing.length > 0) exitWithUsage(`no such file or folder: ${missing.join(", ")}`, usage);
}

/** Stops with a usage error unless the option's value is a folder. */
export function requireFolder(option: string, folder: string, usage: string): void {
  if (!existsSync(folder)) exitWithUsage(`--${option} ${folder}: no such folder`, usage);
  if (!statSync(folder).isDirectory()) exitWithUsage(`--${option} ${folder}: not a folder`, usage);
}
