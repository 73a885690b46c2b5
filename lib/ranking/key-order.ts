/**
 * Strings looked up by their order instead of a Map: an array of them (a snapshot's term keys, its
 * re-ranking terms) and their numbers in ascending order, searched by halves. A load then takes
 * the strings as they come; a Map of 100,000 of them was a third of loading a large library.
 */

/** The order of keys everywhere here: by UTF-16 code units, as `<` compares strings. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The numbers of the keys in ascending order of key. */
export function sortedKeyOrder(keys: string[]): Uint32Array {
  return Uint32Array.from(keys.keys()).sort((a, b) => compareKeys(keys[a], keys[b]));
}

/**
 * sortedKeyOrder() when the keys before the last ones are in the order `loaded` already (a loaded
 * snapshot's, less what went since): only the keys after them are sorted, then merged in.
 */
export function sortedKeyOrderAfter(keys: string[], loaded: Uint32Array): Uint32Array {
  const added = sortedKeyOrder(keys.slice(loaded.length)).map((i) => loaded.length + i);
  if (added.length === 0) return loaded;
  const order = new Uint32Array(keys.length);
  for (let at = 0, l = 0, a = 0; at < order.length; at++) {
    order[at] = a >= added.length || (l < loaded.length && keys[loaded[l]] < keys[added[a]]) ? loaded[l++] : added[a++];
  }
  return order;
}

/** Whether `sorted` holds each key's number once, in ascending order of key (the check a snapshot gets when it loads). */
export function isSortedKeyOrder(keys: string[], sorted: Uint32Array): boolean {
  if (sorted.length !== keys.length) return false;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] >= keys.length) return false;
    // Strictly ascending keys: no number twice (keys are distinct).
    if (i > 0 && !(keys[sorted[i - 1]] < keys[sorted[i]])) return false;
  }
  return true;
}

/** The number of `key` among `keys`, by binary search in their ascending order `sorted`; -1 for none. */
export function findInKeyOrder(keys: string[], sorted: Uint32Array, key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const found = keys[sorted[middle]];
    if (found === key) return sorted[middle];
    if (found < key) low = middle + 1;
    else high = middle;
  }
  return -1;
}
