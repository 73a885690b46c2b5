/**
 * Deterministic benchmark corpora of any size, mixed Chinese and English, built from the shared
 * labelled abstracts: each article keeps a real title and keywords and gets an abstract of
 * realistic length made of sentences from articles of the same label, so term statistics stay
 * topical. Vocabulary is that of 2,000 real abstracts, so posting lists are denser than in a real
 * library of the same size: a pessimistic corpus for speed, and an optimistic one for what grows
 * with the number of distinct terms (the term dictionary, re-ranking term numbers, idf lookups):
 * 16,700 terms at 50,000 articles, where a real library has several times more. The "growing"
 * vocabulary gives it those (growingVocabulary below).
 */
import { articleTerms, type RankableArticle } from '../../lib/ranking/article-terms';
import { devSets, type LabelledSet } from './eval-data';

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE_END = /(?<=[.!?。！？；;])\s*/;

interface Source {
  article: RankableArticle;
  sentences: string[];
  label: string;
}

function sources(set: LabelledSet): { all: Source[]; byLabel: Map<string, Source[]> } {
  const all = set.articles.map((article) => ({
    article,
    sentences: (article.abstract ?? '').split(SENTENCE_END).filter((s) => s.trim()),
    label: set.labels.get(article.id)?.[0] ?? '',
  }));
  const byLabel = new Map<string, Source[]>();
  for (const source of all) byLabel.set(source.label, [...(byLabel.get(source.label) ?? []), source]);
  return { all, byLabel };
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/**
 * How a labelled set's distinct terms grow with its articles: Heaps' law, V(n) = V(N) × (n / N)^β,
 * fitted between its first eighth and the whole set (dev-zh: β 0.55, 10,380 terms in 1,000
 * articles; dev-en: 0.53, 6,720), as the tokenizer makes its terms.
 */
export interface VocabularyGrowth {
  articles: number;
  terms: number;
  exponent: number;
}

const growthOf = new Map<string, VocabularyGrowth>();

export function vocabularyGrowth(set: LabelledSet): VocabularyGrowth {
  let growth = growthOf.get(set.name);
  if (growth) return growth;
  const seen = new Set<string>();
  const eighth = Math.max(1, Math.floor(set.articles.length / 8));
  let atEighth = 0;
  set.articles.forEach((article, i) => {
    const { title, keywords, abstract } = articleTerms(article);
    for (const term of [...title, ...keywords, ...abstract]) seen.add(term);
    if (i + 1 === eighth) atEighth = seen.size;
  });
  const exponent = Math.log(seen.size / atEighth) / Math.log(set.articles.length / eighth);
  growthOf.set(set.name, (growth = { articles: set.articles.length, terms: seen.size, exponent }));
  return growth;
}

/** Distinct terms of a language's first `n` articles as its set's growth says, beyond the set's own. */
const termsBeyondSet = ({ articles, terms, exponent }: VocabularyGrowth, n: number) => (n <= articles ? 0 : terms * (n / articles) ** exponent - terms);

const SYLLABLES = [...'bdfgklmnprtvz'].flatMap((consonant) => [...'aiou'].map((vowel) => consonant + vowel));

/** The `k`th invented word: three or more syllables (no English suffix the stemmer takes off), one per k. */
export function inventedWord(k: number): string {
  let word = '';
  for (let rest = k + SYLLABLES.length ** 2; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) word += SYLLABLES[rest % SYLLABLES.length];
  return word;
}

/**
 * The words a language's `n`th article brings past its set's size when the vocabulary grows: as
 * many new ones as its growth adds at n (names, compounds, acronyms in a real library), and a few
 * of those invented before, earlier ones likelier (rare terms recur, the first coined most).
 */
class InventedWords {
  private invented = 0;
  private articles = 0;

  constructor(
    private readonly growth: VocabularyGrowth,
    private readonly first: number,
    private readonly random: () => number,
  ) {}

  next(): string[] {
    const n = ++this.articles;
    const fresh = Math.floor(termsBeyondSet(this.growth, n)) - Math.floor(termsBeyondSet(this.growth, n - 1));
    const words: string[] = [];
    if (this.invented > 0) for (let i = 0; i < REUSED_WORDS; i++) words.push(inventedWord(this.first + Math.floor(this.invented * this.random() ** 2)));
    for (let i = 0; i < fresh; i++) words.push(inventedWord(this.first + this.invented++));
    return words;
  }
}

const REUSED_WORDS = 2;
/** Invented words of the two languages never meet: the second's are numbered from here. */
const SECOND_LANGUAGE_WORDS = 10_000_000;

export type Vocabulary = 'sources' | 'growing';

/** The vocabulary an environment variable names (unset: the sets' own); throws on any other value. */
export function vocabularyNamed(value: string | undefined, variable: string): Vocabulary {
  if (value === undefined || value === 'sources' || value === 'growing') return value ?? 'sources';
  throw new Error(`${variable}: "sources" or "growing", not ${value}`);
}

export interface CorpusOptions {
  zhShare?: number;
  seed?: number;
  /** "sources": the labelled sets' terms only; "growing": as many more as a library of the size has (Heaps' law, fitted on the sets). */
  vocabulary?: Vocabulary;
}

/** `size` articles, `zhShare` of them Chinese, ids "bench-N". */
export function benchCorpus(size: number, { zhShare = 0.5, seed = 42, vocabulary = 'sources' }: CorpusOptions = {}): RankableArticle[] {
  const random = seededRandom(seed);
  const sets = devSets();
  const [zh, en] = sets.map(sources);
  const invented =
    vocabulary === 'growing' ? sets.map((set, i) => new InventedWords(vocabularyGrowth(set), i * SECOND_LANGUAGE_WORDS, seededRandom(seed + i + 1))) : undefined;
  const articles: RankableArticle[] = [];
  for (let i = 0; i < size; i++) {
    const pool = random() < zhShare ? zh : en;
    const base = pick(pool.all, random);
    const mates = pool.byLabel.get(base.label) ?? [base];
    const sentences: string[] = [];
    const count = Math.max(2, base.sentences.length);
    for (let s = 0; s < count; s++) {
      const mate = pick(mates, random);
      const from = mate.sentences.length ? mate.sentences : base.sentences;
      if (from.length) sentences.push(pick(from, random));
    }
    const text = sentences.join(pool === zh ? '' : ' ');
    const words = invented?.[pool === zh ? 0 : 1].next() ?? [];
    articles.push({
      id: `bench-${i}`,
      title: base.article.title,
      keyword: base.article.keyword,
      abstract: words.length ? `${text} ${words.join(' ')}` : text,
      // Titles repeat across the corpus: keep their identity apart so no article is taken for a duplicate.
      titleKey: `bench-${i}`,
      fingerprint: '',
    });
  }
  return articles;
}
