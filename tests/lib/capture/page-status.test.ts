import { describe, expect, it } from 'vitest';
import { pageStatus } from '@/lib/capture/page-status';
import type { CaptureEntry } from '@/lib/db/schema';
import { makeArticle } from '../db/library-fixtures';

const ITEMS: CaptureEntry[] = [
  { articleId: 'a', status: 'new' },
  { articleId: 'b', status: 'new' },
  { articleId: 'c', status: 'known' },
];

describe('pageStatus', () => {
  it('counts the page\'s articles as they stand now', () => {
    const status = pageStatus(ITEMS, [makeArticle('a'), makeArticle('b', { savedAt: 5 }), makeArticle('c')]);
    expect(status).toMatchObject({ total: 3, fresh: 1, saved: 1 });
    expect(status.statusOf('a')).toBe('new');
    expect(status.statusOf('c')).toBe('known');
  });

  it('shows no status beside an article once it is saved: after "Save all" nothing is new', () => {
    const status = pageStatus(ITEMS, ['a', 'b', 'c'].map((id) => makeArticle(id, { savedAt: 9 })));
    expect(status).toMatchObject({ total: 3, fresh: 0, saved: 3 });
    expect(['a', 'b', 'c'].map(status.statusOf)).toEqual([undefined, undefined, undefined]);
  });

  it('counts only the articles still in the library', () => {
    expect(pageStatus(ITEMS, [makeArticle('c')])).toMatchObject({ total: 1, fresh: 0, saved: 0 });
  });
});
