import { describe, expect, it } from 'vitest';
import { articleTerms } from '@/lib/ranking/article-terms';
import { tokenize } from '@/lib/ranking/tokenize';
import { benchCorpus, inventedWord, vocabularyGrowth, vocabularyNamed } from './corpus';
import { devSets } from './eval-data';

const distinctTerms = (articles: ReturnType<typeof benchCorpus>) => {
  const seen = new Set<string>();
  for (const article of articles) {
    const { title, keywords, abstract } = articleTerms(article);
    for (const term of [...title, ...keywords, ...abstract]) seen.add(term);
  }
  return seen.size;
};

describe('the benchmark corpus', () => {
  it("fits each labelled set's vocabulary growth, terms growing slower than articles", () => {
    for (const set of devSets()) {
      const growth = vocabularyGrowth(set);
      expect(growth.articles).toBe(set.articles.length);
      expect(growth.terms).toBeGreaterThan(1000);
      expect(growth.exponent).toBeGreaterThan(0.3);
      expect(growth.exponent).toBeLessThan(0.8);
    }
  });

  it('invents words the tokenizer keeps as they are, each one once', () => {
    const words = Array.from({ length: 3000 }, (_, k) => inventedWord(k * 37));
    expect(new Set(words).size).toBe(words.length);
    for (const word of words.slice(0, 300)) expect(tokenize(word)).toEqual([word]);
  });

  it("grows a library's vocabulary past the sets' as the sets' own growth says, and keeps the sources' vocabulary otherwise", () => {
    const size = 2600;
    const growing = benchCorpus(size, { seed: 5, vocabulary: 'growing' });
    const sources = benchCorpus(size, { seed: 5 });
    expect(growing.map(({ id, title }) => [id, title])).toEqual(sources.map(({ id, title }) => [id, title]));
    const zhCount = sources.filter(({ abstract }) => /[\u4e00-\u9fff]/.test(abstract ?? '')).length;
    const beyond = devSets().reduce((sum, set, i) => {
      const { articles, terms, exponent } = vocabularyGrowth(set);
      const n = i === 0 ? zhCount : size - zhCount;
      return sum + Math.max(0, terms * (n / articles) ** exponent - terms);
    }, 0);
    const [withGrowth, without] = [distinctTerms(growing), distinctTerms(sources)];
    expect(withGrowth - without).toBeGreaterThan(beyond * 0.95);
    expect(withGrowth - without).toBeLessThan(beyond * 1.05);
    expect(benchCorpus(size, { seed: 5, vocabulary: 'growing' })).toEqual(growing);
  });
});

describe('vocabularyNamed', () => {
  it('reads the vocabulary an environment variable names, and refuses a misspelt one rather than measure the other', () => {
    expect([vocabularyNamed(undefined, 'V'), vocabularyNamed('sources', 'V'), vocabularyNamed('growing', 'V')]).toEqual(['sources', 'sources', 'growing']);
    expect(() => vocabularyNamed('grwoing', 'BENCH_VOCABULARY')).toThrow(/BENCH_VOCABULARY.*grwoing/);
  });
});
