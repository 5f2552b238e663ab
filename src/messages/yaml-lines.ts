import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

export type FieldPath = readonly (string | number)[];

/**
 * A YAML text read with positions: its value, and the line each field is written on, so messages can
 * say `file:line`. The text must start where its file does, or, for front matter, with the newline
 * that ends the opening --- line: either way its line numbers are the file's. A field that is absent
 * is placed at the nearest parent that is present.
 */
export function readYamlWithLines(text: string): {
  data: unknown;
  /** The first syntax error, with its line; the data is not to be used when there is one. */
  syntaxError?: { line: number; message: string };
  lineOf: (path: FieldPath) => number | undefined;
} {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const [error] = document.errors;
  const lineOf = (path: FieldPath) => {
    for (let depth = path.length; depth > 0; depth--) {
      const key = path[depth - 1];
      const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === "number") {
        const item = parent.items[key];
        if (isNode(item) && item.range) return lineAt(item.range[0]);
      }
    }
    return undefined;
  };
  return {
    data: error ? undefined : document.toJS(),
    syntaxError: error && { line: lineAt(error.pos[0]), message: error.message.split("\n")[0]! },
    lineOf,
  };
}

/** "steps[0].commands[1].code" → ["steps", 0, "commands", 1, "code"] */
export function parseFieldPath(field: string): FieldPath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : (match[1] ?? "")));
}
