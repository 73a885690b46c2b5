/**
 * The words behind a match's shared terms, as the article spells them, and where they are in its
 * text: what the popup and the library show under "shared words" and mark in titles and abstracts.
 *
 * A term is a token (an English stem, a Chinese word as the segmenter cut it); a reader sees the
 * word: "regulation" for "regul", 问责 for the two halves 问 + 责 of a word the segmenter did not
 * know, 形式主义 for 形式 + 主义. Words side by side become one phrase only where the query
 * articles hold the same phrase; otherwise each is a word, and a mark, of its own: never a phrase
 * that one of the two articles does not contain.
 */
import type { TextPiece } from '../text/highlight';
import { isTellingTerm } from './explain';
import { BoundedCache } from './bounded-cache';
import { isCjkTerm, tokenize } from './tokenize';
import { wordSegmenter } from '../text/word-segmenter';

export interface SharedWord {
  /** The word as the article spells it (its most frequent spelling there). */
  text: string;
  /** What marks it in a text: its term, or the joined terms of a Chinese word or phrase. */
  key: string;
}

/** Words shown per match: a handful, the ones weighing most. */
export const SHOWN_WORDS = 5;

/** A phrase of shared words (形式 + 主义) is two words, of this many characters at most. */
const PHRASE_WORDS = 2;
const PHRASE_CHARS = 6;
/** Query phrases are looked up among sequences of this many tokens at most (two words in halves). */
const SEQUENCE_TOKENS = PHRASE_WORDS * 2;
/**
 * A phrase is shown instead of its words where it holds most of their occurrences (形式主义:
 * 形式 is rarely alone); 问责 alone ten times and 问责压力 once stay two words.
 */
const PHRASE_SHARE = 2 / 3;

/**
 * Characters that start or end no word: shared halves are not joined across them (以问责 is
 * 以 + 问责).
 */
const FUNCTION_CHARS = new Set([...'的了与及或之而其是在于也都就即但把从将着很又以对为向被由等和并']);

/** A word of a text: where it is and the term the tokenizer makes of it. */
interface SurfaceToken {
  start: number;
  end: number;
  term: string;
  /** A single Han character: half of a word, maybe. */
  half: boolean;
}

/**
 * Texts segmented lately: a row's texts are read twice for its words (words, then phrases) and
 * again to mark them, and the same rows come back when a fresh answer replaces the kept one.
 */
const segmented = new BoundedCache<readonly SurfaceToken[]>(256);
/** Words recur across rows and abstracts (研究, 问责, model): each is tokenized once. */
const termsOfSegment = new BoundedCache<readonly string[]>(20_000);

/** The text's words with their places; the tokenizer decides each word's term (or drops it). */
const surfaceTokens = (text: string): readonly SurfaceToken[] => segmented.get(text, segmentText);

function segmentText(text: string): SurfaceToken[] {
  const tokens: SurfaceToken[] = [];
  for (const { segment, index, isWordLike } of wordSegmenter().segment(text)) {
    if (!isWordLike) continue;
    const terms = termsOfSegment.get(segment, tokenize);
    if (terms.length !== 1) continue; // a stopword, or a segment the tokenizer cuts otherwise
    const term = terms[0];
    tokens.push({ start: index, end: index + segment.length, term, half: term.length === 1 && isCjkTerm(term) });
  }
  return tokens;
}

const joined = (tokens: readonly SurfaceToken[]) => tokens.map((token) => token.term).join('');
const touching = (a: SurfaceToken, b: SurfaceToken) => a.end === b.start;

const sequenceCache = new WeakMap<readonly string[], Set<string>>();

/** Every run of two or more touching Chinese tokens in the texts, as joined terms (the query's phrases). */
function sequencesOf(texts: readonly string[]): Set<string> {
  let sequences = sequenceCache.get(texts);
  if (sequences) return sequences;
  sequences = new Set();
  for (const text of texts) {
    const tokens = surfaceTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      let sequence = tokens[i].term;
      for (let j = i + 1; j < i + SEQUENCE_TOKENS && j < tokens.length && touching(tokens[j - 1], tokens[j]); j++) {
        if (!isCjkTerm(sequence) || !isCjkTerm(tokens[j].term)) break;
        sequence += tokens[j].term;
        sequences.add(sequence);
      }
    }
  }
  sequenceCache.set(texts, sequences);
  return sequences;
}

interface Found {
  key: string;
  /** The words of a phrase (the word itself for a word). */
  parts: string[];
  start: number;
  end: number;
  /** Position of its best term in the match's terms. */
  rank: number;
}

function foundIn(units: SurfaceToken[][], rankOf: ReadonlyMap<string, number>): Found {
  const tokens = units.flat();
  return {
    key: joined(tokens),
    parts: units.map(joined),
    start: tokens[0].start,
    end: tokens.at(-1)!.end,
    rank: Math.min(...tokens.map((token) => rankOf.get(token.term) ?? Infinity)),
  };
}

/**
 * The shared words of a run of touching shared Chinese tokens: halves joined in pairs that
 * `accepts` takes (a lone half is dropped), then words joined into the longest phrase it takes.
 */
