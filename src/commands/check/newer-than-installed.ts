import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { readYamlFile } from "../../messages/yaml-file.ts";
import { checkedClis, type CheckedCliName } from "./clis.ts";

/** The one list of flags and commands newer than the installed CLIs, each with the documentation that shows it. */
export const newerThanInstalledFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "newer-than-installed.yaml");

const documented = {
  cli: z.enum(checkedClis),
  command: z
    .string()
    .regex(/^[a-z0-9-]+(?: [a-z0-9-]+)*$/, "write the words after the CLI's name, e.g. iam list-users")
    .transform((words) => words.split(" ")),
  why: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
};

const schema = z.strictObject({
  flags: z
    .array(
      z.strictObject({
        ...documented,
        flag: z.string().regex(/^--[a-z0-9][a-z0-9-]*$/, "write the flag with its two dashes, e.g. --max-items"),
        values: z
          .union([z.literal(0), z.literal(1), z.literal("several")])
          .default(1)
          .describe("How many words follow the flag: 0 for a switch, 1, or several (up to the next option)."),
      }),
    )
    .default([]),
  commands: z.array(z.strictObject(documented)).default([]),
});

export type NewerThanInstalled = z.infer<typeof schema>;

export function readNewerThanInstalled(file = newerThanInstalledFile): NewerThanInstalled {
  return readYamlFile(file, schema, {
    heading: "The list of flags and commands newer than the installed CLIs has problems:",
    reference: "the comment at the top of the file",
  });
}

/** A call as its CLI will check it: without the listed flags, or the listed command that makes it uncheckable. */
export type PreparedCall = { args: string[]; newerCommand?: undefined } | { args?: undefined; newerCommand: { why: string; url: string } };

export function prepareCall(list: NewerThanInstalled, cli: CheckedCliName, args: readonly string[]): PreparedCall {
  const firstOption = args.findIndex((arg) => arg.startsWith("-"));
  const words = firstOption === -1 ? args : args.slice(0, firstOption);
  const about = (entry: { cli: CheckedCliName; command: string[] }) =>
    entry.cli === cli && entry.command.every((word, index) => words[index] === word);
  const newerCommand = list.commands.find(about);
  if (newerCommand) return { newerCommand };
  const flags = list.flags.filter(about);
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    const flag = flags.find((entry) => arg === entry.flag || arg.startsWith(`${entry.flag}=`));
    if (!flag) kept.push(arg);
    else if (flag.values === 1 && arg === flag.flag) index++;
    else if (flag.values === "several") while (args[index + 1] !== undefined && !args[index + 1]?.startsWith("-")) index++;
  }
  return { args: kept };
}
