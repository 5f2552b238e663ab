import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { decodeCbor, encodeCbor, type CborValue } from "./cbor.ts";

/** One file of a Pagefind index, as `getFiles` hands it over: its path inside the index folder. */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** Every Pagefind data file starts with this, inside its gzip stream. */
const signature = Buffer.from("pagefind_dcd");

function readDataFile(content: Uint8Array): CborValue {
  const raw = gunzipSync(content);
  if (!raw.subarray(0, signature.length).equals(signature)) throw new Error("not a Pagefind data file");
  return decodeCbor(raw.subarray(signature.length));
}

function writeDataFile(value: CborValue): Buffer {
  return gzipSync(Buffer.concat([signature, encodeCbor(value)]), { level: 9 });
}

/** A name for content, as Pagefind names its files: the language, then hex digits of a hash. */
const hashName = (language: string, content: Uint8Array, digits: number) =>
  `${language}_${createHash("sha256").update(content).digest("hex").slice(0, digits)}`;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pagefind 1.5 writes its filter files, and so the metadata file that names them and the entry file that
 * names that, with each filter's values in hash-map order, which changes from one run to the next
 * (Pagefind issue #638). The pages, words and fragments are already in a fixed order. This puts each
 * filter's values and the list of filters in order, renames those files by their new content, and leaves
 * every other file as it is, so two builds of the same guides write the same bytes. Pagefind's browser
 * library reads the files by the names the entry and metadata files give, whatever they are.
 */
export function canonicalIndexFiles(files: IndexFile[]): IndexFile[] {
  const entryFile = files.find((file) => file.path === "pagefind-entry.json");
  if (!entryFile) throw new Error("the Pagefind index has no pagefind-entry.json");
  const entry = JSON.parse(Buffer.from(entryFile.content).toString("utf8")) as { languages: Record<string, { hash: string }> };
  const replaced = new Map<string, IndexFile | undefined>();

  for (const [language, details] of Object.entries(entry.languages)) {
    const metaPath = `pagefind.${details.hash}.pf_meta`;
    const metaFile = files.find((file) => file.path === metaPath);
    if (!metaFile) throw new Error(`the Pagefind index has no ${metaPath}`);
    const meta = readDataFile(metaFile.content);
    // [version, pages, word index chunks, filters as [name, file hash], sorts, metadata fields]
    if (!Array.isArray(meta) || !Array.isArray(meta[3])) throw new Error(`${metaPath}: not the metadata layout of Pagefind 1.5`);
    const filters = (meta[3] as [string, string][]).map(([name, hash]) => {
      const oldPath = `filter/${hash}.pf_filter`;
      const file = files.find((candidate) => candidate.path === oldPath);
      if (!file) throw new Error(`the Pagefind index has no ${oldPath}`);
      // [filter name, [[value, [page numbers]], …]]
      const [filterName, values] = readDataFile(file.content) as [string, [string, number[]][]];
      const sorted = values
        .map(([value, pages]): [string, number[]] => [value, [...pages].sort((a, b) => a - b)])
        .sort(([a], [b]) => byText(a, b));
      const content = writeDataFile([filterName, sorted]);
      const newHash = hashName(language, content, 7);
      replaced.set(oldPath, undefined);
      replaced.set(`filter/${newHash}.pf_filter`, { path: `filter/${newHash}.pf_filter`, content });
      return [name, newHash] as [string, string];
    });
    meta[3] = filters.sort(([a], [b]) => byText(a, b));
    const metaContent = writeDataFile(meta);
    const metaHash = hashName(language, metaContent, 10);
    replaced.set(metaPath, undefined);
    replaced.set(`pagefind.${metaHash}.pf_meta`, { path: `pagefind.${metaHash}.pf_meta`, content: metaContent });
    details.hash = metaHash;
  }
  replaced.set("pagefind-entry.json", { path: "pagefind-entry.json", content: Buffer.from(JSON.stringify(entry)) });

  const kept = files.filter((file) => !replaced.has(file.path));
  const added = [...replaced.values()].filter((file): file is IndexFile => file !== undefined);
  return [...kept, ...added].sort((a, b) => byText(a.path, b.path));
}
