import { useEffect, useState } from 'preact/hooks';
import { sharedWords, type SharedWord } from '@/lib/ranking/shared-words';

/**
 * A row's shared words, found after the list is on screen: finding them segments and tokenizes
 * the row's texts, and a popup opened afresh pays for the segmenter's and the tokenizer's first
 * use too (some 250 ms at 10,000 articles in Chromium, most of the time to a shown list). The
 * rows show at once, their words a moment later.
 *
 * `undefined` while the words are being found. Words found stay known for the same query texts
 * (one array per list shown), so the fresh answer's rows show the kept answer's words at once.
 */
export function useSharedWords(terms: readonly string[], texts: readonly string[], queryTexts: readonly string[]): SharedWord[] | undefined {
  const key = `${terms.join(' ')}\u0000${texts.join('\u0000')}`;
  // No terms, no words: nothing to find (and search hits have none).
  const known = terms.length === 0 ? NO_WORDS : foundFor(queryTexts).get(key);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (known) return;
    let wanted = true;
    later(() => {
      if (!wanted) return;
      foundFor(queryTexts).set(key, wordsOrNone(terms, texts, queryTexts));
      rerender((count) => count + 1);
    });
    return () => {
      wanted = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, queryTexts, known]);
  return known;
}

const NO_WORDS: SharedWord[] = [];

/** Words are a help to the reader: a text they cannot be found in shows its row without them. */
function wordsOrNone(terms: readonly string[], texts: readonly string[], queryTexts: readonly string[]): SharedWord[] {
  try {
    return sharedWords(terms, texts, queryTexts);
  } catch (error) {
    console.warn('simlit: shared words not found', error instanceof Error ? error.name : error);
    return NO_WORDS;
  }
}
const wordsByQuery = new WeakMap<readonly string[], Map<string, SharedWord[]>>();

function foundFor(queryTexts: readonly string[]): Map<string, SharedWord[]> {
  let words = wordsByQuery.get(queryTexts);
  if (!words) wordsByQuery.set(queryTexts, (words = new Map()));
  return words;
}

/** Rows' words are found a few at a time: an answer arriving meanwhile is shown between slices. */
const SLICE_MS = 10;
const waiting: (() => void)[] = [];

function later(job: () => void): void {
  waiting.push(job);
  if (waiting.length === 1) setTimeout(work, 0);
}

/** Waiting for sharedWordsFound(). */
const whenFound: (() => void)[] = [];

function work(): void {
  const started = performance.now();
  while (waiting.length > 0 && performance.now() - started < SLICE_MS) waiting.shift()!();
  if (waiting.length > 0) setTimeout(work, 0);
  else for (const resolve of whenFound.splice(0)) resolve();
}

/**
 * Resolves once no row's words are left to find: looked at a task later, when the rows drawn
 * have asked for theirs.
 */
export function sharedWordsFound(): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      if (waiting.length === 0) resolve();
      else whenFound.push(resolve);
    }, 0),
  );
}
