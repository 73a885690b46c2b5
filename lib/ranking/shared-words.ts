/**
 * The words behind a match's shared terms, as the article spells them, and where they are in its
 * text: what the popup and the library show under "shared words" and mark in titles and abstracts.
 *
 * A term is a token (an English stem, a Chinese word as the segmenter cut it); a reader sees the
 * word: "regulation" for "regul", 问责 for the two halves 问 + 责 of a word the segmenter did not
 * know. Each word is marked on its own: two shared words side by side are two marks, never one
 * phrase that neither article contains.
 */
import type { TextPiece } from '../text/highlight';
import { isTellingTerm } from './explain';
import { foldToSimplified } from './fold-script';
import { isCjkTerm, tokenize } from './tokenize';

export interface SharedWord {
  /** The word as the article spells it (its most frequent spelling there). */
  text: string;
  /** What marks it in a text: the term of its words, or the joined terms of a word in halves. */
  key: string;
}

/** Words shown per match: a handful, the ones weighing most. */
export const SHOWN_WORDS = 5;

/** A word of a text: where it is and the term the tokenizer makes of it. */
interface SurfaceToken {
  start: number;
  end: number;
  term: string;
  /** A single Han character: half of a word, maybe. */
  half: boolean;
}

/**
 * Characters that end or start no word: a run of shared single characters is not joined across
 * them (以问责 is 以 + 问责).
 */
const FUNCTION_CHARS = new Set([...'的了与及或之而其是在于也都就即但把从将着很又以对为向被由等和并']);

let wordSegmenter: Intl.Segmenter | undefined;

/** The text's words with their places; the tokenizer decides each word's term (or drops it). */
function surfaceTokens(text: string): SurfaceToken[] {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const tokens: SurfaceToken[] = [];
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
    if (!isWordLike) continue;
    const terms = tokenize(segment);
    if (terms.length !== 1) continue; // a stopword, or a segment the tokenizer cuts otherwise
    const term = terms[0];
    tokens.push({ start: index, end: index + segment.length, term, half: term.length === 1 && isCjkTerm(term) });
  }
  return tokens;
}

/** Text as terms are spelled: width and case folded, Traditional characters as Simplified. */
function folded(text: string): string {
  return foldToSimplified(text.normalize('NFKC').toLowerCase());
}

/** Runs of single-character tokens that touch, split at function characters. */
function halfRuns(tokens: SurfaceToken[], isShared: (term: string) => boolean): SurfaceToken[][] {
  const runs: SurfaceToken[][] = [];
  let run: SurfaceToken[] = [];
  for (const token of tokens) {
    const joins = token.half && isShared(token.term) && !FUNCTION_CHARS.has(token.term);
    if (joins && run.length && run.at(-1)!.end === token.start) run.push(token);
    else {
      if (run.length > 1) runs.push(run);
      run = joins ? [token] : [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

interface Found {
  key: string;
  start: number;
  end: number;
  /** Position of its best term in the match's terms. */
  rank: number;
}

/**
 * The stretches of a text that are shared words: tokens whose term is shared, and runs of shared
 * halves that spell a word `accepts` (longest first, from the left).
 */
function findWords(text: string, rankOf: Map<string, number>, accepts: (phrase: string) => boolean): Found[] {
  const tokens = surfaceTokens(text);
  const found: Found[] = [];
  for (const token of tokens) {
    const rank = rankOf.get(token.term);
    if (rank !== undefined && !token.half) found.push({ key: token.term, start: token.start, end: token.end, rank });
  }
  for (const run of halfRuns(tokens, (term) => rankOf.has(term))) {
    for (let from = 0; from < run.length - 1; ) {
      let to = run.length;
      while (to - from >= 2 && !accepts(run.slice(from, to).map((t) => t.term).join(''))) to--;
      if (to - from < 2) {
        from++;
        continue;
      }
      const part = run.slice(from, to);
      found.push({ key: part.map((t) => t.term).join(''), start: part[0].start, end: part.at(-1)!.end, rank: Math.min(...part.map((t) => rankOf.get(t.term)!)) });
      from = to;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function rankTerms(terms: readonly string[]): Map<string, number> {
  const rankOf = new Map<string, number>();
  terms.forEach((term, rank) => {
    if (isTellingTerm(term) && !rankOf.has(term)) rankOf.set(term, rank);
  });
  return rankOf;
}

/**
 * The words a match's terms stand for in an article's texts (title, keywords, abstract), most
 * telling first, at most `limit`. A word the segmenter cut in halves counts only where the query
 * articles' texts hold it whole too: it must occur in both.
 */
export function sharedWords(terms: readonly string[], texts: readonly string[], queryTexts: readonly string[], limit = SHOWN_WORDS): SharedWord[] {
  const rankOf = rankTerms(terms);
  if (rankOf.size === 0) return [];
  const query = queryTexts.map(folded).join('\n');
  const words = new Map<string, { rank: number; spellings: Map<string, number> }>();
  for (const text of texts) {
    for (const { key, start, end, rank } of findWords(text, rankOf, (phrase) => query.includes(phrase))) {
      const word = words.get(key) ?? { rank, spellings: new Map() };
      const spelling = text.slice(start, end);
      word.spellings.set(spelling, (word.spellings.get(spelling) ?? 0) + 1);
      words.set(key, word);
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
  const keys = new Map(words.map((word, rank) => [word.key, rank]));
  // Halves join only into the words shown; every other term is left unmarked.
  const halves = new Map<string, number>();
  for (const key of keys.keys()) if (key.length > 1 && isCjkTerm(key)) for (const char of key) halves.set(char, 0);
  const rankOf = new Map([...halves, ...keys]);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { key, start, end } of findWords(text, rankOf, (phrase) => keys.has(phrase))) {
    if (!keys.has(key) || start < at) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
