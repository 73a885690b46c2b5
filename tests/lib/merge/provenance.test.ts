/**
 * Who may change what (lib/merge/rules.ts): the reader's fields never change, another site's
 * different value becomes an alternative version, the home site refines, the DOI's authority
 * (https publisher page, doi.org, a listing platform with its id) replaces, a file's values
 * become the reader's.
 */
import { describe, expect, it } from 'vitest';
import { captureStanding, mergeArticles, mergeSightings, ownedByReader } from '@/lib/merge';
import type { Article, ExtractedItem } from '@/lib/model/article';
import { article } from '../capture/fixtures';

const LEGIT_PAGE = 'http://www.nature.com/articles/legit';
const EVIL_PAGE = 'http://evil.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1';
const LEGIT: ExtractedItem = {
  title: 'Deep learning for protein folding',
  abstract: 'We present a method that predicts protein structures from sequence alone.',
  authors: ['Jumper J', 'Evans R'],
  doi: '10.1000/legit.1',
  containerTitle: 'Nature',
  date: '2021-07-15',
};
/** The attack: same DOI, the attacker's title, abstract and five authors. */
const ATTACK: ExtractedItem = {
  title: 'Deep learning for protein folding - RETRACTED, download the corrected version at http://evil.example/phish',
  abstract: 'This article was retracted. Download the corrected version at http://evil.example/phish to keep your citation valid.',
  authors: ['Evil A', 'Evil B', 'Evil C', 'Evil D', 'Evil E'],
  doi: '10.1000/legit.1',
  containerTitle: 'Nature Retractions',
};

const captured = (item: ExtractedItem, pageUrl: string, platform = 'meta', at = 1_000) => article(item, platform, at, pageUrl);
const saved = (record: Article): Article => ({ ...record, savedAt: 500, note: '重读', tags: ['folding'] });

describe('a page cannot rewrite the reader\'s article (the issue\'s attack)', () => {
  const known = saved(captured(LEGIT, LEGIT_PAGE));
  const merged = mergeArticles(known, captured(ATTACK, EVIL_PAGE, 'qinyun', 2_000));

  it('leaves title, abstract, authors and journal as the reader saved them', () => {
    for (const field of ['title', 'abstract', 'author', 'container-title', 'issued', 'DOI', 'titleKey', 'fingerprint'] as const) {
      expect(merged[field]).toEqual(known[field]);
    }
    expect(merged).toMatchObject({ savedAt: 500, note: '重读', tags: ['folding'] });
  });

  it('keeps the page\'s version beside it, with its source, and records the sighting', () => {
    expect(merged.alternatives).toHaveLength(1);
    const [version] = merged.alternatives!;
    expect(version.source).toEqual({ pageUrl: EVIL_PAGE, platform: 'qinyun', capturedAt: 2_000 });
    expect(version.fields.title).toMatch(/RETRACTED/);
    expect(version.fields.author).toHaveLength(5);
    expect(version.fields['container-title']).toBe('Nature Retractions');
    expect(merged.sightings.map((s) => s.pageUrl)).toEqual([LEGIT_PAGE, EVIL_PAGE]);
  });

  it('does the same to an article that is only captured: another site cannot overwrite it', () => {
    const onlyCaptured = captured(LEGIT, LEGIT_PAGE);
    const result = mergeArticles(onlyCaptured, captured(ATTACK, EVIL_PAGE, 'qinyun', 2_000));
    expect(result.title).toBe(LEGIT.title);
    expect(result.author).toEqual(onlyCaptured.author);
    expect(result.alternatives?.[0].fields.abstract).toMatch(/retracted/);
  });

  it('still lets the attacker\'s page fill only what the record lacks', () => {
    const sparse = captured({ title: LEGIT.title, doi: LEGIT.doi }, LEGIT_PAGE);
    const result = mergeArticles(sparse, captured(ATTACK, EVIL_PAGE, 'qinyun', 2_000));
    expect(result.abstract).toBe(ATTACK.abstract);
    expect(result.title).toBe(LEGIT.title);
    expect(result.alternatives?.[0].fields).toEqual({ title: expect.stringMatching(/RETRACTED/) });
  });
});

