import { describe, expect, it } from 'vitest';
import { baseCitationKey, citationKeys, exportableItems } from '@/lib/export/csl-items';
import { normalizeItem } from '@/lib/capture/normalize-item';

describe('exportableItems', () => {
  it('strips Simlit fields from library articles and keeps CSL items whole', () => {
    const article = normalizeItem(
      { title: 'A title', doi: '10.1000/x', authors: ['王小明'] },
      { pageUrl: 'https://example.org/a', platform: 'meta', capturedAt: 1 },
    )!;
    article.note = 'private note';
    article.tags = ['t'];
    const [csl] = exportableItems([article]);
    expect(csl).toEqual({ id: article.id, type: 'article-journal', title: 'A title', DOI: '10.1000/x', author: [{ literal: '王小明' }], language: 'en' });
    const plain = { id: 'p', type: 'article-journal', title: 'T', accessed: { 'date-parts': [[2020, 1, 2]] } };
    expect(exportableItems([plain])[0]).toEqual(plain);
  });
});

describe('citation keys', () => {
  it('come from author, year and first title word, without punctuation', () => {
    expect(baseCitationKey({ id: 'x', type: 'article-journal', title: 'The Élan of Things', author: [{ family: "D'Ávila", given: 'A' }], issued: { 'date-parts': [[2001]] } })).toBe(
      'davila2001elan',
    );
  });

  it('fall back to a hash of the id for Chinese items, stable for the same id', () => {
    const item = { id: 'sl-abc', type: 'article-journal', title: '中文标题', author: [{ literal: '王小明' }], issued: { 'date-parts': [[2020]] } as const };
    const key = baseCitationKey(item as never);
    expect(key).toMatch(/^ref2020[a-z0-9]{4}$/);
    expect(baseCitationKey({ ...item, id: 'sl-abc' } as never)).toBe(key);
    expect(baseCitationKey({ ...item, id: 'sl-abd' } as never)).not.toBe(key);
  });

  it('are unique within one export', () => {
    const item = { id: 'a', type: 'article-journal', title: 'Same title', author: [{ family: 'Li', given: 'Q' }], issued: { 'date-parts': [[2020]] } } as never;
    const keys = citationKeys([item, { ...(item as object), id: 'b' } as never, { ...(item as object), id: 'c' } as never]);
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]).toBe('li2020same');
  });

  it('keep the key an item carries (imported or pinned), made safe for BibTeX, and generate around it', () => {
    const smith = { id: 's', type: 'article-journal', title: 'Deep nets', author: [{ family: 'Smith', given: 'J' }], issued: { 'date-parts': [[2020]] } };
    const keys = citationKeys([
      { ...smith, id: 'g1' } as never,
      { ...smith, id: 'own', 'citation-key': 'smith2020deep' } as never,
      { id: 'p', type: 'article-journal', title: 'X', 'citation-key': 'Smith:2020 {x}' } as never,
      { id: 'dup', type: 'article-journal', title: 'Y', 'citation-key': 'smith2020deep' } as never,
    ]);
    // The item that owns "smith2020deep" keeps it even listed second; the generated one steps aside.
    expect(keys[1]).toBe('smith2020deep');
    expect(keys[0]).toMatch(/^smith2020deep[a-z0-9]{4}$/);
    expect(keys[2]).toBe('Smith:2020x');
    expect(keys[3]).toMatch(/^smith2020deep[a-z0-9]{4}$/);
    expect(new Set(keys).size).toBe(4);
  });
});
