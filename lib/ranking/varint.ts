/**
 * Unsigned LEB128 ("varint") coding of whole numbers below 2^32 into bytes: seven bits a byte,
 * the high bit set on every byte but a number's last. Snapshots keep posting lists (as gaps
 * between document numbers) and term numbers this way: most take one or two bytes where a
 * Uint32Array takes four (snapshot.ts, vectors.ts).
 */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  /** The bytes written, in an array of their own. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class VarintReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** The next number; throws past the end or on a number longer than five bytes. */
  read(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.at >= this.bytes.length) throw new Error('varint: past the end');
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error('varint: too long');
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }
}

/** `count` numbers from the bytes at once (a tight loop: snapshots hold millions); throws unless the bytes hold exactly that many. */
export function decodeVarints(bytes: Uint8Array, count: number): Uint32Array {
  const values = new Uint32Array(count);
  const length = bytes.length;
  let at = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= length || shift > 28) throw new Error('varint: past the end or too long');
      const byte = bytes[at++];
      // Bit operations stay within 32 bits: the fifth byte's bits are added by multiplying.
      value = shift < 28 ? value | ((byte & 0x7f) << shift) : (value >>> 0) + (byte & 0x7f) * 0x10000000;
      if (byte < 0x80) break;
      shift += 7;
    }
    values[i] = value >>> 0;
  }
  if (at !== length) throw new Error('varint: bytes left over');
  return values;
}
