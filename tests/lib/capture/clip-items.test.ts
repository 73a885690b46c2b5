import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CHAR_BUDGET, clipItemsForMessage } from '@/lib/capture/clip-items';
import { pageArticles } from '@/lib/capture/page-articles';
import { LIMITS } from '@/lib/capture/limits';
import { extractPage } from '@/lib/extractors/registry';
import { validateMessage } from '@/lib/messages';
import { longFieldPage } from '../fuzz/hostile-pages';

const OWN = 'ownextensionid';
const URL_ = 'https://www.nature.com/articles/nature13322';
const fromTab = { id: OWN, url: URL_, tab: { id: 1 } };

function captureMessage(items: unknown[]) {
  return { type: 'content/capture', page: { url: URL_, title: 'x', platform: 'meta', kind: 'article' }, items };
}

describe('clipItemsForMessage', () => {
  it('lets a page with megabyte-long fields through validation, keeping all that normalization keeps', () => {
    const { window } = new JSDOM(longFieldPage(1_000_000), { url: URL_ });
    const extraction = extractPage(window.document, URL_);
    window.close();
    expect(extraction.items.length).toBeGreaterThan(0);
    // Unclipped, the background refuses the whole capture.
    expect(validateMessage(captureMessage(extraction.items), fromTab, OWN, `chrome-extension://${OWN}/`).ok).toBe(false);
    const clipped = clipItemsForMessage(extraction.items);
    const checked = validateMessage(captureMessage(clipped), fromTab, OWN, `chrome-extension://${OWN}/`);
    expect(checked.ok).toBe(true);
    const fromClipped = pageArticles({ ...extraction, items: clipped }, URL_, 1);
    const fromWhole = pageArticles(extraction, URL_, 1);
    expect(fromClipped).toEqual(fromWhole);
    expect(fromClipped[0].title).toHaveLength(LIMITS.title);
  });

  it('never cuts a surrogate pair in half', () => {
    const title = `${'a'.repeat(LIMITS.title * 2 - 1)}😀tail`;
    const [item] = clipItemsForMessage([{ title }]);
    expect(item.title).toBe('a'.repeat(LIMITS.title * 2 - 1));
  });

  it('caps lists and leaves out whole items past the message budget', () => {
    const big = { abstract: 'x'.repeat(LIMITS.abstract * 2), altAbstract: 'y'.repeat(LIMITS.abstract * 2), authors: Array.from({ length: 1000 }, () => 'z'.repeat(3000)) };
    const items = clipItemsForMessage(Array.from({ length: 300 }, () => big));
    expect(items[0].authors).toHaveLength(LIMITS.authors);
    expect(items[0].authors![0]).toHaveLength(2000);
    const chars = items.reduce((sum, item) => sum + item.abstract!.length + item.altAbstract!.length + item.authors!.join('').length, 0);
    expect(chars).toBeLessThanOrEqual(MESSAGE_CHAR_BUDGET);
    expect(items.length).toBeLessThan(300);
    expect(items.length).toBeGreaterThan(0);
  });
});
