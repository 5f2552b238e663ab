import { mentions } from "./mentions.ts";

/**
 * A refusal about the structure of a call (an option, command or required argument), which no value
 * supplied at run time can cause.
 */
const structural = /unrecognized arguments|Unknown options|Invalid choice|misspelled or not recognized|arguments are required/i;

/**
 * Whether a CLI refused a call over a value the reader or the script supplies when it runs: a
 * placeholder's or a variable's stand-in, named in the message itself or through the option that
 * carries it ("Bad value [sa]", "usage error: --resource ID | …"). That is not a mistake of the guide.
 */
export function refusesSuppliedValue(message: string, args: readonly string[], standIns: readonly string[]): boolean {
  if (structural.test(message)) return false;
  // A one-character stand-in ("1") is found in too many words to tell which argument it came from.
  const traceable = standIns.filter((standIn) => standIn.length >= 2);
  return args.some((arg, index) => {
    const supplied = traceable.filter((standIn) => arg.includes(standIn));
    if (supplied.length === 0) return false;
    const option = /^(--?[\w-]+)=/.exec(arg)?.[1] ?? (args[index - 1]?.startsWith("-") ? args[index - 1] : undefined);
    // A number is named in messages about other things too; only a word stand-in is sure to be this one.
    return (
      supplied.some((standIn) => !/^\d+$/.test(standIn) && mentions(message, standIn)) ||
      (option !== undefined && mentions(message, option))
    );
  });
}
