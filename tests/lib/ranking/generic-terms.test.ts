import { describe, expect, it } from 'vitest';
import { GENERIC_TERMS } from '@/lib/ranking/generic-terms';
import { GENERIC_WORDS, spelledAsTerms } from '@/lib/ranking/generic-words';

describe('GENERIC_TERMS', () => {
  it('are the generic words as the tokenizer now spells them (else run: npx tsx scripts/write-generic-terms.ts)', () => {
    expect(GENERIC_TERMS).toEqual(spelledAsTerms(GENERIC_WORDS));
  });

  it('spells words as terms: English stemmed, a Chinese word cut by the segmenter joined again, each once', () => {
    expect(spelledAsTerms(['studies', 'association', 'associated', '构建', '下的'])).toEqual(['studi', 'associ', '构建', '下']);
  });
});
