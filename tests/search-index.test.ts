// The search index's files: Pagefind's filter files come out in a fixed order, so two builds write the same bytes.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { CborMap, decodeCbor, encodeCbor, type CborValue } from "../src/search/cbor.ts";
import { canonicalIndexFiles, type IndexFile } from "../src/search/canonical-index.ts";

afterAll(() => pagefind.close());

const platforms = ["aws", "azure", "gcp", "databricks", "snowflake", "oracle", "ibm", "alibaba"];

/** Pagefind's files for 200 pages with two filters, as getFiles returns them. */
async function pagefindFiles(): Promise<IndexFile[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(errors.join("; "));
  await Promise.all(
    Array.from({ length: 200 }, (_, page) =>
      index.addHTMLFile({
        url: `/guides/g${page}/`,
        content: `<html><body><h1>Guide ${page}</h1><p>secrets in ${platforms[page % 8]}</p><span data-pagefind-filter="platform:${platforms[page % 8]}"></span><span data-pagefind-filter="level:l${page % 5}"></span></body></html>`,
      }),
    ),
  );
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files.map((file) => ({ path: file.path, content: file.content }));
}

const digest = (files: IndexFile[]) => files.map((file) => `${file.path} ${createHash("sha256").update(file.content).digest("hex")}`);
const decoded = (file: IndexFile | undefined) => decodeCbor(gunzipSync(file!.content).subarray("pagefind_dcd".length));

describe("the search index's files", () => {
  it("are the same bytes from two runs of Pagefind over the same pages, with each filter's values in order", async () => {
    const first = canonicalIndexFiles(await pagefindFiles());
    const second = canonicalIndexFiles(await pagefindFiles());
    expect(digest(second)).toEqual(digest(first));

    const entry = JSON.parse(Buffer.from(first.find((file) => file.path === "pagefind-entry.json")!.content).toString()) as {
      languages: { en: { hash: string } };
    };
    const meta = decoded(first.find((file) => file.path === `pagefind.${entry.languages.en.hash}.pf_meta`)) as CborValue[];
    const filters = meta[3] as [string, string][];
    expect(filters.map(([name]) => name)).toEqual(["level", "platform"]);
    // Every file the metadata names is there, and every filter file there is named.
    const filterFiles = first.filter((file) => file.path.startsWith("filter/")).map((file) => file.path);
    expect(filterFiles.sort()).toEqual(filters.map(([, hash]) => `filter/${hash}.pf_filter`).sort());
    const [name, values] = decoded(first.find((file) => file.path === `filter/${filters[1]![1]}.pf_filter`)) as [
      string,
      [string, number[]][],
    ];
    expect(name).toBe("platform");
    expect(values.map(([value]) => value)).toEqual([...platforms].sort());
    expect(values.find(([value]) => value === "gcp")?.[1]).toEqual(Array.from({ length: 25 }, (_, index) => index * 8 + 2));
  });

  it("keep every other file as Pagefind wrote it", async () => {
    const files = await pagefindFiles();
    const canonical = canonicalIndexFiles(files);
    const untouched = files.filter((file) => !/^filter\/|\.pf_meta$|^pagefind-entry\.json$/.test(file.path));
    expect(untouched.length).toBeGreaterThan(200);
    for (const file of untouched) expect(canonical.find((candidate) => candidate.path === file.path)?.content).toEqual(file.content);
    expect(canonical).toHaveLength(files.length);
  });
});

describe("CBOR", () => {
  it("reads and writes back the values Pagefind's files hold, byte for byte", () => {
    const value: CborValue = [
      "1.5.2",
      [
        ["en_1c73862", 4],
        ["en_252dc60", 70000],
      ],
      [],
      new CborMap([["k", -3]]),
      true,
      null,
      1.5,
      "é",
      2 ** 33,
    ];
    const bytes = encodeCbor(value);
    expect(decodeCbor(bytes)).toEqual(value);
    expect(encodeCbor(decodeCbor(bytes))).toEqual(bytes);
    expect(() => decodeCbor(Uint8Array.of(0x1c))).toThrow(/unsupported length/);
    expect(() => decodeCbor(Uint8Array.of(0x01, 0x02))).toThrow(/1 bytes left/);
  });
});