describe('which pages may refine a captured article', () => {
  it('its home site refines it by the combine rules (a list row, then the article page)', () => {
    const row = captured({ title: LEGIT.title, authors: ['Jumper J'], date: '2021', doi: LEGIT.doi }, 'http://www.nature.com/search?q=folding');
    const page = captured({ ...LEGIT, title: `${LEGIT.title}: a method` }, LEGIT_PAGE, 'meta', 2_000);
    const merged = mergeArticles(row, page);
    expect(captureStanding(row, page)).toBe('home');
    expect(merged.title).toBe(`${LEGIT.title}: a method`);
    expect(merged.author).toHaveLength(2);
    expect(merged.issued).toEqual({ 'date-parts': [[2021, 7, 15]] });
    expect(merged.alternatives).toBeUndefined();
  });

  it('another site adds no alternative for a value that is only poorer (a truncated title, fewer authors, a year)', () => {
    const known = captured(LEGIT, LEGIT_PAGE);
    const poorer = captured({ title: 'Deep learning for protein…', authors: ['Jumper J'], date: '2021', doi: LEGIT.doi }, 'http://scholar.google.com/scholar?q=x', 'scholar', 2_000);
    const merged = mergeArticles(known, poorer);
    expect(merged.alternatives).toBeUndefined();
    expect(merged.title).toBe(LEGIT.title);
  });

  it('another site may make a date more precise (same year), as that adds what the record lacks', () => {
    const known = captured({ ...LEGIT, date: '2021' }, LEGIT_PAGE);
    const merged = mergeArticles(known, captured({ ...LEGIT, date: '2021-07-15' }, EVIL_PAGE, 'qinyun', 2_000));
    expect(merged.issued).toEqual({ 'date-parts': [[2021, 7, 15]] });
    expect(mergeArticles(known, captured({ ...LEGIT, date: '2019-01-01' }, EVIL_PAGE, 'qinyun', 2_000)).issued).toEqual({ 'date-parts': [[2021]] });
  });

  it('the DOI\'s publisher, over https, replaces what another site said first', () => {
    const first = captured({ ...ATTACK, doi: '10.1038/s41586-021-03819-2' }, EVIL_PAGE, 'qinyun');
    const publisher = captured({ ...LEGIT, doi: '10.1038/s41586-021-03819-2' }, 'https://www.nature.com/articles/s41586-021-03819-2', 'meta', 2_000);
    expect(captureStanding(first, publisher)).toBe('authority');
    const merged = mergeArticles(first, publisher);
    expect(merged.title).toBe(LEGIT.title);
    expect(merged.author).toEqual(publisher.author);
    expect(merged['container-title']).toBe('Nature');
  });

  it('the same page over plain http, or a publisher host for another prefix, only links', () => {
    const first = captured({ ...ATTACK, doi: '10.1038/s41586-021-03819-2' }, EVIL_PAGE, 'qinyun');
    const overHttp = captured({ ...LEGIT, doi: '10.1038/s41586-021-03819-2' }, 'http://www.nature.com/articles/s41586-021-03819-2', 'meta', 2_000);
    expect(captureStanding(first, overHttp)).toBe('other');
    expect(mergeArticles(first, overHttp).title).toBe(ATTACK.title);
    const otherPrefix = captured({ ...LEGIT, doi: '10.1016/j.cell.2021.01.001' }, 'https://www.nature.com/articles/x', 'meta', 2_000);
    expect(captureStanding({ ...first, DOI: '10.1016/j.cell.2021.01.001' }, otherPrefix)).toBe('other');
  });

  it('doi.org and a listing platform that carries its own id speak for any DOI; a platform name alone does not', () => {
    const first = captured(ATTACK, EVIL_PAGE, 'qinyun');
    expect(captureStanding(first, captured(LEGIT, 'https://doi.org/10.1000/legit.1', 'doi', 2_000))).toBe('authority');
    expect(captureStanding(first, captured({ ...LEGIT, platformId: '34265844' }, 'https://pubmed.ncbi.nlm.nih.gov/34265844/', 'pubmed', 2_000))).toBe('authority');
    expect(captureStanding(first, captured(LEGIT, 'https://pubmed.ncbi.nlm.nih.gov/34265844/', 'pubmed', 2_000))).toBe('other');
    expect(captureStanding(first, captured({ ...LEGIT, platformId: '34265844' }, 'https://evil.example/pubmed/34265844', 'pubmed', 2_000))).toBe('other');
  });

  it('keeps the first page as the home however often others are seen and the home is seen again', () => {
    const sightings = mergeSightings(
      [{ pageUrl: LEGIT_PAGE, platform: 'meta', capturedAt: 1 }],
      [
        ...Array.from({ length: 30 }, (_, i) => ({ pageUrl: `${EVIL_PAGE}&n=${i}`, platform: 'qinyun', capturedAt: 10 + i })),
        { pageUrl: LEGIT_PAGE, platform: 'meta', capturedAt: 100 },
      ],
    );
    expect(sightings[0]).toEqual({ pageUrl: LEGIT_PAGE, platform: 'meta', capturedAt: 1 });
    expect(sightings).toHaveLength(20);
    expect(sightings.at(-1)?.pageUrl).toBe(`${EVIL_PAGE}&n=29`);
    expect(new Set(sightings.map((s) => s.pageUrl)).size).toBe(20);
  });
});

