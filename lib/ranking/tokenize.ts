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
// Letters, marks and digits of any script; everything else (punctuation, emoji, symbols) separates.
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
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
  return options.stem && /^[a-z]+$/.test(word) ? stem(word) : word;
}

/** Scholarly English repeats a small vocabulary: remembering stems saves most of the stemmer's regular expressions. */
const stems = new BoundedCache<string>(50_000);
const stem = (word: string): string => stems.get(word, stemmer);

/** The terms of a text, in order, repeated as often as they occur. */
export function tokenize(text: string | undefined, options: TokenizerOptions = DEFAULT_TOKENIZER): string[] {
  if (!text) return [];
  let normalized = (options.foldWidth ? text.normalize('NFKC') : text).toLowerCase();
  const hasCjk = CJK_RUN.test(normalized);
  // Before segmenting: the segmenter then reads one script, and index and query fold alike.
  if (options.foldScript && hasCjk) normalized = foldToSimplified(normalized);
  const out: string[] = [];
  if (options.cjk === 'words' && hasCjk) {
    // One pass of the segmenter over the whole text costs half as much as one per run of Han characters.
    for (const segment of wordSegmenter().segment(normalized)) {
      if (!segment.isWordLike) continue;
      if (CJK_WORD.test(segment.segment)) pushCjkWord(segment.segment, options, out);
      else runTerms(segment.segment, options, out);
    }
  } else {
    runTerms(normalized, options, out);
  }
  return out;
}

/** The terms of text split at anything but letters, marks and digits. */
function runTerms(text: string, options: TokenizerOptions, out: string[]): void {
  for (const [run] of text.matchAll(WORD_RUN)) {
    if (!CJK_RUN.test(run)) {
      const term = latinTerm(run, options);
      if (term) out.push(term);
      continue;
    }
    // "MRP参数" or "COVID-19疫情": split the run into its CJK and Latin parts.
    for (const part of run.split(SPLIT_CJK)) {
      if (!part) continue;
      if (CJK_RUN.test(part)) cjkTerms(part, options, out);
      else {
        const term = latinTerm(part, options);
        if (term) out.push(term);
      }
    }
  }
}

export function isCjkTerm(term: string): boolean {
  return CJK_RUN.test(term);
}
