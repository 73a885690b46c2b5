/**
 * The background's questions come with the query articles' stored terms: answering them must not
 * start the word segmenter (its dictionary is the costliest thing a fresh worker can load; the
 * generic words were once spelled with it on the first question). A file of its own: the
 * segmenter is mocked for all of it.
 */
import { describe, expect, it, vi } from 'vitest';
import { SimilarityIndex } from '@/lib/ranking/similarity-index';
import { tokenize } from '@/lib/ranking/tokenize';
import { wordSegmenter } from '@/lib/text/word-segmenter';

vi.mock('@/lib/text/word-segmenter', async (original) => {
  const real = await original<typeof import('@/lib/text/word-segmenter')>();
  return { wordSegmenter: vi.fn(real.wordSegmenter) };
});

/** Articles as their stored terms give them: nothing here is tokenized. */
const withTerms = (id: string, title: string[], keywords: string[], abstract: string[]) => ({ id, terms: { title, keywords, abstract } });
const LIBRARY = [
  withTerms('a', ['问责', '基层', '干部'], ['问责', '避责'], ['问责', '压力', '基层', '干部', '避责', '行为', '研究', '分析']),
  withTerms('b', ['基层', '治理', '形式主义'], ['避责', '形式主义'], ['基层', '干部', '问责', '压力', '留痕', '形式主义', '研究']),
  withTerms('c', ['土壤', '侵蚀'], ['水土', '保持'], ['黄土', '高原', '土壤', '侵蚀', '植被', '研究', '分析']),
];

describe('a question whose terms come stored', () => {
  it('is answered, with its shared terms, without the word segmenter, on a built and on a loaded index', () => {
    const built = SimilarityIndex.create(LIBRARY);
    const loaded = SimilarityIndex.fromSnapshot(built.toSnapshot())!;
    for (const index of [built, loaded]) {
      const [best] = index.similarTo(LIBRARY[0], { limit: 2 });
      expect(best.id).toBe('b');
      expect(best.terms).toContain('问责');
      expect(best.terms).not.toContain('研究'); // boilerplate is never the reason shown
    }
    expect(wordSegmenter).not.toHaveBeenCalled();
    // The mock sees the segmenter asked for whenever Chinese text is tokenized.
    tokenize('基层干部的避责行为');
    expect(wordSegmenter).toHaveBeenCalled();
  });
});
