import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_PAGE } from '@/lib/extractors/registry';
import { validateMessage } from '@/lib/messages';

const OWN_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const contentSender = { id: OWN_ID, url: 'http://journal.example.cn/ch/reader/x', tab: { id: 5 } };
const popupSender = { id: OWN_ID, url: `${ORIGIN}popup.html` };

function capture(items: unknown[], page: object = {}) {
  return { type: 'content/capture', page: { url: 'http://journal.example.cn/a', title: 'T', platform: 'qinyun', kind: 'list', ...page }, items };
}

describe('validateMessage', () => {
  it('accepts a well-formed capture from a content script and keeps only known fields', () => {
    const result = validateMessage(capture([{ title: '标题', authors: ['张三'], position: 1, evil: '<script>' }], { url: contentSender.url }), contentSender, OWN_ID, ORIGIN);
    expect(result).toEqual({
      ok: true,
      value: { type: 'content/capture', page: { url: contentSender.url, title: 'T', platform: 'qinyun', kind: 'list' }, items: [{ title: '标题', authors: ['张三'], position: 1 }] },
    });
  });

  describe('the browser\'s word for the page', () => {
    const pageOf = (sender: object, url: string) => {
      const result = validateMessage(capture([], { url }), { id: OWN_ID, tab: { id: 5 }, ...sender }, OWN_ID, ORIGIN);
      return result.ok && result.value.type === 'content/capture' ? result.value.page.url : result.ok ? 'accepted' : result.error;
    };

    it('files a capture under the URL the browser reports, when the page moved on within its site (pushState)', () => {
      expect(pageOf({ url: 'https://kns.cnki.net/kns8s/search?q=1' }, 'https://kns.cnki.net/kns8s/search?q=2')).toBe('https://kns.cnki.net/kns8s/search?q=1');
    });

    it('takes the tab\'s URL when the frame\'s is not given', () => {
      expect(pageOf({ tab: { id: 5, url: 'https://kns.cnki.net/x' } }, 'https://kns.cnki.net/x')).toBe('https://kns.cnki.net/x');
    });

    it.each([
      ['another site', 'http://evil.cnjournals.com/a', 'https://www.nature.com/articles/legit'],
      ['the same host over another scheme', 'http://www.nature.com/a', 'https://www.nature.com/a'],
      ['another port', 'http://www.nature.com:8080/a', 'http://www.nature.com/a'],
    ])('refuses a page claiming %s', (_case, reported, claimed) => {
      expect(pageOf({ url: reported }, claimed)).toMatch(/not on the site the browser reports/);
    });

    it('refuses a content message when the browser reports no web page for it', () => {
      expect(pageOf({}, 'https://www.nature.com/a')).toMatch(/web page tab/);
      expect(pageOf({ url: 'about:blank' }, 'https://www.nature.com/a')).toMatch(/web page tab/);
    });
  });

  it('keeps the name order a Chinese platform states, and drops one it does not know', () => {
    const kept = validateMessage(capture([{ title: 'T', authors: ['Shcheretskiy Volodymyr'], nameOrder: 'family-first' }]), contentSender, OWN_ID, ORIGIN);
    expect(kept.ok && kept.value.type === 'content/capture' && kept.value.items[0].nameOrder).toBe('family-first');
    const dropped = validateMessage(capture([{ title: 'T', nameOrder: 'backwards' }]), contentSender, OWN_ID, ORIGIN);
    expect(dropped.ok && dropped.value.type === 'content/capture' && dropped.value.items[0]).toEqual({ title: 'T' });
  });

  it.each([
    ['another extension', capture([]), { ...contentSender, id: 'someone-else' }, /another extension/],
    ['an extension page posing as content', capture([]), { ...popupSender, tab: { id: 1 } }, /content script/],
    ['a capture without a tab', capture([]), { id: OWN_ID, url: 'http://x/' }, /content script/],
    ['no type', { page: {} }, contentSender, /no type/],
    ['a string', 'hello', contentSender, /no type/],
    ['an unknown type', { type: 'db/drop' }, contentSender, /unknown message type/],
    ['a non-http page', capture([], { url: 'javascript:alert(1)' }), contentSender, /page.url/],
    ['a bad kind', capture([], { kind: 'feed' }), contentSender, /page.kind/],
    ['items not a list', { ...capture([]), items: 'x' }, contentSender, /items is not a list/],
    ['too many items', capture(Array(MAX_ITEMS_PER_PAGE + 1).fill({ title: 'x' })), contentSender, /more than/],
    ['a non-object item', capture(['x']), contentSender, /item 0 is not an object/],
    ['a numeric title', capture([{ title: 42 }]), contentSender, /title is not a string/],
    ['a megabyte abstract', capture([{ abstract: 'x'.repeat(1_000_001) }]), contentSender, /abstract/],
    ['authors not strings', capture([{ authors: [{ name: 'x' }] }]), contentSender, /authors/],
    ['a fractional position', capture([{ title: 'x', position: 1.5 }]), contentSender, /position/],
    ['a UI message from a web page', { type: 'ui/capture-tab', tabId: 1 }, contentSender, /extension's own pages/],
    ['a UI message with a bad tab id', { type: 'ui/capture-tab', tabId: '1' }, popupSender, /tabId/],
  ])('refuses %s', (_name, message, sender, error) => {
    const result = validateMessage(message, sender, OWN_ID, ORIGIN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('answers a content script asking whether it may read its page, and no one else', () => {
    expect(validateMessage({ type: 'content/should-capture', url: 'http://journal.example.cn/y' }, contentSender, OWN_ID, ORIGIN)).toEqual({
      ok: true,
      value: { type: 'content/should-capture', url: contentSender.url },
    });
    expect(validateMessage({ type: 'content/should-capture', url: 'https://kns.cnki.net/x' }, contentSender, OWN_ID, ORIGIN).ok).toBe(false);
    expect(validateMessage({ type: 'content/should-capture', url: 'https://kns.cnki.net/x' }, popupSender, OWN_ID, ORIGIN).ok).toBe(false);
    expect(validateMessage({ type: 'content/should-capture', url: 'file:///etc/passwd' }, contentSender, OWN_ID, ORIGIN).ok).toBe(false);
  });

  it('accepts a capture-tab request from the popup', () => {
    expect(validateMessage({ type: 'ui/capture-tab', tabId: 12 }, popupSender, OWN_ID, ORIGIN)).toEqual({ ok: true, value: { type: 'ui/capture-tab', tabId: 12 } });
  });
});