function chineseWords(run: SurfaceToken[], rankOf: ReadonlyMap<string, number>, accepts: (key: string) => boolean): Found[] {
  const units: SurfaceToken[][] = [];
  for (let i = 0; i < run.length; i++) {
    const next = run[i + 1];
    if (!run[i].half) units.push([run[i]]);
    else if (next?.half && touching(run[i], next) && accepts(run[i].term + next.term)) units.push([run[i], run[++i]]);
  }
  const words: Found[] = [];
  for (let from = 0; from < units.length; ) {
    let to = Math.min(units.length, from + PHRASE_WORDS);
    while (to - from > 1) {
      const phrase = units.slice(from, to).flat();
      const connected = phrase.every((token, k) => k === 0 || touching(phrase[k - 1], token));
      if (connected && joined(phrase).length <= PHRASE_CHARS && accepts(joined(phrase))) break;
      to--;
    }
    words.push(foundIn(units.slice(from, to), rankOf));
    from = to;
  }
  return words;
}

/**
 * The stretches of a text that are shared words, in text order: Latin words whose term is
 * shared, and Chinese words and phrases (chineseWords) made of shared tokens.
 */
function findWords(text: string, rankOf: ReadonlyMap<string, number>, accepts: (key: string) => boolean): Found[] {
  const words: Found[] = [];
  let run: SurfaceToken[] = [];
  const endRun = () => {
    if (run.length) words.push(...chineseWords(run, rankOf, accepts));
    run = [];
  };
  for (const token of surfaceTokens(text)) {
    const shared = rankOf.has(token.term) && !FUNCTION_CHARS.has(token.term);
    if (!shared || !isCjkTerm(token.term)) {
      endRun();
      if (shared) words.push(foundIn([[token]], rankOf));
      continue;
    }
    if (run.length && !touching(run.at(-1)!, token)) endRun();
    run.push(token);
  }
  endRun();
  return words;
}

/** The telling terms of a match, by their place in it (the ranker lists them weightiest first). */
function rankTerms(terms: readonly string[]): Map<string, number> {
  const rankOf = new Map<string, number>();
  terms.forEach((term, rank) => {
    if (isTellingTerm(term) && !rankOf.has(term)) rankOf.set(term, rank);
  });
  return rankOf;
}

interface Tally {
  rank: number;
  parts: string[];
  count: number;
  spellings: Map<string, number>;
}

/** How often each shared word (or phrase, as `accepts` allows) occurs in the texts, and how it is spelled. */
function tally(texts: readonly string[], rankOf: ReadonlyMap<string, number>, accepts: (key: string) => boolean): Map<string, Tally> {
  const words = new Map<string, Tally>();
  for (const text of texts) {
    for (const { key, parts, start, end, rank } of findWords(text, rankOf, accepts)) {
      if (!isTellingTerm(key)) continue; // a word in halves may be boilerplate too (构 + 建)
      const word = words.get(key) ?? { rank, parts, count: 0, spellings: new Map() };
      const spelling = text.slice(start, end);
      word.count++;
      word.spellings.set(spelling, (word.spellings.get(spelling) ?? 0) + 1);
      words.set(key, word);
    }
  }
  return words;
}

/**
 * The words a match's terms stand for in an article's texts (title, keywords, abstract), most
 * telling first, at most `limit`. A Chinese word made of several tokens counts only where the
 * query articles' texts hold the same tokens side by side: it must occur in both.
 */
export function sharedWords(terms: readonly string[], texts: readonly string[], queryTexts: readonly string[], limit = SHOWN_WORDS): SharedWord[] {
  const rankOf = rankTerms(terms);
  if (rankOf.size === 0) return [];
  const query = sequencesOf(queryTexts);
  // Words first (a pair of halves is two characters), then phrases of two words.
  const words = tally(texts, rankOf, (key) => key.length === 2 && query.has(key));
  for (const [key, phrase] of tally(texts, rankOf, (key) => query.has(key))) {
    if (phrase.parts.length < 2 || !phrase.parts.every((part) => phrase.count >= PHRASE_SHARE * (words.get(part)?.count ?? 0))) continue;
    words.set(key, phrase);
    for (const part of phrase.parts) {
      const word = words.get(part)!;
      word.count -= phrase.count;
      if (word.count <= 0) words.delete(part);
    }
  }
  return [...words.entries()]
    .sort((a, b) => a[1].rank - b[1].rank || b[0].length - a[0].length)
    .slice(0, limit)
    .map(([key, { spellings }]) => ({ key, text: mostFrequent(spellings) }));
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count];
  return best;
}

/** The text in pieces, each shared word one marked piece of its own. Pieces are text, never markup. */
export function markSharedWords(text: string, words: readonly SharedWord[]): TextPiece[] {
  if (!text) return [];
  if (words.length === 0) return [{ text, match: false }];
  const keys = new Set(words.map((word) => word.key));
  const chinese = [...keys].filter(isCjkTerm);
  // The words' own terms, and the parts of the Chinese ones: parts join only into them.
  const partOfWord = (term: string) => keys.has(term) || (isCjkTerm(term) && chinese.some((word) => word.includes(term)));
  const rankOf = new Map(surfaceTokens(text).flatMap(({ term }) => (partOfWord(term) ? [[term, 0] as const] : [])));
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { key, start, end } of findWords(text, rankOf, (phrase) => chinese.some((word) => word.includes(phrase)))) {
    if (!keys.has(key)) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
