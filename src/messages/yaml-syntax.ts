/**
 * Characters YAML reads as syntax when an unquoted value starts with them, with what YAML takes them
 * for. A value such as "`aws s3 ls` lists buckets" then fails with a message about indentation or
 * aliases, far from the cause.
 */
const reservedStarts: Readonly<Record<string, string>> = {
  "`": "which YAML reserves",
  "@": "which YAML reserves",
  "*": "which YAML reads as an alias",
  "&": "which YAML reads as an anchor",
  "!": "which YAML reads as a tag",
  "%": "which YAML reads as a directive",
  "|": "which YAML reads as the start of a block of text",
  ">": "which YAML reads as the start of a folded block of text",
};

/** How much of the value the fix shows quoted, so a long step body keeps the message on a line or two. */
const maxShown = 40;

/** A line's unquoted value, after its list dashes and its key, when it starts with one of the characters above. */
const valueWithReservedStart = /^(\s*(?:-[ \t]+)*(?:[^\s#'"`-][^:#]*:[ \t]+)?)([`@*&!%|>].*?)\s*$/;

/**
 * How to fix the YAML syntax error on this line when its value starts with a character YAML reserves:
 * name the character and show the value quoted. Undefined when the line is not like that.
 */
export function reservedStartFix(line: string): string | undefined {
  const match = valueWithReservedStart.exec(line);
  const [, before, value] = match ?? [];
  // A block's header (`body: |`, `body: >-`) is sound YAML; the mistake is elsewhere.
  if (before === undefined || value === undefined || /^[|>][-+\d]*$/.test(value)) return undefined;
  const character = value[0]!;
  const quoted = value.replaceAll("'", "''");
  const shown = quoted.length > maxShown ? `${quoted.slice(0, maxShown)}…` : quoted;
  return `the value starts with ${character}, ${reservedStarts[character]}: put the whole value in quotes, as in ${before.trim()} '${shown}'`;
}
