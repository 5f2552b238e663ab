import { Document, isSeq } from "yaml";

/** Lists of short names, which read best on one line, as in the README's example guide. */
const oneLineLists = [["tags"], ["regulation"], ["architecture", "flow"]];

/**
 * The structured guide's file: the fields as YAML front matter, in `fieldOrder` (fields it does not name are
 * left out), then the markdown body.
 */
export function serialiseGuide(fields: Record<string, unknown>, body: string, fieldOrder: readonly string[]): string {
  const ordered = Object.fromEntries(fieldOrder.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
  const doc = new Document(ordered);
  for (const keyPath of oneLineLists) {
    const node = doc.getIn(keyPath, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body === "" ? "" : `${body}\n`}`;
}
