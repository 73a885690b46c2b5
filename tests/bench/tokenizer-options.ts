/**
 * Measures ranking quality (leave-one-out P@10 / nDCG@10 on ../shared/eval) and indexing time
 * for tokenizer and ranker options, so the defaults in lib/ranking are chosen on figures.
 * `npx tsx tests/bench/tokenizer-options.ts [variant-name-substring]`
 */
import MiniSearch from 'minisearch';
import { Converter } from 'opencc-js';
import { performance } from 'node:perf_hooks';
import { evaluateQueries, formatEvalLine, leaveOneOutQueries } from '../../lib/ranking/evaluate';
import { DEFAULT_RANKER, SimilarityIndex, type RankerOptions } from '../../lib/ranking/similarity-index';
import type { RankableArticle } from '../../lib/ranking/article-terms';
import { tokenize } from '../../lib/ranking/tokenize';
import { foldToSimplified } from '../../lib/ranking/fold-script';
import { seededRandom } from './corpus';
import { devSets, type LabelledSet } from './eval-data';
import { median } from './stats';

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
  withTokenizer('no script folding', { foldScript: false }),
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
/** The main table: every variant on the plain dev sets. */
function optionsTable(): void {
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
}

/*
 * Traditional/Simplified folding. There is no labelled Traditional data, so it is made here from
 * dev-zh by OpenCC's phrase-level Simplified -> Traditional converter (deterministic): an
 * all-Traditional library, and a mixed one where a seeded half of the articles is Traditional,
 * as a library holding Taiwan/Hong Kong and mainland journals would. Folding modes: none;
 * "chars", the tokenizer's foldScript (OpenCC's character table, one character to one); and
 * "phrases", OpenCC's phrase-level t2s converter applied to the text before tokenizing.
 * `npx tsx tests/bench/tokenizer-options.ts script`
 */
type Convert = (text: string) => string;
type Folding = 'none' | 'chars' | 'phrases';

function convertArticle(article: RankableArticle, convert: Convert): RankableArticle {
  const converted = { ...article };
  if (article.title) converted.title = convert(article.title);
  if (article.abstract) converted.abstract = convert(article.abstract);
  if (typeof article.keyword === 'string') converted.keyword = convert(article.keyword);
  return converted;
}

/** A library some of whose articles were converted to the other script. */
type ScriptSet = LabelledSet & { converted: Set<string> };

/** The set with `share` of its articles (a seeded choice) converted. */
function convertedSet(set: LabelledSet, name: string, convert: Convert, share: number, seed = 20240601): ScriptSet {
  const random = seededRandom(seed);
  const order = set.articles.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = new Set(order.slice(0, Math.round(share * order.length)));
  return {
    name,
    labels: set.labels,
    articles: set.articles.map((article, i) => (chosen.has(i) ? convertArticle(article, convert) : article)),
    converted: new Set([...chosen].map((i) => set.articles[i].id)),
  };
}

/** Share of the top-k neighbours written in the other script than their query: about the library's share when ranking is script-blind. */
function crossScriptShare(index: SimilarityIndex, set: ScriptSet, articles: RankableArticle[], k = 10): number {
  let crossing = 0;
  let total = 0;
  for (const article of articles) {
    for (const result of index.similarTo(article, { limit: k })) {
      if (set.converted.has(result.id) !== set.converted.has(article.id)) crossing++;
      total++;
    }
  }
  return total ? crossing / total : 0;
}

/** Median over the texts of the time `run` takes on one (each timed over `repeats` runs), in µs. */
function medianMicros(texts: string[], run: (text: string) => unknown, repeats = 10): number {
  return median(
    texts.map((text) => {
      const start = performance.now();
      for (let i = 0; i < repeats; i++) run(text);
      return ((performance.now() - start) * 1000) / repeats;
    }),
  );
}

/** The time each step takes, in rounds that alternate the steps (JIT warm-up and machine load hit all alike); the best round's median. */
function stepMicros(texts: string[], steps: Record<string, (text: string) => unknown>, rounds = 3): Record<string, number> {
  const best: Record<string, number> = {};
  for (const run of Object.values(steps)) for (const text of texts) run(text); // warm up
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(steps)) best[name] = Math.min(best[name] ?? Infinity, medianMicros(texts, run));
  }
  return best;
}

