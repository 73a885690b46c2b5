/**
 * Folding for the library's full-text search: the same text in any case, width, accents or
 * Chinese script finds the same articles (ＣＯＶＩＤ, covid; Müller, muller; 問責, 问责).
 *
 * Every UTF-16 unit folds to exactly one unit, so that an offset in the folded text is the same
 * offset in the original: matches found on folded text are highlighted in the text as stored.
 * (NFKC and toLowerCase may change lengths; they are applied per character and kept only when
 * the result is one unit.) Each unit is also classed as part of a Latin word, a CJK character
 * (matched by exact substring: Chinese has no spaces between words) or a separator.
 */
import { foldToSimplified } from '../ranking/fold-script';

export const CharClass = { Separator: 1, Word: 2, Cjk: 3 } as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
/** Typographic marks that stand for ASCII ones: folding them also keeps English text one byte a character in V8. */
const ASCII_LOOKALIKES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u3000': ' ', '\u0000': ' ',
};

/** Folded unit of each UTF-16 unit (0: not computed yet), and its class. Filled on first sight. */
const folded = new Uint16Array(0x10000);
const classes = new Uint8Array(0x10000);

function foldChar(char: string): string {
  const lookalike = ASCII_LOOKALIKES[char];
  if (lookalike) return lookalike;
  let out = char;
  const compatible = out.normalize('NFKC');
  if (compatible.length === 1) out = compatible;
  // é -> e, ü -> u, İ -> I: a base letter followed by combining marks only.
  const decomposed = out.normalize('NFD');
  if (decomposed.length > 1 && /^\p{L}\p{M}+$/u.test(decomposed)) out = decomposed[0];
  const lower = out.toLowerCase();
  if (lower.length === 1) out = lower;
  const simplified = foldToSimplified(out);
  return simplified.length === 1 ? simplified : out;
}

function learn(unit: number): void {
  // Surrogate halves are kept as they are; a pair is one CJK character when it is one (Extension B...).
  if (unit >= 0xd800 && unit <= 0xdfff) {
    folded[unit] = unit;
    classes[unit] = CharClass.Cjk;
    return;
  }
  const char = String.fromCharCode(unit);
  const out = foldChar(char);
  folded[unit] = out.charCodeAt(0);
  classes[unit] = CJK.test(out) ? CharClass.Cjk : WORD.test(out) ? CharClass.Word : CharClass.Separator;
}

/** The folded unit of one UTF-16 unit. */
function foldUnit(unit: number): number {
  if (classes[unit] === 0) learn(unit);
  return folded[unit];
}

/** The class of a unit of folded text. */
export function classOf(unit: number): CharClass {
  if (classes[unit] === 0) learn(unit);
  return classes[unit] as CharClass;
}

const utf16 = new TextDecoder('utf-16le');

/** The text folded, unit for unit (same length as the text). */
export function foldText(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    codes[i] = classes[unit] === 0 ? foldUnit(unit) : folded[unit];
  }
  // Decoding the units natively is several times faster than String.fromCharCode over chunks.
  return utf16.decode(codes);
}

/**
 * Calls `visit` with each Latin word of folded text (runs of letters, marks and digits outside
 * CJK scripts) and its offset.
 */
export function forEachWord(text: string, visit: (word: string, at: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (classes[unit] === 0) learn(unit);
    if (classes[unit] === CharClass.Word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(text.slice(start, i), start);
      start = -1;
    }
  }
  if (start >= 0) visit(text.slice(start), start);
}
