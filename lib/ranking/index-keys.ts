/**
 * How terms are spelled inside MiniSearch's index.
 *
 * MiniSearch keeps terms in a radix tree whose nodes find a child by scanning their children and
 * comparing first characters. Spelled as themselves, Chinese terms gave the root thousands of
 * children, and every comparison of two-byte characters made a new one-character string: most
 * of the time to build the index went there. So a CJK term is spelled in printable ASCII: a
 * marker, then three characters per UTF-16 unit (4, 6 and 6 bits of it). No node has more
 * than 64 children, the characters compare without allocating, keys take one byte per
 * character in memory and in the snapshot's JSON, and prefixes stay prefixes (a one-character
 * prefix search still finds every term that starts with it). The marker is punctuation, which
 * the tokenizer never puts in a term, so keys decode unambiguously.
 */
import { isCjkTerm } from './tokenize';

const MARKER = '#';
/** Bit groups become the characters of base64url: one-byte, and left as they are by JSON. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_CODES = [...DIGITS].map((digit) => digit.charCodeAt(0));
const DIGIT_VALUES = new Map([...DIGITS].map((digit, value) => [digit.charCodeAt(0), value]));
const FIRST_CJK = 0x2e80;

/** The key of a term in the index. */
export function indexKey(term: string): string {
  // Every Han and kana character lies at or above U+2E80: most terms are told apart without a regular expression.
  if (term.charCodeAt(0) < FIRST_CJK || !isCjkTerm(term)) return term;
  const codes: number[] = [];
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    codes.push(DIGIT_CODES[code >> 12], DIGIT_CODES[(code >> 6) & 63], DIGIT_CODES[code & 63]);
  }
  // One call makes a flat string; appending char by char makes a rope that the index flattens again.
  return MARKER + String.fromCharCode(...codes);
}

/** Whether a key spells a CJK term, read off its marker without decoding it. */
export function isCjkKey(key: string): boolean {
  return key[0] === MARKER;
}

/** The term an index key spells. */
export function termOfKey(key: string): string {
  if (!isCjkKey(key)) return key;
  const codes: number[] = [];
  for (let i = 1; i + 2 < key.length; i += 3) {
    const digit = (at: number) => DIGIT_VALUES.get(key.charCodeAt(at)) ?? 0;
    codes.push((digit(i) << 12) | (digit(i + 1) << 6) | digit(i + 2));
  }
  return String.fromCharCode(...codes);
}
