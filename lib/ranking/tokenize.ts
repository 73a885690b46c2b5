/**
 * Tokenizing for mixed Chinese/English scholarly text, shared by indexing and querying so that
 * both sides always produce the same terms.
 *
 * Latin text splits into words (lower-cased, optionally stemmed, stopwords dropped). Han and kana
 * runs, which carry no spaces, become character bigrams, dictionary words (Intl.Segmenter), or
 * both; which one is kept is decided by the measurements in tests/bench/tokenizer-options.ts.
 * Traditional characters fold to Simplified first (fold-script.ts), so both scripts share terms.
 */
import { stemmer } from 'stemmer';
import { ENGLISH_STOPWORDS, CHINESE_BREAK_CHARS, CHINESE_STOPWORDS } from './stopwords';
import { BoundedCache } from './bounded-cache';
import { wordSegmenter } from '../text/word-segmenter';
import { foldToSimplified } from './fold-script';

export interface TokenizerOptions {
  /** How runs of Han/kana characters become terms. */
  cjk: 'bigram' | 'words' | 'words+bigram' | 'bigram+unigram';
  /** Drop function words (English and Chinese) and scholarly boilerplate. */
  stopwords: boolean;
  /** Porter-stem English words ("networks" and "network" become one term). */
  stem: boolean;
  /** NFKC: full-width letters and digits fold to ASCII, compatibility ideographs to unified ones. */
  foldWidth: boolean;
  /** Traditional Chinese characters fold to Simplified ones, so both scripts share terms. */
  foldScript: boolean;
}

export const DEFAULT_TOKENIZER: TokenizerOptions = {
  cjk: 'words',
  stopwords: true,
  stem: true,
  foldWidth: true,
  foldScript: true,
};

/** Changes whenever the terms produced for the same text could change: persisted indexes are rebuilt. */
const TOKENIZER_REVISION = 1;

export function tokenizerVersion(options: TokenizerOptions = DEFAULT_TOKENIZER): string {
  return `tok${TOKENIZER_REVISION}:${options.cjk}:${options.stopwords ? 's' : '-'}${options.stem ? 'p' : '-'}${options.foldWidth ? 'w' : '-'}${options.foldScript ? 't' : '-'}`;
}

// Han ideographs (with extensions and compatibility blocks) and kana: scripts written without spaces.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/u;
// Letters, marks and digits of any script make words; everything else (punctuation, emoji,
// symbols) separates them (runTerms, isWordCodePoint).
const SPLIT_CJK = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+)/u;
const DIGITS_ONLY = /^\p{N}+$/u;
// A segment made only of Han/kana characters.
const CJK_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

function chineseWords(run: string): string[] {
  const words: string[] = [];
  for (const segment of wordSegmenter().segment(run)) if (segment.isWordLike) words.push(segment.segment);
  return words;
}

/** A Chinese term is kept unless it is a stopword (with stopwords on). */
function keepsCjkTerm(term: string, options: TokenizerOptions): boolean {
  return !options.stopwords || !CHINESE_STOPWORDS.has(term);
}

function pushCjkWord(word: string, options: TokenizerOptions, out: string[]): void {
  if (keepsCjkTerm(word, options)) out.push(word);
}

function pushBigrams(run: string, out: string[]): void {
  if (run.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
}

/** Splits a run at function characters ("的", "了", "与"...): no bigram straddles them. */
function phrases(run: string, options: TokenizerOptions): string[] {
  if (!options.stopwords) return [run];
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < run.length; i++) {
    if (CHINESE_BREAK_CHARS.has(run[i])) {
      if (i > start) parts.push(run.slice(start, i));
      start = i + 1;
    }
  }
  if (start < run.length) parts.push(run.slice(start));
  return parts;
}

function cjkTerms(run: string, options: TokenizerOptions, out: string[]): void {
  const keep = (term: string) => keepsCjkTerm(term, options);
  if (options.cjk === 'words' || options.cjk === 'words+bigram') {
    for (const word of chineseWords(run)) pushCjkWord(word, options, out);
  }
  if (options.cjk !== 'words') {
    const bigrams: string[] = [];
    for (const phrase of phrases(run, options)) pushBigrams(phrase, bigrams);
    for (const bigram of bigrams) {
      // Words mode already yields the two-character words; only add what it could miss.
      if (keep(bigram) && (options.cjk !== 'words+bigram' || bigram.length === 2)) out.push(bigram);
    }
    if (options.cjk === 'bigram+unigram') for (const char of run) if (keep(char) && !CHINESE_BREAK_CHARS.has(char)) out.push(char);
  }
}

