import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

export type FieldPath = readonly (string | number)[];

/**
 * Finds the line of the file on which a front-matter field is written, so messages can say
 * `file:line`. `frontMatter` is the text between the --- lines, starting with the newline that ends
 * the opening ---, so its line numbers are the file's. A field that is absent is reported at the
 * nearest parent that is present.
 */
export function frontMatterLocator(frontMatter: string): (path: FieldPath) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(frontMatter, { lineCounter });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const key = path[depth - 1];
      const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return lineOf(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === "number") {
        const item = parent.items[key];
        if (isNode(item) && item.range) return lineOf(item.range[0]);
      }
    }
    return undefined;
  };
}

/** "steps[0].command.code" → ["steps", 0, "command", "code"] */
export function parseFieldPath(field: string): FieldPath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : (match[1] ?? "")));
}