function scriptFoldingTables(): void {
  let start = performance.now();
  const toTraditional = Converter({ from: 'cn', to: 't' });
  const simplifiedPhrases = Converter({ from: 't', to: 'cn' });
  simplifiedPhrases('漢');
  const converterMs = performance.now() - start;
  start = performance.now();
  foldToSimplified('漢');
  const tableMs = performance.now() - start;
  const [zh, en] = devSets();
  start = performance.now();
  const traditional = convertedSet(zh, 'dev-zh all Traditional', toTraditional, 1);
  const mixed = convertedSet(zh, 'dev-zh mixed (seeded half Traditional)', toTraditional, 0.5);
  const makeMs = performance.now() - start;
  const changed = traditional.articles.filter((a, i) => a.abstract !== zh.articles[i].abstract).length;
  console.log(`\nscript folding: s2t made ${changed}/${zh.articles.length} abstracts differ in ${makeMs.toFixed(0)} ms; t2s converter setup ${converterMs.toFixed(0)} ms, fold table setup ${tableMs.toFixed(1)} ms`);
  console.log('| library | folding | P@10 | nDCG@10 | index ms | top-10 in the other script |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const libraries: [LabelledSet | ScriptSet, Folding[]][] = [
    [{ ...zh, name: 'dev-zh (Simplified)' }, ['none', 'chars', 'phrases']],
    [traditional, ['none', 'chars', 'phrases']],
    [mixed, ['none', 'chars', 'phrases']],
    [{ ...en, name: 'dev-en' }, ['none', 'chars']],
  ];
  for (const [set, foldings] of libraries) {
    for (const folding of foldings) {
      const options: RankerOptions = { ...DEFAULT_RANKER, tokenizer: { ...DEFAULT_RANKER.tokenizer, foldScript: folding === 'chars' } };
      // Folding before tokenizing, for query and index alike: the queries are the library's articles.
      const articles = folding === 'phrases' ? set.articles.map((a) => convertArticle(a, simplifiedPhrases)) : set.articles;
      const begin = performance.now();
      const index = SimilarityIndex.create(articles, options);
      const indexMs = performance.now() - begin;
      const result = evaluateQueries(index, leaveOneOutQueries(articles, set.labels), 10);
      const crossing = 'converted' in set && set.converted.size < set.articles.length ? crossScriptShare(index, set, articles).toFixed(3) : '';
      console.log(`| script: ${set.name} | ${folding} | ${result.precision.toFixed(3)} | ${result.ndcg.toFixed(3)} | ${indexMs.toFixed(0)} | ${crossing} |`);
    }
  }
  console.log('\n| abstracts | step | µs per abstract (median) |');
  console.log('| --- | --- | --- |');
  const plain = { ...DEFAULT_RANKER.tokenizer, foldScript: false };
  const folded = { ...DEFAULT_RANKER.tokenizer, foldScript: true };
  const steps = {
    'tokenize, no folding': (text: string) => tokenize(text, plain),
    'tokenize, chars folding': (text: string) => tokenize(text, folded),
    'tokenize, phrases folding': (text: string) => tokenize(simplifiedPhrases(text), plain),
    'chars fold alone': foldToSimplified,
    'phrases (t2s) alone': simplifiedPhrases,
  };
  const abstracts = (set: LabelledSet) => set.articles.map((a) => a.abstract ?? '').filter(Boolean);
  for (const [name, texts] of [['dev-zh Simplified', abstracts(zh)], ['dev-zh Traditional', abstracts(traditional)], ['dev-en', abstracts(en)]] as const) {
    for (const [step, micros] of Object.entries(stepMicros([...texts], steps))) console.log(`| ${name} | ${step} | ${micros.toFixed(1)} |`);
  }
}

// `script` (or any filter starting so) runs only the folding tables; another filter only the main table's matching rows.
if (!filter?.startsWith('script')) optionsTable();
if (!filter || filter.startsWith('script')) scriptFoldingTables();
