/**
 * Values computed from a string and kept for the next time, up to a number of keys; when full
 * the cache starts afresh. Text repeats (stems of scholarly English, words of abstracts read again
 * for their shared words): most lookups hit, and a clear now and then costs less than keeping
 * an order of use.
 */
export class BoundedCache<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly limit: number) {}

  /** The value kept for the key, or the one `compute` gives (then kept). */
  get(key: string, compute: (key: string) => T): T {
    let value = this.values.get(key);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      value = compute(key);
      this.values.set(key, value);
    }
    return value;
  }
}
