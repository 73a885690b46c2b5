/**
 * Fuzzing the background with generated messages and senders: validateMessage never throws,
 * refuses anything not from the extension's own scripts, and a refused message writes nothing,
 * through the real handler in entrypoints/background/messages.ts on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_ITEMS_PER_PAGE } from '@/lib/extractors/registry';
import { openLibrary } from '@/lib/db/schema';
import { MESSAGE_LIMITS, validateMessage, type SenderInfo } from '@/lib/messages';
import { hostileText } from './html-arbitraries';
import { OWN_ID, OWN_ORIGIN, installFakeBrowser, type FakeBrowser } from './fake-browser';

let fake: FakeBrowser;
let handleMessage: (raw: unknown, sender: SenderInfo) => Promise<{ ok: boolean; error?: string }>;

beforeAll(async () => {
  fake = installFakeBrowser();
  // Imported after the fake is installed: the handler reads `browser` when called.
  ({ handleMessage } = (await import('@/entrypoints/background/messages')) as unknown as { handleMessage: typeof handleMessage });
  // The content script injected by "capture this tab" reads the page and sends what it found.
  fake.onExecuteScript = async (tabId) => {
    const url = 'https://example.org/page-without-articles';
    await handleMessage({ type: 'content/capture', page: { url, title: '', platform: '', kind: 'article' }, items: [] }, { id: OWN_ID, url, tab: { id: tabId } });
  };
});

afterEach(() => {
  vi.restoreAllMocks();
});

const FIELDS = ['title', 'abstract', 'doi', 'url', 'date', 'authors', 'keywords', 'position', 'containerTitle', 'platformId', 'type', 'language'];

/** Field values of every JSON type, hostile strings and sizes just past the limits. */
const fieldValue = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(hostileText, { maxLength: 4 }),
  fc.constantFrom('x'.repeat(MESSAGE_LIMITS.stringLength + 1), -1, 1.5, 2 ** 53, null, [], {}, ['a'.repeat(2001)]),
);
const item = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const pageInfo = fc.record(
  {
    url: fc.oneof(fc.constantFrom('https://pubmed.ncbi.nlm.nih.gov/1/', 'https://pubmed.ncbi.nlm.nih.gov/moved-on/', 'https://evil.example/claimed', 'javascript:alert(1)', 'file:///etc/passwd', `${OWN_ORIGIN}popup.html`, 'not a url'), fc.webUrl(), hostileText),
    title: fc.oneof(hostileText, fc.jsonValue({ maxDepth: 1 })),
    platform: fc.oneof(fc.constantFrom('pubmed', 'meta', 'x'.repeat(51)), hostileText),
    kind: fc.oneof(fc.constantFrom('article', 'list'), fc.jsonValue({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);
const captureMessage = fc.record(
  {
    type: fc.constantFrom('content/capture', 'content/should-capture', 'ui/capture-tab', 'ui/similar', 'ui/search', 'ui/library-changed', 'ui/export', 'content/Capture', ''),
    page: fc.oneof(pageInfo, fc.jsonValue({ maxDepth: 1 })),
    items: fc.oneof(fc.array(item, { maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })),
    url: fc.oneof(fc.webUrl(), hostileText),
    tabId: fc.oneof(fc.integer(), fc.double(), hostileText),
    articleIds: fc.oneof(fc.array(hostileText, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
    text: fc.oneof(hostileText, fc.jsonValue({ maxDepth: 1 })),
    limit: fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double()),
  },
  { requiredKeys: [] },
);
/** Anything a sendMessage call can carry (it is JSON-serialized on the way). */
const message = fc.oneof(captureMessage, fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 2 }));

const sender = fc.record(
  {
    id: fc.constantFrom(OWN_ID, 'anotherextensionid', undefined),
    url: fc.constantFrom('https://pubmed.ncbi.nlm.nih.gov/1/', `${OWN_ORIGIN}popup.html`, 'chrome-extension://anotherextensionid/x.html', undefined),
    tab: fc.oneof(
      fc.constant(undefined),
      fc.record({ id: fc.oneof(fc.nat({ max: 50 }), fc.constant(undefined)), url: fc.constantFrom('https://pubmed.ncbi.nlm.nih.gov/2/', 'https://evil.example/') }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);

async function libraryState() {
  const db = openLibrary();
  return { articles: await db.articles.count(), captures: await db.captures.count() };
}

describe('validateMessage on generated messages', () => {
  it('never throws, and refuses every message not sent by this extension', () => {
    fc.assert(
      fc.property(message, sender, (raw, from) => {
        const checked = validateMessage(raw, from, OWN_ID, OWN_ORIGIN);
        if (from.id !== OWN_ID) expect(checked.ok).toBe(false);
        if (!checked.ok) expect(typeof checked.error).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a capture only from a content script in a tab, with every item within the limits', () => {
    fc.assert(
      fc.property(captureMessage, sender, (raw, from) => {
        const checked = validateMessage(raw, from, OWN_ID, OWN_ORIGIN);
        if (!checked.ok || checked.value.type !== 'content/capture') return;
        expect(from.id).toBe(OWN_ID);
        expect(from.tab?.id).toBeTypeOf('number');
        expect(from.url?.startsWith(OWN_ORIGIN)).not.toBe(true);
        expect(new URL(checked.value.page.url).protocol).toMatch(/^https?:$/);
        // Filed under the page the browser reports, never the one the message names.
        expect(checked.value.page.url).toBe(from.url ?? from.tab?.url);
        expect(checked.value.items.length).toBeLessThanOrEqual(MAX_ITEMS_PER_PAGE);
        for (const accepted of checked.value.items) {
          for (const [field, value] of Object.entries(accepted)) {
            expect(FIELDS.concat('altTitle', 'altAbstract', 'volume', 'issue', 'firstPage', 'lastPage', 'pages', 'issn', 'publisher', 'containerTitleShort')).toContain(field);
            if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(MESSAGE_LIMITS.stringLength);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the background message handler on generated messages', () => {
  it('writes nothing and injects nothing for a refused message, and stores every accepted capture whole', async () => {
    await fc.assert(
      fc.asyncProperty(message, sender, async (raw, from) => {
        const before = await libraryState();
        const callsBefore = fake.calls.length;
        const checked = validateMessage(raw, from, OWN_ID, OWN_ORIGIN);
        const reply = await handleMessage(raw, from);
        const after = await libraryState();
        expect(reply.ok).toBe(checked.ok);
        if (!checked.ok) {
          expect(after).toEqual(before);
          expect(fake.calls.length).toBe(callsBefore);
          return;
        }
        if (checked.value.type === 'content/capture') expect(after.captures).toBeGreaterThanOrEqual(Math.min(before.captures, 1));
        else expect(after.articles).toBe(before.articles);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('stores a well-formed capture of hostile text from a content script, every article at most once', async () => {
    const wellFormedItem = fc.record(
      { title: hostileText, abstract: hostileText, doi: fc.constantFrom('10.1000/a', '10.1000/b', 'not a doi'), authors: fc.array(hostileText, { maxLength: 3 }), url: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)')) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(wellFormedItem, { maxLength: 8 }), fc.webUrl(), async (items, url) => {
        const before = await libraryState();
        const reply = (await handleMessage(
          { type: 'content/capture', page: { url, title: 't', platform: 'meta', kind: 'list' }, items },
          { id: OWN_ID, url, tab: { id: 7 } },
        )) as { ok: boolean; counts?: { new: number; known: number; merged: number } };
        expect(reply.ok).toBe(true);
        const after = await libraryState();
        expect(after.articles - before.articles).toBe(reply.counts!.new);
        expect(reply.counts!.new + reply.counts!.known + reply.counts!.merged).toBeLessThanOrEqual(items.length);
        const stored = await openLibrary().articles.toArray();
        expect(stored.every((article) => !article.URL || /^https?:/.test(article.URL))).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("answers the popup's capture request with the reason a capture could not be stored", async () => {
    const url = 'https://pubmed.ncbi.nlm.nih.gov/25817406/';
    fake.onExecuteScript = async (tabId) => {
      await handleMessage(
        { type: 'content/capture', page: { url, title: 'x', platform: 'pubmed', kind: 'article' }, items: [{ title: 'Stored once the disk has room', doi: '10.1000/full-disk' }] },
        { id: OWN_ID, url, tab: { id: tabId } },
      );
    };
    const before = await libraryState();
    for (const method of ['put', 'add'] as const) {
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
    }
    const reply = await handleMessage({ type: 'ui/capture-tab', tabId: 11 }, { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` });
    vi.restoreAllMocks();
    expect(reply).toEqual({ ok: false, error: "The library could not be saved: the disk or the browser's storage quota is full. Nothing was changed." });
    expect(await libraryState()).toEqual(before);
    expect(fake.calls.filter((call) => call.api === 'action.setBadgeText').at(-1)?.details).toEqual({ tabId: 11, text: '!' });
    // With room again, the same request succeeds.
    expect(await handleMessage({ type: 'ui/capture-tab', tabId: 11 }, { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` })).toEqual({ ok: true });
    expect((await libraryState()).articles).toBe(before.articles + 1);
  });

  it('a web page or another extension cannot store, read or inject, even with a perfect capture message', async () => {
    const perfect = {
      type: 'content/capture',
      page: { url: 'https://pubmed.ncbi.nlm.nih.gov/25817406/', title: 'x', platform: 'pubmed', kind: 'article' },
      items: [{ title: 'Forged article', doi: '10.1000/forged' }],
    };
    const before = await libraryState();
    const injections = () => fake.calls.filter((call) => call.api === 'scripting.executeScript').length;
    const injectedBefore = injections();
    for (const from of [{ url: 'https://evil.example/' }, { id: 'anotherextensionid', url: 'https://evil.example/', tab: { id: 3 } }, { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` }]) {
      const reply = await handleMessage(perfect, from);
      expect(reply.ok).toBe(false);
      expect(await handleMessage({ type: 'ui/capture-tab', tabId: 3 }, { ...from, url: 'https://evil.example/' })).toMatchObject({ ok: false });
    }
    expect(await libraryState()).toEqual(before);
    expect(injections()).toBe(injectedBefore);
    // The same message from a content script in a tab is stored: the refusals were about the sender.
    const reply = await handleMessage(perfect, { id: OWN_ID, url: perfect.page.url, tab: { id: 3 } });
    expect(reply).toMatchObject({ ok: true, counts: { new: 1 } });
    expect((await libraryState()).articles).toBe(before.articles + 1);
  });
});

describe('a flooding page through the handler', () => {
  const FLOOD_URL = 'http://flood.cnjournals.com/ch/reader/search_similar.aspx?file_no=1';
  const items = (round: number, count: number) => Array.from({ length: count }, (_, i) => ({ title: `Flooded article ${round}-${i}`, doi: `10.1000/flood.${round}.${i}` }));
  const send = (round: number, count = 300, url = FLOOD_URL) =>
    handleMessage({ type: 'content/capture', page: { url, title: 'flood', platform: 'qinyun', kind: 'list' }, items: items(round, count) }, { id: OWN_ID, url, tab: { id: 21 } }) as Promise<{
      ok: boolean;
      counts?: { new: number };
      pauseMs?: number;
      captureId?: number;
    }>;

  it('takes a site\'s burst, then drops its excess, records it on the capture and asks the page to wait', async () => {
    const replies = [];
    // The burst (1,000) takes three pages whole; pages keep coming until one is cut (how soon
    // depends on how much refilled meanwhile, 10 a second).
    for (let round = 0; round < 12 && !replies.at(-1)?.pauseMs; round++) replies.push(await send(round));
    expect(replies.slice(0, 3).map((reply) => [reply.counts?.new, reply.pauseMs])).toEqual([[300, undefined], [300, undefined], [300, undefined]]);
    const cut = replies.at(-1)!;
    const dropped = 300 - cut.counts!.new;
    expect(dropped).toBeGreaterThan(0);
    expect(cut.pauseMs).toBe(Math.min(60_000, dropped * 100));
    expect((await openLibrary().captures.get(cut.captureId!))?.dropped).toBe(dropped);
  }, 60_000);

  it('keeps the unsaved articles within the reader\'s cap, the saved ones intact', async () => {
    const db = openLibrary();
    const [keep] = await db.articles.where('DOI').equals('10.1000/flood.0.0').toArray();
    await db.articles.update(keep.id, { savedAt: 1 });
    await db.settings.put({ key: 'storageCap', value: { articles: 100, megabytes: 10 } });
    await send(9, 20, 'http://other.cnjournals.com/list');
    const unsaved = async () => (await db.articles.toArray()).filter((article) => article.savedAt === undefined).length;
    await expect.poll(unsaved, { timeout: 20_000 }).toBeLessThanOrEqual(100);
    expect(await db.articles.get(keep.id)).toMatchObject({ savedAt: 1 });
    await db.settings.delete('storageCap');
  }, 30_000);
});
