import { describe, expect, it } from 'vitest';
import { isPreprintServer, typeFromLabel, typeFromWords } from '@/lib/extractors/shared/item-types';

describe('item types from what platforms call their records', () => {
  it('reads Chinese platform labels', () => {
    expect(typeFromLabel('硕士')).toBe('thesis');
    expect(typeFromLabel('[专利]')).toBe('patent');
    expect(typeFromLabel('期刊')).toBe('article-journal');
  });

  it('reads English type words, whole phrases only', () => {
    expect(typeFromWords('Doctoral Thesis')).toBe('thesis');
    expect(typeFromWords('Text.Thesis.Doctoral')).toBe('thesis');
    expect(typeFromWords('Conference Paper')).toBe('paper-conference');
    expect(typeFromWords('Book Chapter')).toBe('chapter');
    expect(typeFromWords('Technical Report')).toBe('report');
    expect(typeFromWords('Patent')).toBe('patent');
    expect(typeFromWords('Standard')).toBe('standard');
    expect(typeFromWords('Preprint')).toBe('article');
    expect(typeFromWords('Working Paper')).toBe('article');
    expect(typeFromWords('Data set')).toBe('dataset');
    for (const word of ['Case Report', 'Research Article', 'article', 'Text', 'website', 'Standard Article']) expect(typeFromWords(word)).toBeUndefined();
  });

  it('knows preprint servers by name and host', () => {
    expect(isPreprintServer(['bioRxiv'])).toBe(true);
    expect(isPreprintServer(['SSRN Electronic Journal'])).toBe(true);
    expect(isPreprintServer([undefined], 'www.medrxiv.org')).toBe(true);
    expect(isPreprintServer(['Genes & Development', 'Cold Spring Harbor Laboratory'], 'genesdev.cshlp.org')).toBe(false);
  });
});
