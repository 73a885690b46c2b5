// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/preact';
import { PopupApp } from '@/components/popup/PopupApp';
import type { RankingReply } from '@/lib/messages';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

/** The first render waits for the database and the locale: on a busy machine, longer than a second. */
const SLOW = { timeout: 15_000 };

const PAGE_URL = 'http://flood.cnjournals.com/ch/reader/search_similar.aspx?file_no=1';

async function popupAfter(dropped: number | undefined) {
  const db = testDb();
  const article = makeArticle('f1', { title: 'One of many flooded articles' });
  await db.articles.add(article);
  await db.captures.add({ pageUrl: PAGE_URL, platform: 'qinyun', kind: 'list', tabId: 7, capturedAt: 5, items: [{ articleId: 'f1', status: 'new' }], ...(dropped ? { dropped } : {}) });
  const api = { requestCapture: vi.fn(async () => ({ ok: true })), similar: vi.fn(async () => ({ ok: true, results: [] }) as RankingReply), search: vi.fn(async () => ({ ok: true, results: [] }) as RankingReply), openPage: vi.fn(), libraryChanged: vi.fn() };
  renderWithDb(db, <PopupApp db={db} tab={{ id: 7, url: PAGE_URL }} api={api} />);
  await screen.findByText('One of many flooded articles', {}, SLOW);
}

describe('the popup on a page whose site was slowed', () => {
  it('says the site is slowed and how many of the page\'s new articles were not kept', async () => {
    await popupAfter(275);
    expect(screen.getByText(/^This site showed a great many new articles/).textContent).toBe(
      'This site showed a great many new articles in a short time, so Simlit captures from it more slowly for now: 275 new articles of this page were not kept.',
    );
  });

  it('says nothing when the page lost nothing', async () => {
    await popupAfter(undefined);
    expect(screen.queryByText(/great many new articles/)).toBeNull();
  });
});
