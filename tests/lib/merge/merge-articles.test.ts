import { describe, expect, it } from 'vitest';
import { dedupeArticles, mergeArticles, sameArticle } from '@/lib/merge';
import { article, SEED_DUPLICATE_ABSTRACT } from '../capture/fixtures';

describe('sameArticle', () => {
  it('matches by DOI, and two DOIs always mean two articles', () => {
    expect(sameArticle(article({ doi: '10.1000/a', title: 'First title here' }), article({ doi: 'https://doi.org/10.1000/A', title: 'Other title' }))).toBe(true);
    expect(sameArticle(article({ doi: '10.1000/a', title: 'Same title here' }), article({ doi: '10.1000/b', title: 'Same title here' }))).toBe(false);
  });
  it('matches by platform id, then normalized title, then abstract fingerprint', () => {
    expect(sameArticle(article({ platformId: '7', title: 'One title here' }), article({ platformId: '7', title: 'Another title' }))).toBe(true);
    expect(sameArticle(article({ title: 'Circadian cortisol and fatigue' }), article({ title: 'CIRCADIAN cortisol, and fatigue.' }, 'pubmed'))).toBe(true);
    expect(sameArticle(article({ abstract: SEED_DUPLICATE_ABSTRACT, platformId: '5' }), article({ abstract: `${SEED_DUPLICATE_ABSTRACT} `, platformId: '6' }))).toBe(true);
    expect(sameArticle(article({ title: 'A different article entirely' }), article({ title: 'Circadian cortisol and fatigue' }))).toBe(false);
  });
});

describe('the seed page duplicate', () => {
  it('folds items 5 and 6 (same abstract, different file numbers) into one article that keeps both ids', () => {
    const items = [
      article({ abstract: `${SEED_DUPLICATE_ABSTRACT}甲`, platformId: '20230004', position: 4 }),
      article({ abstract: SEED_DUPLICATE_ABSTRACT, platformId: '20230005', position: 5 }),
      article({ abstract: SEED_DUPLICATE_ABSTRACT.replace(/,/g, '，'), platformId: '20230006', position: 6 }),
    ];
    const unique = dedupeArticles(items);
    expect(unique).toHaveLength(2);
    expect(unique[1].ids).toEqual(expect.arrayContaining(['qinyun:20230005', 'qinyun:20230006']));
    expect(unique[1].sightings[0].position).toBe(5);
  });
});

describe('mergeArticles', () => {
  it('keeps the richest value of each field', () => {
    const fromList = article({ title: 'Circadian cortisol and fatigue severity', authors: ['Kern S'], date: '2015', containerTitle: 'Psychoneuroendocrinology' });
    const fromPage = article(
      { title: 'Circadian cortisol and fatigue severity.', authors: ['Kern S', 'Krause I'], date: '2015 Jun', abstract: 'Fatigue is a common symptom in multiple sclerosis and its causes remain unclear to date.', doi: '10.1016/j.psyneuen.2015.03.010' },
      'pubmed',
      2_000,
    );
    const merged = mergeArticles(fromList, fromPage);
    expect(merged.id).toBe(fromList.id);
    expect(merged.author).toHaveLength(2);
    expect(merged.issued).toEqual({ 'date-parts': [[2015, 6]] });
    expect(merged.DOI).toBe('10.1016/j.psyneuen.2015.03.010');
    expect(merged.abstract).toMatch(/^Fatigue/);
    expect(merged['container-title']).toBe('Psychoneuroendocrinology');
    expect(merged.title).toBe('Circadian cortisol and fatigue severity.');
    // A PDF link once known stays (some sites sign theirs anew on every page view); else the new one is taken.
    const withPdf = (pdfUrl: string) => ({ ...fromPage, pdfUrl });
    expect(mergeArticles(fromList, withPdf('https://example.org/a.pdf')).pdfUrl).toBe('https://example.org/a.pdf');
    expect(mergeArticles({ ...fromList, pdfUrl: 'https://example.org/old.pdf' }, withPdf('https://example.org/new.pdf')).pdfUrl).toBe('https://example.org/old.pdf');
  });

  it('never drops what the reader did, on either side', () => {
    const known = { ...article({ title: 'Circadian cortisol and fatigue severity' }), savedAt: 10, tags: ['sleep'], collections: ['c1'], note: 'read again' };
    const incoming = { ...article({ title: 'Circadian cortisol and fatigue severity' }, 'pubmed'), tags: ['ms'], collections: ['c2'], note: 'imported note' };
    const merged = mergeArticles(known, incoming);
    expect(merged.savedAt).toBe(10);
    expect(merged.tags).toEqual(['sleep', 'ms']);
    expect(merged.collections).toEqual(['c1', 'c2']);
    expect(merged.note).toBe('read again\n\nimported note');
    expect(mergeArticles(incoming, known).savedAt).toBe(10);
  });

  it('keeps the fields the reader edited as the reader left them, cleared ones too, and fills the others', () => {
    const edited = {
      ...article({ title: '读者改过的标题', authors: ['王建军'], abstract: undefined, volume: undefined }),
      readerFields: ['title', 'volume'],
    };
    const page = article({ title: '网页上的标题，更长一些', authors: ['王建军', '李晓梅'], abstract: '网页上的摘要。', volume: '21', type: 'paper-conference' });
    const merged = mergeArticles(edited, page);
    expect(merged.title).toBe('读者改过的标题');
    expect(merged.volume).toBeUndefined();
    expect(merged.abstract).toBe('网页上的摘要。');
    expect(merged.author).toHaveLength(2);
    expect(merged.readerFields).toEqual(['title', 'volume']);
    expect(merged.titleKey).toBe(edited.titleKey);
  });
});
