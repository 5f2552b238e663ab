/**
 * The placeholder rule. In a command, a placeholder is a value the reader supplies, written as lower-case
 * words in angle brackets: `<` and a lower-case letter, then lower-case letters, digits and single hyphens
 * (never two in a row, nor one at the end), then `>`: `<region>`, `<bucket-name>`, `<key-id-2>`. A name
 * the same block closes (`<b>…</b>`, `<policy>…</policy>`) is markup written inside the command, not a
 * placeholder. The page marks each placeholder and fills in what the reader types; `npm run check` warns
 * about text that is plainly meant as one but breaks the rule.
 */

/** One placeholder; the capture is its name. Not global, so it carries no match position between callers. */
export const placeholderPattern = /<([a-z][a-z0-9]*(?:-[a-z0-9]+)*)>/;

/** One placeholder in a command: its name, and where `<name>` starts and ends in the code. */
export interface PlaceholderOccurrence {
  name: string;
  start: number;
  end: number;
}

/** Text that reads as a placeholder but breaks the rule, where it starts in the code, and the placeholder to write instead. */
export interface PlaceholderMistake {
  text: string;
  start: number;
  suggestion: string;
}

/** Whether a name, without its brackets, follows the rule. */
export function isPlaceholderName(name: string): boolean {
  return new RegExp(`^${placeholderPattern.source}$`).test(`<${name}>`);
}

/** Every placeholder in the code, in order, leaving out names the code closes as markup. */
export function placeholderOccurrences(code: string): PlaceholderOccurrence[] {
  return [...code.matchAll(new RegExp(placeholderPattern, "g"))]
    .map((match) => ({ name: match[1] ?? "", start: match.index, end: match.index + match[0].length }))
    .filter(({ name }) => !code.includes(`</${name}>`));
}

/** The names of the code's placeholders, each once, in the order they first appear. */
export function placeholdersIn(code: string): string[] {
  return [...new Set(placeholderOccurrences(code).map((occurrence) => occurrence.name))];
}

/** The names of the placeholders in all these commands, each once, in the order they first appear: what a page's values panel asks for. */
export function placeholdersAcross(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap(placeholdersIn))];
}

/** The code with every placeholder that has a non-empty value replaced by it; the others stay as written. */
export function fillPlaceholders(code: string, values: ReadonlyMap<string, string>): string {
  let filled = "";
  let copied = 0;
  for (const { name, start, end } of placeholderOccurrences(code)) {
    const value = values.get(name);
    if (!value) continue;
    filled += code.slice(copied, start) + value;
    copied = end;
  }
  return filled + code.slice(copied);
}

/**
 * Angle brackets around words that break the rule: capitals, underscores, dots, spaces between words
 * (`<REGION>`, `<Bucket Name>`, `<bucket_name>`). A `<` right after another `<` or a word character
 * starts no placeholder (heredocs `<<EOF`, generics `List<String>`), and neither does one before a space,
 * `(`, `-`, `&` or `/`, so `<(…)`, `<<-EOF`, `2>&1`, `a < b` and closing tags never match.
 */
const bracketedWords = /(?<![<\w])<([A-Za-z][\w.-]*(?: [\w.-]+){0,4})>/g;

/** `YOUR_PROJECT_ID` and `your-bucket` written bare, which readers are left to spot and replace by hand. */
const yourToken = /(?<![\w$-])(?:YOUR|Your|your)[-_][A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*/g;

/**
 * What `npm run check` warns about in a command: bracketed words that break the rule, and bare
 * `YOUR_…`/`your-…` tokens outside brackets. A token the code assigns (`NAME=`) or reads as a variable
 * (`$NAME`, `${NAME}`, `$env:NAME`) is a variable, and markup the code closes is markup: neither is warned about.
 */
export function placeholderMistakes(code: string): PlaceholderMistake[] {
  const mistakes: PlaceholderMistake[] = [];
  const bracketed: [number, number][] = [];
  for (const match of code.matchAll(bracketedWords)) {
    const [text, inner = ""] = match;
    bracketed.push([match.index, match.index + text.length]);
    if (isPlaceholderName(inner) || code.includes(`</${inner}>`)) continue;
    mistakes.push({ text, start: match.index, suggestion: suggestedPlaceholder(inner) });
  }
  for (const match of code.matchAll(yourToken)) {
    const [text] = match;
    if (bracketed.some(([start, end]) => match.index > start && match.index < end) || isVariable(code, text)) continue;
    mistakes.push({ text, start: match.index, suggestion: suggestedPlaceholder(text) });
  }
  return mistakes.sort((a, b) => a.start - b.start);
}

/** The placeholder the rule would write for these words: `USER_NAME` and `YOUR_USER_NAME` → `<user-name>`, `bucketName` → `<bucket-name>`. */
export function suggestedPlaceholder(words: string): string {
  const name = words
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^your-(?=.)/, "");
  return `<${/^[a-z]/.test(name) ? name : `value${name ? `-${name}` : ""}`}>`;
}

/** Whether the code assigns the token (`NAME=`) or reads it as a variable (`$NAME`, `${NAME}`, `$env:NAME`). */
function isVariable(code: string, token: string): boolean {
  const name = token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\w$-])${name}\\s*=|\\$\\{?${name}\\b|\\$env:${name}\\b`).test(code);
}
