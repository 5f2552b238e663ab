// Every command answers a command-line mistake with one line naming it, a blank line and its usage,
// and exit code 2; --help prints the usage and exits 0. The whole table is read in this process, through
// the same command definitions the commands use; each command then runs for real, once with a mistake
// and once with --help, to show it answers as the table says.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript, type CommandRun } from "./helpers/commands.ts";
import { temporaryFolder } from "./helpers/site.ts";
import { scaffoldGuide } from "../src/authoring/scaffold.ts";
import { readCommandLine } from "../src/cli/command-line.ts";
import { benchCommand, buildCommand, checkCommand, docsCommand, migrateCommand, newCommand, startCommand } from "../src/cli/commands.ts";
import { npmSwallowedOptions } from "../src/cli/npm-swallowed-options.ts";
import { projectRoot } from "../src/paths.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";

const commands = {
  build: buildCommand,
  check: checkCommand,
  new: newCommand(loadRegistry()),
  migrate: migrateCommand,
  docs: docsCommand,
  bench: benchCommand,
  start: startCommand,
};
type CommandName = keyof typeof commands;

/** How the command reads these arguments, from the project folder as `npm run` does. */
function read(command: CommandName, args: string[]): { kind: "help" | "mistake" | "run"; problem?: string } {
  expect(process.cwd()).toBe(projectRoot);
  // Each command's options are typed on their own; here only the outcome's kind and problem are read.
  const reading = readCommandLine(commands[command] as Parameters<typeof readCommandLine>[0], args);
  return reading.kind === "mistake" ? reading : { kind: reading.kind };
}

// Every mistake is caught before any work starts: none of these reads a guide, builds or benchmarks.
const mistakes: [string, CommandName, string[], string][] = [
  ["misspelt flag", "build", ["--outptu", "_site"], "unknown option --outptu: did you mean --output?"],
  ["misspelt flag", "check", ["--strcit"], "unknown option --strcit: did you mean --strict?"],
  [
    "output folder the preview would empty",
    "start",
    ["--output", "."],
    `--output .: is the project folder (${projectRoot}), which the build would delete to put the site in its place: pass a folder of its own, e.g. --output _site`,
  ],
  [
    "output folder the preview would empty",
    "start",
    ["--output", "guides"],
    `--output guides: is the input folder (${path.join(projectRoot, "guides")}), which the build would delete to put the site in its place: pass a folder of its own, e.g. --output _site`,
  ],
  ["bad port", "start", ["--port", "eighty"], "--port eighty: give a port number, e.g. --port 8081"],
  ["misspelt flag", "new", ["--platfrom", "gcp"], "unknown option --platfrom: did you mean --platform?"],
  ["misspelt flag", "migrate", ["--froce", "legacy.md"], "unknown option --froce: did you mean --force?"],
  ["misspelt flag", "docs", ["--hlep"], "unknown option --hlep: did you mean --help?"],
  ["misspelt flag", "bench", ["--rusn", "3"], "unknown option --rusn: did you mean --runs?"],
  ["flag like no option", "build", ["--bogus"], "unknown option --bogus"],
  ["long option with one dash", "build", ["-drafts"], "unknown option -drafts: did you mean --drafts?"],
  ["missing path", "build", ["--input", "nope"], "--input nope: no such folder"],
  ["missing path", "check", ["guides/missing.md"], "no such file or folder: guides/missing.md"],
  ["missing path", "new", ["--out", "nope"], "--out: nope does not exist: create the folder or pass another one"],
  ["missing path", "migrate", ["nope.md"], "no such file or folder: nope.md"],
  ["no input", "migrate", [], "no legacy files or folders given: name at least one"],
  ["missing path", "bench", ["--json", "nope/results.json"], "--json nope/results.json: no such folder: nope"],
  ["file for a folder", "build", ["--input", "package.json"], "--input package.json: not a folder"],
  ["file that is not a guide", "check", ["package.json"], "not a .md file or a folder: package.json"],
  ["argument where none is taken", "docs", ["README.md"], 'unexpected argument "README.md": this command takes no files'],
  ["missing value", "build", ["--input"], "option --input needs a value"],
  ["missing value before a flag", "build", ["--input", "--drafts"], "option --input needs a value"],
  ["value for a flag", "build", ["--drafts=yes"], "option --drafts takes no value"],
  ["missing value", "new", ["--action"], "option --action needs a value"],
  ["missing value", "migrate", ["legacy.md", "--out"], "option --out needs a value"],
  ["missing value", "bench", ["--runs"], "option --runs needs a value"],
  ["bad value", "bench", ["--sizes", "abc"], "--sizes abc: expected whole numbers above 0 separated by commas, e.g. 1000,4000"],
  ["bad value", "bench", ["--runs", "0"], "--runs 0: expected a whole number above 0"],
];
// -h once, where a command has no other short option, and --help everywhere else.
const help: [CommandName, string][] = [
  ["build", "--help"],
  ["check", "-h"],
  ["new", "--help"],
  ["migrate", "--help"],
  ["docs", "--help"],
  ["bench", "--help"],
  ["start", "--help"],
];
// One mistake per command run for real: the command's own check where it has one, so the command is seen
// to pass its checks to the parser, not only its options.
const runForReal: [CommandName, string[]][] = [
  ["build", ["--input", "nope"]],
  ["check", ["package.json"]],
  ["new", ["--out", "nope"]],
  ["migrate", ["nope.md"]],
  ["docs", ["--hlep"]],
  ["bench", ["--runs", "0"]],
  ["start", ["--output", "."]],
];