describe('the reader\'s fields', () => {
  it('a listed field is never changed, by any page, and a listed empty field is not filled', () => {
    const known: Article = { ...captured({ title: LEGIT.title, doi: LEGIT.doi }, LEGIT_PAGE), readerFields: ['title', 'abstract'] };
    const publisher = captured({ ...LEGIT, title: 'Deep learning for protein folding at scale' }, LEGIT_PAGE, 'meta', 2_000);
    const merged = mergeArticles(known, publisher);
    expect(merged.title).toBe(LEGIT.title);
    expect(merged.abstract).toBeUndefined();
    expect(merged.author).toEqual(publisher.author); // not listed, empty: filled
    expect(merged.alternatives?.[0].fields).toEqual({ title: 'Deep learning for protein folding at scale', abstract: LEGIT.abstract });
  });

  it('a saved article owns its present fields, not its empty ones', () => {
    const known = saved(captured({ title: LEGIT.title, doi: LEGIT.doi }, LEGIT_PAGE));
    expect(ownedByReader(known, 'title')).toBe(true);
    expect(ownedByReader(known, 'abstract')).toBe(false);
    expect(mergeArticles(known, captured(LEGIT, LEGIT_PAGE, 'meta', 2_000)).abstract).toBe(LEGIT.abstract);
  });

  it('a file\'s values replace what pages gave and become the reader\'s; where the reader owns a field, the file\'s value is an alternative', () => {
    const known: Article = { ...captured(LEGIT, LEGIT_PAGE), readerFields: ['abstract'], abstract: '读者自己写的摘要' };
    const imported: Article = { ...captured({ title: 'Protein folding by deep learning', abstract: 'The file\'s abstract.', doi: LEGIT.doi }, 'https://import.invalid/', 'import', 3_000), sightings: [] };
    const merged = mergeArticles(known, imported, 'file');
    expect(merged.title).toBe('Protein folding by deep learning');
    expect(merged.abstract).toBe('读者自己写的摘要');
    expect(merged.readerFields).toEqual(expect.arrayContaining(['abstract', 'title', 'DOI']));
    expect(merged.alternatives?.[0]).toEqual({ source: { platform: 'import', capturedAt: 3_000 }, fields: { abstract: 'The file\'s abstract.' } });
    // Afterwards a page cannot change the title the file gave.
    expect(mergeArticles(merged, captured(LEGIT, LEGIT_PAGE, 'meta', 4_000)).title).toBe('Protein folding by deep learning');
  });
});
