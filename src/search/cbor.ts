// The subset of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers, byte
// and text strings, arrays and maps of definite length, booleans, null and single or double floats. Enough to read a
// Pagefind file, put its entries in a fixed order and write it back.

export type CborValue = number | bigint | string | Uint8Array | boolean | null | undefined | CborValue[] | CborMap;
/** A CBOR map, kept as its entries in the order they were read: keys need not be strings. */
export class CborMap {
  constructor(readonly entries: [CborValue, CborValue][]) {}
}

export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const text = new TextDecoder("utf-8", { fatal: true });

  function length(info: number): number {
    if (info < 24) return info;
    const size = info - 24;
    if (size > 3) throw new Error(`CBOR: unsupported length encoding ${info} at byte ${offset}`);
    const value =
      size === 0
        ? view.getUint8(offset)
        : size === 1
          ? view.getUint16(offset)
          : size === 2
            ? view.getUint32(offset)
            : Number(view.getBigUint64(offset));
    offset += 1 << size;
    return value;
  }

  function item(): CborValue {
    const initial = view.getUint8(offset++);
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const size = length(info);
        const slice = bytes.subarray(offset, offset + size);
        offset += size;
        return major === 2 ? slice.slice() : text.decode(slice);
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5:
        return new CborMap(Array.from({ length: length(info) }, () => [item(), item()] as [CborValue, CborValue]));
      case 7:
        return simple(info);
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${offset - 1}`);
    }
  }

  function simple(info: number): CborValue {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info !== 26 && info !== 27) throw new Error(`CBOR: unsupported simple value ${info} at byte ${offset - 1}`);
    const value = info === 26 ? view.getFloat32(offset) : view.getFloat64(offset);
    offset += info === 26 ? 4 : 8;
    return value;
  }

  const value = item();
  if (offset !== bytes.length) throw new Error(`CBOR: ${bytes.length - offset} bytes left after the value`);
  return value;
}

/** Encodes a value with the shortest lengths, as Pagefind's own encoder does. */
export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: Uint8Array[] = [];
  const text = new TextEncoder();

  function head(major: number, count: number): void {
    if (count < 24) chunks.push(Uint8Array.of((major << 5) | count));
    else if (count < 0x100) chunks.push(Uint8Array.of((major << 5) | 24, count));
    else if (count < 0x10000) chunks.push(Uint8Array.of((major << 5) | 25, count >> 8, count & 0xff));
    else if (count < 0x100000000) {
      const bytes = new Uint8Array(5);
      bytes[0] = (major << 5) | 26;
      new DataView(bytes.buffer).setUint32(1, count);
      chunks.push(bytes);
    } else {
      const bytes = new Uint8Array(9);
      bytes[0] = (major << 5) | 27;
      new DataView(bytes.buffer).setBigUint64(1, BigInt(count));
      chunks.push(bytes);
    }
  }

  function item(value: CborValue): void {
    if (typeof value === "number") {
      if (!Number.isInteger(value)) {
        const bytes = new Uint8Array(9);
        bytes[0] = 0xfb;
        new DataView(bytes.buffer).setFloat64(1, value);
        chunks.push(bytes);
      } else if (value >= 0) head(0, value);
      else head(1, -1 - value);
    } else if (typeof value === "bigint") head(value >= 0n ? 0 : 1, Number(value >= 0n ? value : -1n - value));
    else if (typeof value === "string") {
      const bytes = text.encode(value);
      head(3, bytes.length);
      chunks.push(bytes);
    } else if (value instanceof Uint8Array) {
      head(2, value.length);
      chunks.push(value);
    } else if (Array.isArray(value)) {
      head(4, value.length);
      value.forEach(item);
    } else if (value instanceof CborMap) {
      head(5, value.entries.length);
      for (const [key, entry] of value.entries) {
        item(key);
        item(entry);
      }
    } else if (value === false) chunks.push(Uint8Array.of(0xf4));
    else if (value === true) chunks.push(Uint8Array.of(0xf5));
    else if (value === null) chunks.push(Uint8Array.of(0xf6));
    else chunks.push(Uint8Array.of(0xf7));
  }

  item(value);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