describe("every command's command line", () => {
  it.each(mistakes)("%s: npm run %s %j", (_kind, command, args, problem) => {
    expect(read(command, args)).toEqual({ kind: "mistake", problem });
    expect(commands[command].usage).toMatch(new RegExp(`^Usage: npm run ${command}\\b`));
  });

  it.each(help)("npm run %s %s asks for the usage", (command, flag) => {
    expect(read(command, [flag])).toEqual({ kind: "help" });
    // --help wins over a mistake beside it.
    expect(read(command, ["--bogus", flag])).toEqual({ kind: "help" });
  });

  it("gives every command a mistake and --help run for real", () => {
    expect(new Set(runForReal.map(([command]) => command))).toEqual(new Set(Object.keys(commands)));
    expect(new Set(help.map(([command]) => command))).toEqual(new Set(Object.keys(commands)));
  });
});

describe("every command, run", () => {
  it.concurrent.each(runForReal)("npm run %s %j prints the problem and the usage on stderr and exits 2", async (command, args) => {
    const problem = mistakes.find((mistake) => mistake[1] === command && mistake[2].join(" ") === args.join(" "))?.[3];
    expect(problem, "the mistake is in the table").toBeDefined();
    const result = await runScript(`src/cli/${command}.ts`, args);
    expect(result.stderr).toBe(`${problem}\n\n${commands[command].usage}\n`);
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
  });

  it.concurrent.each(help)("npm run %s %s prints the usage and exits 0", async (command, flag) => {
    const result = await runScript(`src/cli/${command}.ts`, [flag]);
    expect(result.stdout).toBe(`${commands[command].usage}\n`);
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ${command}\\b`));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

// npm reads `--strict` in `npm run check --strict x.md` as its own setting and hands it to the script
// only as npm_config_strict=true: a command that ran anyway could pass a guide it should fail.
describe("options npm keeps for itself", () => {
  // What npm 11 sets for `npm run <command> <args>`, besides its own settings, which are always there.
  const npmSettings = { npm_config_cache: "/root/.npm", npm_config_registry: "https://registry.npmjs.org/", npm_config_yes: "" };
  const swallowed = (command: CommandName, env: Record<string, string>, args: string[] = []) =>
    npmSwallowedOptions(command, commands[command].options, args, { ...npmSettings, npm_lifecycle_event: command, ...env });

  it("stops with the form that works, for a flag, a value npm kept and a value npm lost", () => {
    expect(swallowed("check", { npm_config_strict: "true" }, ["guides/x.md"])).toBe(
      "npm kept --strict for itself, so check never saw it: put options after --, as in npm run check -- --strict guides/x.md",
    );
    // `--output dir`: npm keeps "true" and leaves "dir" among the arguments.
    expect(swallowed("build", { npm_config_output: "true", npm_config_allow_empty: "true" }, ["dir"])).toBe(
      "npm kept --allow-empty, --output for itself, so build never saw them: put options after --, as in npm run build -- --allow-empty --output dir",
    );
    expect(swallowed("new", { npm_config_out: "my guides", npm_config_title: "true" }, ["A title"])).toBe(
      "npm kept --out, --title for itself, so new never saw them: put options after --, as in npm run new -- --out 'my guides' --title 'A title'",
    );
  });

  it("finds every option of every command, and nothing else", () => {
    for (const [name, command] of Object.entries(commands) as [CommandName, (typeof commands)[CommandName]][]) {
      for (const option of Object.keys(command.options)) {
        const message = swallowed(name, { [`npm_config_${option.replaceAll("-", "_")}`]: "true" });
        expect(message, `${name} --${option}`).toContain(`npm kept --${option} for itself`);
      }
      expect(swallowed(name, {}), `${name} with npm's own settings only`).toBeUndefined();
    }
    // --no-strict leaves an empty value: the default the command gets anyway.
    expect(swallowed("check", { npm_config_strict: "" })).toBeUndefined();
    // Another script's settings, as in a check started by a test that `npm test` started, are not the command's.
    expect(
      npmSwallowedOptions("check", checkCommand.options, [], { npm_lifecycle_event: "test", npm_config_strict: "true" }),
    ).toBeUndefined();
  });
});

