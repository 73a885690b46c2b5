/**
 * Why two articles are similar, as the reader sees it.
 *
 * The ranker compares tf-idf vectors; its score is the cosine of the query article's vector and
 * the neighbour's, and the terms that weigh most in that cosine explain it. Two corrections make
 * that explanation true to the reader:
 * - words every research abstract uses (研究, 分析, 影响, "results", "associated") weigh in the
 *   cosine but say nothing about why two articles belong together: they are never shown;
 * - a list page is many articles: a neighbour is as similar to the page as it is to the page's
 *   article closest to it, and shares words with that article (a cosine against all the page's
 *   words together reads lower the longer the page, and could not be read the same way in any
 *   library; see calibration.ts).
 *
 * The terms stay tokens here (English stems, Chinese words); lib/ranking/shared-words.ts finds
 * the words they stand for in the article's own text.
 */
import { GENERIC_TERMS } from './generic-terms';
import type { TermSpace, TermVector } from './vectors';

const GENERIC: ReadonlySet<string> = new Set(GENERIC_TERMS);

/**
 * A term (or a word joined from terms) that may explain a match: anything but research
 * boilerplate (generic-terms.ts; stopwords are never terms). A single Han character stays: it may
 * be half of a word the segmenter did not know (问责 → 问 + 责), which shared-words.ts joins again
 * where both articles have the whole.
 */
export function isTellingTerm(term: string): boolean {
  return !GENERIC.has(term);
}

/** Shared terms offered per match: enough for the words shown after joining and filtering. */
const EXPLAINED_TERMS = 12;

export interface ExplainedMatch {
  /** Cosine similarity to the query article closest to it (0..1). */
  score: number;
  /** Telling terms the two share, largest part of the cosine first. */
  terms: string[];
}

/**
 * For each candidate: its similarity to the closest of the query articles and the telling terms
 * it shares with that one. `queries` holds one vector per query article (one for an article page).
 */
export function explainMatches(space: TermSpace, queries: TermVector[], candidates: TermVector[]): ExplainedMatch[] {
  const cosines = queries.map((query) => space.cosines(query, candidates));
  return candidates.map((candidate, c) => {
    let closest = 0;
    for (let q = 1; q < queries.length; q++) if (cosines[q][c] > cosines[closest][c]) closest = q;
    return { score: cosines[closest][c], terms: space.sharedTerms(queries[closest], candidate, EXPLAINED_TERMS, isTellingTerm) };
  });
}
