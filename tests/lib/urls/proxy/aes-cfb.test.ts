import { cfb } from '@noble/ciphers/aes.js';
import { bytesToHex as toHex, hexToBytes as hex } from '@noble/ciphers/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cfbDecrypt, cfbEncrypt } from '@/lib/urls/proxy/aes-cfb';

describe('AES-128 in CFB-128', () => {
  it("enciphers FIPS-197's example block (Appendix C.1)", () => {
    // One CFB segment enciphering zeros with the block as IV gives the block's cipher.
    const key = hex('000102030405060708090a0b0c0d0e0f');
    const block = hex('00112233445566778899aabbccddeeff');
    expect(toHex(cfbEncrypt(key, block, new Uint8Array(16)))).toBe('69c4e0d86a7b0430d8cdb78070b4c55a');
  });

  it("gives SP 800-38A's CFB128-AES128 example (F.3.13, F.3.14) both ways", () => {
    const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    const plaintext = hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710');
    const ciphertext = '3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6';
    expect(toHex(cfbEncrypt(key, iv, plaintext))).toBe(ciphertext);
    expect(toHex(cfbDecrypt(key, iv, hex(ciphertext)))).toBe(toHex(plaintext));
  });

  it('agrees with @noble/ciphers on any key, IV and length, a short last segment included', () => {
    const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
    fc.assert(
      fc.property(bytes(16), bytes(16), fc.uint8Array({ maxLength: 100 }), (key, iv, data) => {
        expect(toHex(cfbEncrypt(key, iv, data))).toBe(toHex(cfb(key, iv).encrypt(data)));
        expect(toHex(cfbDecrypt(key, iv, data))).toBe(toHex(cfb(key, iv).decrypt(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses keys and IVs that are not 16 bytes', () => {
    expect(() => cfbDecrypt(new Uint8Array(24), new Uint8Array(16), new Uint8Array(4))).toThrow(/16-byte key/);
    expect(() => cfbDecrypt(new Uint8Array(16), new Uint8Array(8), new Uint8Array(4))).toThrow(/16-byte IV/);
  });
});