/** `npm run <script> <args>` for real, from the project folder, without the options of an `npm test` around it. */
function npmRun(script: string, args: string[]): Promise<CommandRun> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(config|lifecycle|package)_/i.test(name)));
  return new Promise((resolve) => {
    execFile("npm", ["run", "--silent", script, ...args], { cwd: projectRoot, encoding: "utf8", env }, (error, stdout, stderr) => {
      resolve({ status: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}

describe.concurrent("npm run, with options before --", () => {
  // A scaffolded draft has warnings and no error: it passes `check` and fails `check --strict`.
  const registry = loadRegistry();
  const draft = scaffoldGuide({
    action: registry.resolve("actions", "detect")!,
    platform: registry.resolve("platforms", "snowflake")!,
    subject: registry.resolve("subjects", "passwords")!,
    risk: registry.resolve("risks", "data exposure")!,
    regulation: registry.resolve("regulations", "HIPAA")!,
  });
  const guide = path.join(temporaryFolder("npm-run"), draft.fileName);
  writeFileSync(guide, draft.text);

  it("npm run check --strict <guide with warnings> stops with the right form instead of passing", async () => {
    const result = await npmRun("check", ["--strict", guide]);
    expect(result.stderr).toContain(
      `npm kept --strict for itself, so check never saw it: put options after --, as in npm run check -- --strict ${guide}\n`,
    );
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
    const rightForm = await npmRun("check", ["--", "--strict", guide]);
    expect(rightForm.stderr).toContain("0 problems, ");
    expect(rightForm.status).toBe(1);
  });

  it("npm run build --output <folder> --drafts stops before writing, naming both", async () => {
    const output = path.join(temporaryFolder("npm-run"), "site");
    const result = await npmRun("build", ["--output", output, "--drafts"]);
    expect(result.stderr).toContain(
      `npm kept --drafts, --output for itself, so build never saw them: put options after --, as in npm run build -- --drafts --output ${output}\n`,
    );
    expect(result.status).toBe(2);
  });
});
