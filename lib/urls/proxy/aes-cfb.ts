/**
 * AES-128 in CFB mode with 128-bit segments (NIST SP 800-38A §6.3), the cipher WebVPN gateways
 * hide a publisher's host name with (webvpn.ts), written from FIPS-197.
 *
 * Why not a library: @noble/ciphers, used until December 2026, builds 1.3 MB of lookup tables
 * (two sets of 65,536-entry tables) as its module loads, and the proxy code is in the content
 * script of every journal page and in the background, which starts again after every idle
 * minute: some 20 ms and 1.3 MB each time (node: 21 ms to import its aes.js), for a few 16-byte
 * blocks of a host name on WebVPN pages only. Here the S-box (256 bytes) is made on first use and
 * nothing else is kept. Speed does not matter for a host name; being right does: the tests check
 * FIPS-197's and SP 800-38A's examples and agree with @noble/ciphers (kept as a dev dependency)
 * on random keys, IVs and lengths.
 */

const BLOCK = 16;
const ROUNDS = 10;

/** Multiplication by x (that is, 2) in AES's field GF(2^8). */
function xtime(byte: number): number {
  return ((byte << 1) ^ (byte & 0x80 ? 0x1b : 0)) & 0xff;
}

let sbox: Uint8Array | undefined;

/**
 * FIPS-197 §5.1.1: each byte's multiplicative inverse, then the affine map. The inverses come from
 * walking the field's multiplicative group with the generator 3: p runs over 3^k, q over 3^-k.
 */
function substitutionBox(): Uint8Array {
  if (sbox) return sbox;
  const box = new Uint8Array(256);
  const rotl8 = (byte: number, shift: number) => ((byte << shift) | (byte >>> (8 - shift))) & 0xff;
  let p = 1;
  let q = 1;
  do {
    p = p ^ xtime(p); // p·3
    q ^= q << 1; // q/3: q·(3^-1), 3^-1 = 0xf6
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    box[p] = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63;
  } while (p !== 1);
  box[0] = 0x63; // 0 has no inverse: the affine map of 0
  return (sbox = box);
}

/** FIPS-197 §5.2: the 11 round keys of a 16-byte key, one after another. */
function expandKey(key: Uint8Array): Uint8Array {
  if (key.length !== BLOCK) throw new Error(`AES-128 needs a 16-byte key, not ${key.length} bytes`);
  const box = substitutionBox();
  const words = new Uint8Array(BLOCK * (ROUNDS + 1));
  words.set(key);
  let roundConstant = 1;
  for (let i = BLOCK; i < words.length; i += 4) {
    let a = words[i - 4];
    let b = words[i - 3];
    let c = words[i - 2];
    let d = words[i - 1];
    if (i % BLOCK === 0) {
      // RotWord, SubWord, and the round constant.
      [a, b, c, d] = [box[b] ^ roundConstant, box[c], box[d], box[a]];
      roundConstant = xtime(roundConstant);
    }
    words[i] = words[i - BLOCK] ^ a;
    words[i + 1] = words[i - BLOCK + 1] ^ b;
    words[i + 2] = words[i - BLOCK + 2] ^ c;
    words[i + 3] = words[i - BLOCK + 3] ^ d;
  }
  return words;
}

/** FIPS-197 §5.1: one block enciphered. The state is in input order: byte r of column c at 4c + r. */
function encryptBlock(roundKeys: Uint8Array, input: Uint8Array, output: Uint8Array): void {
  const box = substitutionBox();
  const state = new Uint8Array(BLOCK);
  const shifted = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) state[i] = input[i] ^ roundKeys[i];
  for (let round = 1; round <= ROUNDS; round++) {
    // SubBytes and ShiftRows: row r moves r columns to the left.
    for (let column = 0; column < 4; column++) {
      for (let row = 0; row < 4; row++) shifted[4 * column + row] = box[state[4 * ((column + row) % 4) + row]];
    }
    if (round < ROUNDS) {
      // MixColumns: b0 = 2·a0 ⊕ 3·a1 ⊕ a2 ⊕ a3 = a0 ⊕ (a0 ⊕ a1 ⊕ a2 ⊕ a3) ⊕ 2·(a0 ⊕ a1), and so on round the column.
      for (let at = 0; at < BLOCK; at += 4) {
        const [a0, a1, a2, a3] = [shifted[at], shifted[at + 1], shifted[at + 2], shifted[at + 3]];
        const all = a0 ^ a1 ^ a2 ^ a3;
        shifted[at] = a0 ^ all ^ xtime(a0 ^ a1);
        shifted[at + 1] = a1 ^ all ^ xtime(a1 ^ a2);
        shifted[at + 2] = a2 ^ all ^ xtime(a2 ^ a3);
        shifted[at + 3] = a3 ^ all ^ xtime(a3 ^ a0);
      }
    }
    for (let i = 0; i < BLOCK; i++) state[i] = shifted[i] ^ roundKeys[BLOCK * round + i];
  }
  output.set(state);
}

/**
 * CFB-128 (SP 800-38A §6.3): each segment is the data XOR the cipher of the previous ciphertext
 * segment (the IV before the first); the last segment may be short (no padding), as WebVPN writes
 * hosts of any length.
 */
function cfb(key: Uint8Array, iv: Uint8Array, data: Uint8Array, direction: 'encrypt' | 'decrypt'): Uint8Array {
  if (iv.length !== BLOCK) throw new Error(`CFB needs a 16-byte IV, not ${iv.length} bytes`);
  const roundKeys = expandKey(key);
  const result = new Uint8Array(data.length);
  const stream = new Uint8Array(BLOCK);
  let previous: Uint8Array = iv;
  for (let start = 0; start < data.length; start += BLOCK) {
    encryptBlock(roundKeys, previous, stream);
    const end = Math.min(start + BLOCK, data.length);
    for (let i = start; i < end; i++) result[i] = data[i] ^ stream[i - start];
    previous = (direction === 'decrypt' ? data : result).subarray(start, end);
  }
  return result;
}

export function cfbEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return cfb(key, iv, plaintext, 'encrypt');
}

export function cfbDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return cfb(key, iv, ciphertext, 'decrypt');
}
