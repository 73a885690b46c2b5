import { describe, expect, it } from 'vitest';
import { addAlternative, chooseAlternative, dismissAlternative, MAX_ALTERNATIVES, mergeArticles } from '@/lib/merge';
import type { AlternativeVersion, Article } from '@/lib/model/article';
import { titleKey } from '@/lib/text/clean';
import { article } from '../capture/fixtures';

const version = (pageUrl: string, title: string, capturedAt = 1): AlternativeVersion => ({ source: { pageUrl, platform: 'meta', capturedAt }, fields: { title } });

describe('addAlternative', () => {
  it(`keeps at most ${MAX_ALTERNATIVES} versions, the newest`, () => {
    let list: AlternativeVersion[] = [];
    for (let i = 0; i < 9; i++) list = addAlternative(list, version(`http://site${i}.example/a`, `Title ${i}`, i));
    expect(list).toHaveLength(MAX_ALTERNATIVES);
    expect(list.map((v) => v.fields.title)).toEqual(['Title 4', 'Title 5', 'Title 6', 'Title 7', 'Title 8']);
  });

  it('keeps one version per page (its latest) and one copy of equal fields (the newest source)', () => {
    let list = addAlternative([], version('http://a.example/x', 'First'));
    list = addAlternative(list, version('http://a.example/x', 'Second', 2));
    expect(list).toEqual([version('http://a.example/x', 'Second', 2)]);
    list = addAlternative(list, version('http://b.example/y', 'Second', 3));
    expect(list).toEqual([version('http://b.example/y', 'Second', 3)]);
  });
});

describe('choosing and dismissing a version', () => {
  const known: Article = {
    ...article({ title: 'Deep learning for protein folding', abstract: 'The first abstract, long enough to have a fingerprint of its own.', doi: '10.1000/legit.1' }, 'meta', 1, 'http://www.nature.com/articles/legit'),
    savedAt: 5,
    alternatives: [
      { source: { pageUrl: 'http://other.example/a', platform: 'meta', capturedAt: 2 }, fields: { title: 'Protein folding with deep learning', volume: '596' } },
      version('http://third.example/b', 'A third title', 3),
    ],
  };

  it('applies its fields, makes them the reader\'s, and keeps the replaced values as a version', () => {
    const chosen = chooseAlternative(known, 0, 99);
    expect(chosen.title).toBe('Protein folding with deep learning');
    expect(chosen.volume).toBe('596');
    expect(chosen.titleKey).toBe(titleKey('Protein folding with deep learning'));
    expect(chosen.readerFields).toEqual(['title', 'volume']);
    expect(chosen.updatedAt).toBe(99);
    expect(chosen.alternatives).toEqual([
      version('http://third.example/b', 'A third title', 3),
      { source: { pageUrl: 'http://www.nature.com/articles/legit', platform: 'meta', capturedAt: 1 }, fields: { title: 'Deep learning for protein folding' } },
    ]);
    // Choosing the replaced version back restores the first title.
    expect(chooseAlternative(chosen, 1, 100).title).toBe('Deep learning for protein folding');
  });

  it('a chosen version holds against later captures of the page it came from', () => {
    const chosen = chooseAlternative({ ...known, savedAt: undefined }, 0, 99);
    const recaptured = mergeArticles(chosen, article({ title: 'Deep learning for protein folding', doi: '10.1000/legit.1' }, 'meta', 200, 'http://www.nature.com/articles/legit'));
    expect(recaptured.title).toBe('Protein folding with deep learning');
  });

  it('dismissing removes the version and nothing else', () => {
    const dismissed = dismissAlternative(known, 1, 50);
    expect(dismissed.alternatives).toEqual([known.alternatives![0]]);
    expect(dismissed.title).toBe(known.title);
    expect(dismissAlternative(dismissed, 0, 51).alternatives).toBeUndefined();
    expect(dismissAlternative(known, 7, 50)).toBe(known);
  });
});
