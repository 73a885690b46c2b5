/**
 * How terms are spelled inside MiniSearch's index.
 *
 * MiniSearch keeps terms in a radix tree whose nodes look children up by scanning them. Chinese
 * terms start with thousands of distinct characters, so the root had thousands of children and
 * every insertion and lookup scanned them: about a third of the time to build the index. Spelling
 * each character of a CJK term as two private-use characters (high byte, low byte) leaves at
 * most 256 children per node, and keeps prefixes as prefixes (a one-character prefix search still
 * finds every term that starts with it). Private-use characters are never in terms (the
 * tokenizer keeps letters, marks and digits only), so keys decode unambiguously.
 */
import { isCjkTerm } from './tokenize';

const HIGH = 0xe000;
const LOW = 0xe100;

/** The key of a term in the index. */
export function indexKey(term: string): string {
  if (!isCjkTerm(term)) return term;
  let key = '';
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    key += String.fromCharCode(HIGH + (code >> 8), LOW + (code & 0xff));
  }
  return key;
}

/** The term an index key spells. */
export function termOfKey(key: string): string {
  const first = key.charCodeAt(0);
  if (!(first >= HIGH && first < LOW)) return key;
  let term = '';
  for (let i = 0; i + 1 < key.length; i += 2) term += String.fromCharCode(((key.charCodeAt(i) - HIGH) << 8) | (key.charCodeAt(i + 1) - LOW));
  return term;
}
