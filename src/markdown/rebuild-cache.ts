/**
 * Results kept from one build to the next, for the preview: a rebuild renders every page again, but almost
 * every step and command in them is what the last build rendered. An entry no build has used since the one
 * before is dropped when a build ends, so the cache holds at most two builds' worth.
 */
export interface RebuildCache {
  /** The result for `key`: the one kept from this build or the last, or `compute()`'s. */
  get(key: string, compute: () => string): string;
  /** Called when a build ends: what it did not use goes. */
  endBuild(): void;
}

export function createRebuildCache(): RebuildCache {
  let previous = new Map<string, string>();
  let current = new Map<string, string>();
  return {
    get(key, compute) {
      let value = current.get(key);
      if (value === undefined) {
        value = previous.get(key) ?? compute();
        current.set(key, value);
      }
      return value;
    },
    endBuild() {
      previous = current;
      current = new Map();
    },
  };
}
