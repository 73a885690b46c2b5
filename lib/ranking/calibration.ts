/**
 * What a similarity score means to a reader, the same in any library.
 *
 * A score is the cosine similarity of two articles' tf-idf vectors (explain.ts), not a share of
 * the best match: the best of an unrelated lot stays low. Its meaning was measured on the labelled
 * abstracts in ../shared/eval (`simlit eval` prints the same table): among the ten nearest
 * neighbours of each article, how many share its discipline (dev-zh) or arXiv category (dev-en),
 * by score. The thresholds are the lowest scores above which at least half, and at least three
 * quarters, of the neighbours share the label in both languages (README, "How similar articles
 * are found", has the figures).
 */

/** From this score on a neighbour is called similar: at least half of those share the topic. */
export const SIMILAR_FROM = 0.17;
/** From this score on a neighbour is a close match: three quarters of those share the topic. */
export const CLOSE_FROM = 0.28;
/** A full bar: above it almost every neighbour shares the topic. */
const FULL_BAR_AT = 0.4;
/**
 * Fewer articles than this and no match is called close: with few articles the library cannot
 * tell telling words from common ones (idf), and in the measurement fewer close matches shared
 * the topic in libraries of 20 to 100 articles than in larger ones.
 */
export const CLOSE_NEEDS_ARTICLES = 100;

export type SimilarityLevel = 'weak' | 'similar' | 'close';

export function similarityLevel(score: number, librarySize: number): SimilarityLevel {
  if (score < SIMILAR_FROM) return 'weak';
  return score >= CLOSE_FROM && librarySize >= CLOSE_NEEDS_ARTICLES ? 'close' : 'similar';
}

/**
 * How much of a bar a score fills (0..1), on one fixed scale: the similar threshold sits at 42%,
 * the close one at 70%. In a small library a bar never reaches the close mark.
 */
export function barShare(score: number, librarySize: number): number {
  const share = Math.min(1, Math.max(0, score) / FULL_BAR_AT);
  const closeMark = CLOSE_FROM / FULL_BAR_AT;
  return librarySize < CLOSE_NEEDS_ARTICLES ? Math.min(share, closeMark - 0.05) : share;
}

/** A ranked neighbour in a measurement: its score, and whether it shares the query's label. */
export interface ScoredNeighbour {
  score: number;
  relevant: boolean;
}

export interface Band {
  from: number;
  to: number;
  neighbours: number;
  /** Share of these neighbours that share the query's label. */
  share: number;
}

export interface Calibration {
  bands: Band[];
  /** Lowest score from which on at least half the neighbours share the label (undefined: never). */
  halfFrom?: number;
  /** The same for three quarters. */
  threeQuartersFrom?: number;
  /** Neighbours at or above the shipped thresholds, and the share of them on the query's topic. */
  atSimilar: { neighbours: number; share: number };
  atClose: { neighbours: number; share: number };
  /** Share of queries with at least one neighbour at or above SIMILAR_FROM. */
  queriesWithSimilar: number;
}

const BAND_EDGES = [0, 0.1, SIMILAR_FROM, CLOSE_FROM, FULL_BAR_AT, Infinity];
/** A threshold must hold at every score above it where this many neighbours are left to count. */
const MIN_NEIGHBOURS = 30;
const GRID_STEP = 0.01;

function shareAbove(neighbours: ScoredNeighbour[], from: number): { neighbours: number; share: number } {
  let count = 0;
  let relevant = 0;
  for (const neighbour of neighbours) {
    if (neighbour.score < from - 1e-9) continue;
    count++;
    if (neighbour.relevant) relevant++;
  }
  return { neighbours: count, share: count ? relevant / count : 0 };
}

/** The lowest grid score from which on the share above it stays at least `target`. */
function lowestHolding(neighbours: ScoredNeighbour[], target: number): number | undefined {
  let lowest: number | undefined;
  for (let step = 100; step >= 0; step--) {
    const from = step * GRID_STEP;
    const above = shareAbove(neighbours, from);
    if (above.neighbours < MIN_NEIGHBOURS) continue;
    if (above.share < target) break;
    lowest = from;
  }
  return lowest;
}

/** The measurement: `rankings` holds each query's ranked neighbours. */
export function calibrate(rankings: ScoredNeighbour[][]): Calibration {
  const neighbours = rankings.flat();
  const bands = BAND_EDGES.slice(0, -1).map((from, i) => {
    const to = BAND_EDGES[i + 1];
    const inBand = neighbours.filter((n) => n.score >= from - 1e-9 && n.score < to - 1e-9);
    return { from, to, neighbours: inBand.length, share: inBand.length ? inBand.filter((n) => n.relevant).length / inBand.length : 0 };
  });
  const withSimilar = rankings.filter((ranking) => ranking.some((n) => n.score >= SIMILAR_FROM)).length;
  return {
    bands,
    halfFrom: lowestHolding(neighbours, 0.5),
    threeQuartersFrom: lowestHolding(neighbours, 0.75),
    atSimilar: shareAbove(neighbours, SIMILAR_FROM),
    atClose: shareAbove(neighbours, CLOSE_FROM),
    queriesWithSimilar: rankings.length ? withSimilar / rankings.length : 0,
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const score = (value: number | undefined) => (value === undefined ? 'never' : value.toFixed(2));

/** The measurement as lines for the eval command's output. */
export function formatCalibration(calibration: Calibration, k: number): string[] {
  const bandLines = calibration.bands.map(({ from, to, neighbours, share }) => {
    const range = to === Infinity ? `${from.toFixed(2)} and up` : `${from.toFixed(2)}-${to.toFixed(2)}`;
    return `  ${range.padEnd(12)} ${String(neighbours).padStart(6)} neighbours, ${percent(share).padStart(4)} share the query's label`;
  });
  const { atSimilar, atClose } = calibration;
  return [
    `similarity of the top ${k}, and the share of them sharing the query's label:`,
    ...bandLines,
    `Simlit calls similar from ${SIMILAR_FROM.toFixed(2)} (${percent(atSimilar.share)} of ${atSimilar.neighbours} share the label; ${percent(calibration.queriesWithSimilar)} of queries have one) and close from ${CLOSE_FROM.toFixed(2)} (${percent(atClose.share)} of ${atClose.neighbours})`,
    `measured here: half share the label from ${score(calibration.halfFrom)}, three quarters from ${score(calibration.threeQuartersFrom)}`,
  ];
}
