/**
 * 64-bit content hashes for identity keys (abstract fingerprints, article ids, citation keys):
 * FNV-1a and a second multiplicative hash over the same UTF-16 units. Not for security.
 */
export function hash64(text: string): [number, number] {
  let fnv = 0x811c9dc5;
  let second = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0;
  }
  return [fnv, second];
}

/** The hash as 16 hexadecimal digits. */
export function hashHex(text: string): string {
  return hash64(text)
    .map((half) => half.toString(16).padStart(8, '0'))
    .join('');
}
