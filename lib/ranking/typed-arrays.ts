/** The typed arrays the ranking code grows as it numbers terms, documents and lists. */
export type GrowableArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A copy of `array` with room for `capacity` items, its new places set to `fill`. */
export function grown<T extends GrowableArray>(array: T, capacity: number, fill = 0): T {
  const larger = new (array.constructor as new (length: number) => T)(capacity);
  larger.set(array as never);
  if (fill !== 0) larger.fill(fill, array.length);
  return larger;
}