function latinTerm(word: string, options: TokenizerOptions): string | undefined {
  if (word.length < 2 || word.length > 40 || DIGITS_ONLY.test(word)) return undefined;
  if (options.stopwords && ENGLISH_STOPWORDS.has(word)) return undefined;
  return options.stem && /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/**
 * latinTerm() remembered by word ('' for none), one cache per stopword and stemming choice:
 * scholarly English repeats a small vocabulary, and one lookup costs less than the stopword
 * check, two regular expressions and the stemmer.
 */
const latinCaches = new Map<string, BoundedCache<string>>();
function latinTerms(options: TokenizerOptions): (word: string) => string | undefined {
  const key = `${options.stopwords}:${options.stem}`;
  let cache = latinCaches.get(key);
  if (!cache) latinCaches.set(key, (cache = new BoundedCache<string>(50_000)));
  const known = cache;
  const compute = (word: string) => latinTerm(word, options) ?? '';
  // Too short or too long for a term: no lookup, and no long junk filling the cache.
  return (word) => (word.length < 2 || word.length > 40 ? undefined : known.get(word, compute) || undefined);
}

/** Every Han and kana character lies at or above U+2E80 (index-keys.ts relies on it too). */
const FIRST_CJK = 0x2e80;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]$/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** By UTF-16 code unit, filled on first sight: 1 when CJK_CHAR (or WORD_CHAR) matches it, 2 when not. */
const cjkUnits = new Uint8Array(0x10000);
const wordUnits = new Uint8Array(0x10000);
const astralWordChars = new Map<number, boolean>();

/** CJK_WORD.test(word), with a table lookup per character instead of a regular expression per word. */
function isCjkWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit < FIRST_CJK) return false;
    // Outside the BMP (CJK extensions): the regular expression decides.
    if (unit >= 0xd800 && unit <= 0xdfff) return CJK_WORD.test(word);
    let known = cjkUnits[unit];
    if (known === 0) cjkUnits[unit] = known = CJK_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    if (known === 2) return false;
  }
  return true;
}

/** Whether a code point is a letter, mark or digit (\p{L}, \p{M}, \p{N}): what runs of a word are made of. */
function isWordCodePoint(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  if (code < 0x10000) {
    let known = wordUnits[code];
    if (known === 0) wordUnits[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }
  let word = astralWordChars.get(code);
  if (word === undefined) astralWordChars.set(code, (word = WORD_CHAR.test(String.fromCodePoint(code))));
  return word;
}

/** The terms of a text, in order, repeated as often as they occur. */
export function tokenize(text: string | undefined, options: TokenizerOptions = DEFAULT_TOKENIZER): string[] {
  if (!text) return [];
  let normalized = (options.foldWidth ? text.normalize('NFKC') : text).toLowerCase();
  const hasCjk = CJK_RUN.test(normalized);
  // Before segmenting: the segmenter then reads one script, and index and query fold alike.
  if (options.foldScript && hasCjk) normalized = foldToSimplified(normalized);
  const out: string[] = [];
  const latin = latinTerms(options);
  if (options.cjk === 'words' && hasCjk) {
    // One pass of the segmenter over the whole text costs half as much as one per run of Han characters.
    for (const segment of wordSegmenter().segment(normalized)) {
      if (!segment.isWordLike) continue;
      const word = segment.segment;
      if (isCjkWord(word)) pushCjkWord(word, options, out);
      else runTerms(word, options, out, latin);
    }
  } else {
    runTerms(normalized, options, out, latin);
  }
  return out;
}

/**
 * The terms of text split at anything but letters, marks and digits (runs found by a scan over
 * the characters: a regular expression match per word allocated more than the rest of the work).
 */
function runTerms(text: string, options: TokenizerOptions, out: string[], latin: (word: string) => string | undefined): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    let start = -1;
    let mayBeCjk = false;
    while (at < length) {
      const code = text.codePointAt(at)!;
      if (isWordCodePoint(code)) {
        if (start < 0) start = at;
        if (code >= FIRST_CJK) mayBeCjk = true;
      } else if (start >= 0) break;
      at += code > 0xffff ? 2 : 1;
    }
    if (start < 0) return;
    const run = text.slice(start, at);
    if (!mayBeCjk || !CJK_RUN.test(run)) {
      const term = latin(run);
      if (term) out.push(term);
      continue;
    }
    // "MRP参数" or "COVID-19疫情": split the run into its CJK and Latin parts.
    for (const part of run.split(SPLIT_CJK)) {
      if (!part) continue;
      if (CJK_RUN.test(part)) cjkTerms(part, options, out);
      else {
        const term = latin(part);
        if (term) out.push(term);
      }
    }
  }
}

export function isCjkTerm(term: string): boolean {
  return CJK_RUN.test(term);
}
