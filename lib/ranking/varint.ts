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
    // The check here, the call only when the bytes must grow: most writes are of a byte or two.
    if (this.length + 5 > this.bytes.length) this.reserve(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  /** Bytes that are varints already, as they are. */
  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Room for `more` bytes after those written. */
  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** The bytes written, in an array of their own. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  /** How many bytes are written. */
  get size(): number {
    return this.length;
  }

  /** The bytes written so far, not copied: a view that the next write may leave behind. */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.length);
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
  if (decodeVarintsInto(bytes, 0, bytes.length, values) !== count) throw new Error('varint: more or fewer numbers than expected');
  return values;
}

/**
 * The numbers in bytes[start..end) into `into`, from its start; returns how many (numbers past
 * the end of `into` are counted, not kept: end - start numbers is the most there can be). Throws
 * on a number cut off at `end` or longer than five bytes.
 */
export function decodeVarintsInto(bytes: Uint8Array, start: number, end: number, into: Uint32Array): number {
  if (end > bytes.length || start > end) throw new Error('varint: range out of bounds');
  let count = 0;
  let at = start;
  while (at < end) {
    let byte = bytes[at++];
    // Most numbers (term numbers, gaps, frequencies) take one byte.
    if (byte < 0x80) {
      into[count++] = byte;
      continue;
    }
    let value = byte & 0x7f;
    let shift = 7;
    for (;;) {
      if (at >= end || shift > 28) throw new Error('varint: past the end or too long');
      byte = bytes[at++];
      // Bit operations stay within 32 bits: the fifth byte's bits are added by multiplying.
      value = shift < 28 ? value | ((byte & 0x7f) << shift) : (value >>> 0) + (byte & 0x7f) * 0x10000000;
      if (byte < 0x80) break;
      shift += 7;
    }
    into[count++] = value >>> 0;
  }
  return count;
}

/**
 * How many numbers bytes[start..end) hold, without decoding them (one comparison a byte), or -1
 * when the last is cut off at `end` or one is longer than five bytes: what decoding them will
 * give, checked before a loaded snapshot's posting lists are saved again undecoded.
 */
export function countVarints(bytes: Uint8Array, start: number, end: number): number {
  if (end > bytes.length || start > end) return -1;
  let count = 0;
  let run = 0;
  for (let at = start; at < end; at++) {
    if (bytes[at] < 0x80) {
      count++;
      run = 0;
    } else if (++run > 4) return -1;
  }
  return run === 0 ? count : -1;
}
