/**
 * Deterministic benchmark corpora of any size, mixed Chinese and English, built from the shared
 * labelled abstracts: each article keeps a real title and keywords and gets an abstract of
 * realistic length made of sentences from articles of the same label, so term statistics stay
 * topical. Vocabulary is that of 2,000 real abstracts, so posting lists are denser than in a real
 * library of the same size: a pessimistic corpus for speed.
 */
import type { RankableArticle } from '../../lib/ranking/article-terms';
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

/** `size` articles, `zhShare` of them Chinese, ids "bench-N". */
export function benchCorpus(size: number, { zhShare = 0.5, seed = 42 } = {}): RankableArticle[] {
  const random = seededRandom(seed);
  const [zh, en] = devSets().map(sources);
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
    articles.push({
      id: `bench-${i}`,
      title: base.article.title,
      keyword: base.article.keyword,
      abstract: sentences.join(pool === zh ? '' : ' '),
      // Titles repeat across the corpus: keep their identity apart so no article is taken for a duplicate.
      titleKey: `bench-${i}`,
      fingerprint: '',
    });
  }
  return articles;
}
