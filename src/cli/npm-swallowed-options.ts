// `npm run check --strict x.md` hands --strict to npm, not to the command: npm warns "Unknown cli
// config" and passes it on only as npm_config_strict=true, so the check would run without it and could
// pass a guide it should fail. Worse, `npm run build --output dir` leaves npm_config_output=true and
// "dir" as an argument: the value is lost. So a command started by `npm run` that finds one of its own
// options among npm's settings stops with the command line that works, rather than guess.

/** The option definitions this needs: their names, and which take a value. */
type Options = Readonly<Record<string, { type: "string" | "boolean" }>>;

// A word the shell passes as it is; anything else is quoted so the printed command can be pasted.
const plainWord = /^[\w@%+=:,./-]+$/;

function shellWord(word: string): string {
  return plainWord.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * One line giving the right form when npm kept some of the command's options for itself, or undefined.
 * Only a command npm started for this script is looked at (npm_lifecycle_event), and only the names of
 * its own options, never npm's settings (npm_config_cache, npm_config_registry…), which are always set.
 */
export function npmSwallowedOptions(script: string, options: Options, args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (env.npm_lifecycle_event !== script) return undefined;
  const flags: string[] = [];
  const withValues: string[] = [];
  const valuesLost: string[] = [];
  for (const [name, { type }] of Object.entries(options)) {
    // npm turns --allow-empty into npm_config_allow_empty.
    const value = env[`npm_config_${name.replaceAll("-", "_")}`];
    // --no-strict reaches the command as an empty value, which is the default it gets anyway.
    if (value === undefined || value === "" || value === "false") continue;
    if (type === "boolean") flags.push(`--${name}`);
    // `--output dir` leaves "true", with "dir" among the arguments; `--output=dir` keeps the value.
    else if (value === "true") valuesLost.push(`--${name}`);
    else withValues.push(`--${name} ${shellWord(value)}`);
  }
  const swallowed = [...flags, ...withValues, ...valuesLost];
  if (swallowed.length === 0) return undefined;
  // A value npm left behind is among the arguments, so they follow the options that lost theirs.
  const rightForm = ["npm run", script, "--", ...swallowed, ...args.map(shellWord)].join(" ");
  const names = swallowed.map((option) => option.split(" ")[0]).join(", ");
  return `npm kept ${names} for itself, so ${script} never saw ${swallowed.length > 1 ? "them" : "it"}: put options after --, as in ${rightForm}`;
}
