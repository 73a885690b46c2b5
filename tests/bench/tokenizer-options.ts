/**
 * Measures ranking quality (leave-one-out P@10 / nDCG@10 on ../shared/eval) and indexing time
 * for tokenizer and ranker options, so the defaults in lib/ranking are chosen on figures.
 * `npx tsx tests/bench/tokenizer-options.ts [variant-name-substring]`
 */
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { evaluateQueries, formatEvalLine, leaveOneOutQueries } from '../../lib/ranking/evaluate';
import { DEFAULT_RANKER, SimilarityIndex, type RankerOptions } from '../../lib/ranking/similarity-index';
import type { RankableArticle } from '../../lib/ranking/article-terms';
import { devSets, type LabelledSet } from './eval-data';

type Variant = { name: string; options: RankerOptions };

const withTokenizer = (name: string, tokenizer: Partial<RankerOptions['tokenizer']>, rest: Partial<RankerOptions> = {}): Variant => ({
  name,
  options: { ...DEFAULT_RANKER, ...rest, tokenizer: { ...DEFAULT_RANKER.tokenizer, ...tokenizer } },
});

const VARIANTS: Variant[] = [
  withTokenizer('default', {}),
  withTokenizer('cjk bigram', { cjk: 'bigram' }),
  withTokenizer('cjk words', { cjk: 'words' }),
  withTokenizer('cjk words+bigram', { cjk: 'words+bigram' }),
  withTokenizer('cjk bigram+unigram', { cjk: 'bigram+unigram' }),
  withTokenizer('no stopwords', { stopwords: false }),
  withTokenizer('no stemming', { stem: false }),
  withTokenizer('no width folding', { foldWidth: false }),
  withTokenizer('abstract terms 20', {}, { abstractTerms: 20 }),
  withTokenizer('abstract terms 30', {}, { abstractTerms: 30 }),
  withTokenizer('abstract terms 80', {}, { abstractTerms: 80 }),
  withTokenizer('vector abstract terms 60', {}, { vectorAbstractTerms: 60 }),
  withTokenizer('vector abstract terms 80', {}, { vectorAbstractTerms: 80 }),
  withTokenizer('BM25 only (no re-rank, no feedback)', {}, { candidates: 0 }),
  withTokenizer('feedback off', {}, { feedback: { neighbours: 0, share: 0 } }),
];

/** The reference: MiniSearch defaults, query = 25 top tf-idf terms, title boost 2. */
function referenceMoreLikeThis(set: LabelledSet, tokenize?: (text: string) => string[]): number {
  const mini = new MiniSearch<RankableArticle>({ fields: ['title', 'abstract'], ...(tokenize ? { tokenize } : {}) });
  mini.addAll(set.articles);
  const tok = tokenize ?? ((text: string) => text.split(/[\n\r\p{Z}\p{P}]+/u));
  const df = new Map<string, number>();
  const docTerms = set.articles.map((a) => tok(`${a.title ?? ''} ${a.abstract ?? ''}`).map((t) => t.toLowerCase()).filter(Boolean));
  for (const terms of docTerms) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const queries = leaveOneOutQueries(set.articles, set.labels);
  let precision = 0;
  let counted = 0;
  queries.forEach((query, i) => {
    if (!query.relevant.size) return;
    const tf = new Map<string, number>();
    for (const t of docTerms[i]) tf.set(t, (tf.get(t) ?? 0) + 1);
    const top = [...tf].map(([t, n]) => [t, n * Math.log(set.articles.length / (df.get(t) ?? 1))] as const).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([t]) => t);
    const hits = mini.search(top.join(' '), { boost: { title: 2 }, ...(tokenize ? {} : { tokenize: (s: string) => s.split(' ') }) }).filter((r) => r.id !== query.id).slice(0, 10);
    precision += hits.filter((r) => query.relevant.has(r.id)).length / 10;
    counted++;
  });
  return precision / counted;
}

const filter = process.argv[2];
const sets = devSets().filter((set) => !process.env.ONLY || set.name.includes(process.env.ONLY));
if (!filter || filter === 'reference') {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  console.log(`reference (MiniSearch default tokenizer): zh P@10 ${referenceMoreLikeThis(sets[0]).toFixed(3)}  en P@10 ${referenceMoreLikeThis(sets[1]).toFixed(3)}`);
  console.log(`reference (Intl.Segmenter words): zh P@10 ${referenceMoreLikeThis(sets[0], words).toFixed(3)}`);
}
console.log('| variant | zh P@10 | zh nDCG@10 | en P@10 | en nDCG@10 | index ms (zh+en) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const variant of VARIANTS.filter((v) => !filter || v.name.includes(filter))) {
  const cells: string[] = [];
  let indexMs = 0;
  for (const set of sets) {
    const start = performance.now();
    const index = SimilarityIndex.create(set.articles, variant.options);
    indexMs += performance.now() - start;
    const result = evaluateQueries(index, leaveOneOutQueries(set.articles, set.labels), 10);
    cells.push(result.precision.toFixed(3), result.ndcg.toFixed(3));
    if (process.env.VERBOSE) console.error(set.name, formatEvalLine(result));
  }
  console.log(`| ${variant.name} | ${cells.join(' | ')} | ${indexMs.toFixed(0)} |`);
}
