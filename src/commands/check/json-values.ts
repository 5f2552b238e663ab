/** Where JSON.parse stopped, as a line of the text and its message without the offset. */
export interface JsonSyntaxError {
  line: number;
  message: string;
}

/** JSON.parse's verdict on a text; undefined when it is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const message = parseFailure(text);
  if (message === undefined) return undefined;
  // V8 words it "… in JSON at position 9" or "Unexpected token '}', "<the text>" is not valid JSON".
  const position = /at position (\d+)/.exec(message)?.[1];
  return {
    line: text.slice(0, position === undefined ? errorOffset(text) : Number(position)).split("\n").length,
    message: message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "")
      .replace(/\n/g, "\\n"),
  };
}

function parseFailure(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Where the text stops being JSON when V8 does not say: the shortest start of it that fails for a
 * reason other than ending too soon. JSON.parse reads from the left, so cutting the text finds it.
 */
function errorOffset(text: string): number {
  const endsTooSoon = (message: string | undefined) => message === undefined || /end of (?:JSON )?input/i.test(message);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (endsTooSoon(parseFailure(text.slice(0, middle + 1)))) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A value meant as JSON: an object with a quoted key or none, or a list of objects, strings or lists.
 * A JMESPath query (`[].name`, `{id: id}`, `[?x=='y']`) and shorthand syntax (`Key=a,Value=b`) are not.
 */
const jsonLooking = /^\s*(?:\{\s*["}]|\[\s*[{"[])/;

/**
 * The problems of a call's JSON-looking arguments, such as `--policy '{…}'`, as "--option: not valid
 * JSON (…)". A CLI passes a string option through unread, so a policy document with a stray comma would
 * only fail at the service, after the reader has pasted it with production credentials.
 */
export function jsonArgumentProblems(args: readonly string[]): string[] {
  return args.flatMap((arg, index) => {
    const [, option, inlineValue] = /^(--[\w-]+)=(.*)$/s.exec(arg) ?? [];
    const value = inlineValue ?? arg;
    if (!jsonLooking.test(value)) return [];
    const error = jsonSyntaxError(value);
    if (!error) return [];
    const previous = args[index - 1];
    const name = option ?? (previous?.startsWith("-") ? previous : `argument ${index + 1}`);
    return [`${name}: not valid JSON (${error.message})`];
  });
}
