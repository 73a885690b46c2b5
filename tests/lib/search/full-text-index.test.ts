import { describe, expect, it } from 'vitest';
import { FullTextIndex } from '@/lib/search/full-text-index';
import { parseQuery } from '@/lib/search/query';
import { searchFields, type SearchableArticle } from '@/lib/search/search-document';

function article(id: string, fields: Partial<SearchableArticle>): SearchableArticle {
  return { id, tags: [], updatedAt: 1, ...fields };
}

const LIBRARY: SearchableArticle[] = [
  article('title-hit', { title: '基层治理中的问责与避责', abstract: '基于田野调查。' }),
  article('abstract-hit', { title: '压力型体制下的政策执行', abstract: '研究发现，上级问责压力使基层干部规避风险。' }),
  article('note-hit', { title: '地方政府绩效评估', note: '与问责制度一起读' }),
  article('traditional', { title: '政府問責的制度邏輯' }),
  article('no-hit', { title: '中药复方治疗骨质疏松', abstract: '补肾活血汤疗效观察。' }),
  article('neural', { title: 'Convolutional neural networks for lung nodules', author: [{ family: 'Müller', given: 'Anna' }], keyword: 'deep learning; radiology' }),
  article('network-abstract', { title: 'Graph theory', abstract: 'A study of social networks in schools.' }),
  article('tagged', { title: 'Unrelated title', tags: ['inflammasome reading'], 'container-title': 'Nature' }),
  article('doi', { title: 'Something else', DOI: '10.1038/nature13322' }),
];

function indexOf(articles: SearchableArticle[]): FullTextIndex {
  const index = new FullTextIndex();
  for (const a of articles) index.add(a.id, searchFields(a), a.updatedAt);
  return index;
}

const ids = (index: FullTextIndex, text: string) => index.search(parseQuery(text)).map((hit) => hit.id);

describe('FullTextIndex', () => {
  const index = indexOf(LIBRARY);

  it('finds Chinese text wherever it occurs (title, abstract, note, Traditional script), best field first', () => {
    // Two title hits: the article added last comes first.
    expect(ids(index, '问责')).toEqual(['traditional', 'title-hit', 'note-hit', 'abstract-hit']);
    expect(ids(index, '問責')).toEqual(ids(index, '问责'));
    // Exact: the two characters apart are not the term.
    expect(ids(index, '责问')).toEqual([]);
  });

  it('needs every term, Chinese and English alike', () => {
    expect(ids(index, '问责 基层')).toEqual(['title-hit', 'abstract-hit']);
    expect(ids(index, '问责 骨质')).toEqual([]);
    expect(ids(index, 'neural radiology')).toEqual(['neural']);
  });

  it('matches English words by prefix, by stem and with typos, and says which words matched', () => {
    expect(ids(index, 'convol')).toEqual(['neural']);
    expect(ids(index, 'convolutonal')).toEqual(['neural']); // one letter missing
    const network = index.search(parseQuery('network'));
    expect(network.map((hit) => hit.id)).toEqual(['neural', 'network-abstract']); // title before abstract
    expect(network[0].terms).toEqual(['networks']);
    expect(ids(index, 'studies')).toEqual(['network-abstract']); // "study" by its stem
    expect(ids(index, 'nodule')).toEqual(['neural']);
  });

  it('searches authors without accents, tags, journals and DOIs', () => {
    expect(ids(index, 'muller')).toEqual(['neural']);
    expect(ids(index, 'MÜLLER')).toEqual(['neural']);
    expect(ids(index, 'inflammasome')).toEqual(['tagged']);
    expect(ids(index, 'nature')).toEqual(['tagged', 'doi']);
    expect(ids(index, '10.1038/nature13322')).toEqual(['doi']);
  });

  it('takes a quoted phrase as one exact term', () => {
    expect(ids(index, '"social networks"')).toEqual(['network-abstract']);
    expect(ids(index, '"networks social"')).toEqual([]);
  });

  it('replaces an article given again and forgets a removed one', () => {
    const copy = indexOf(LIBRARY);
    copy.add('no-hit', searchFields(article('no-hit', { title: '问责的代价' })), 2);
    expect(ids(copy, '问责')).toContain('no-hit');
    expect(ids(copy, '补肾')).toEqual([]);
    expect(copy.version('no-hit')).toBe(2);
    copy.remove('title-hit');
    expect(ids(copy, '问责')).not.toContain('title-hit');
    expect(copy.size).toBe(LIBRARY.length - 1);
  });

  it('answers the same after many removals have compacted it', () => {
    const many = Array.from({ length: 3000 }, (_, i) => article(`a${i}`, { title: i % 2 ? `问责 ${i}` : `neural network ${i}`, updatedAt: i }));
    const index = indexOf(many);
    for (let i = 0; i < 2000; i++) index.remove(`a${i}`);
    const kept = many.slice(2000);
    expect(ids(index, '问责').sort()).toEqual(kept.filter((_, i) => (i + 2000) % 2).map((a) => a.id).sort());
    expect(ids(index, 'netwrk').length).toBe(500);
    expect(index.version('a2999')).toBe(2999);
    expect(index.has('a1')).toBe(false);
  });
});
