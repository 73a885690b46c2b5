/**
 * A crafted backup restores nothing unsafe: every article is checked as a capture is, settings by
 * their validators, unknown keys dropped, and every drop reported.
 */
import { describe, expect, it } from 'vitest';
import { restoreLibrary } from '@/lib/backup/restore';
import { exportItems } from '@/lib/export';
import { readSettings } from '@/lib/db/settings';
import { freshDb } from './sample-library';

const good = {
  id: 'sl-good',
  type: 'article-journal',
  title: 'A perfectly good article',
  platform: 'meta',
  ids: [],
  titleKey: 'x',
  fingerprint: '',
  sightings: [{ pageUrl: 'https://journal.example/a', platform: 'meta', capturedAt: 5 }],
  capturedAt: 5,
  updatedAt: 5,
  collections: [],
  tags: [],
};

/** The file: script links everywhere, wrong types, a setting of the wrong shape, and one Simlit does not have. */
const MALICIOUS = JSON.stringify({
  format: 'simlit-backup',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 2,
  evilTopLevel: { x: 1 },
  articles: [
    {
      ...good,
      id: 'sl-links',
      title: 'Links that run code',
      URL: 'javascript:alert(document.cookie)',
      pdfUrl: 'javascript:alert(1)',
      sightings: [{ pageUrl: 'javascript:alert(2)', platform: 'meta', capturedAt: 5 }, { pageUrl: 'https://journal.example/b', platform: 'meta', capturedAt: 6 }],
      alternatives: [{ source: { pageUrl: 'javascript:alert(3)', platform: 'meta', capturedAt: 7 }, fields: { title: 'An alternative', URL: 'data:text/html,x' } }],
      onclick: 'alert(4)',
      citationKey: 'evil}, title={x',
    },
    { ...good, id: 'sl-types', title: { toString: 'x' }, author: 'not a list', abstract: 42, DOI: '10.1234/a}}@misc{injected,', savedAt: 'yesterday', tags: [1, 'ok'], readerFields: ['title', '__proto__'] },
    { ...good, id: 'sl-typed-kept', title: 'Kept, with its wrong parts dropped', author: [{ family: 'Smith', given: 'J' }, { family: { evil: 1 } }], issued: { 'date-parts': [['2020']] }, type: '<script>', citationKey: { evil: 1 } },
    'not an article',
  ],
  collections: [{ id: 'c1', name: '论文', createdAt: 1, updatedAt: 1, color: 'red' }, { id: 5 }],
  settings: [
    { key: 'pausedSites', value: 'nope' },
    { key: 'unknownSetting', value: true },
    { key: 'captureMode', value: 'on-click' },
  ],
  captures: [{ pageUrl: 'javascript:alert(5)', capturedAt: 1, items: [] }],
});

describe('restoring a crafted backup', () => {
  it('restores nothing unsafe, keeps what is sound, and reports every drop', async () => {
    const db = freshDb();
    const report = await restoreLibrary(db, MALICIOUS);
    expect(report.error).toBeUndefined();
    const articles = await db.articles.orderBy('id').toArray();
    expect(articles.map((article) => article.id)).toEqual(['sl-links', 'sl-typed-kept']);
    const [links, kept] = articles;
    expect(links.URL).toBeUndefined();
    expect(links.pdfUrl).toBeUndefined();
    expect(links.sightings.map((s) => s.pageUrl)).toEqual(['https://journal.example/b']);
    expect(links.alternatives).toEqual([{ source: { platform: 'meta', capturedAt: 7 }, fields: { title: 'An alternative' } }]);
    expect(links).not.toHaveProperty('onclick');
    expect(kept.author).toEqual([{ family: 'Smith', given: 'J' }]);
    expect(kept.issued).toBeUndefined();
    expect(kept.type).toBe('article-journal');
    // A citation key comes back as one BibTeX can hold; one that is not text does not.
    expect(links.citationKey).toBe('eviltitlex');
    expect(kept.citationKey).toBeUndefined();
    expect(exportItems([links], 'bibtex').text).toMatch(/^@article\{eviltitlex,$/m);
    // Every string field holds text; every link is http(s); exports carry no script link.
    for (const article of articles) {
      for (const field of ['title', 'abstract', 'DOI', 'URL', 'pdfUrl'] as const) if (article[field] !== undefined) expect(typeof article[field]).toBe('string');
    }
    for (const format of ['markdown', 'ris', 'bibtex', 'enw', 'csv', 'csl-json'] as const) expect(exportItems(articles, format).text).not.toMatch(/javascript:|data:text/);

    const settings = await readSettings(db);
    expect(settings.pausedSites).toEqual([]);
    expect(settings.captureMode).toBe('on-click');
    expect(await db.settings.get('unknownSetting')).toBeUndefined();
    expect(await db.collections.toArray()).toEqual([{ id: 'c1', name: '论文', createdAt: 1, updatedAt: 1 }]);
    expect(await db.captures.count()).toBe(0);

    const said = report.dropped.map(({ where, what }) => `${where}: ${what}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'file: unknown field "evilTopLevel"',
        'article sl-links: unknown field "onclick"',
        'article sl-links: URL (not an http(s) address)',
        'article sl-links: pdfUrl (not an http(s) address)',
        'article sl-links: a sighting (no http(s) page or time)',
        'article sl-types: title (not text)',
        'article sl-types: author (not a list of names)',
        'article sl-types: abstract (not text)',
        'article sl-types: the whole article (no title, abstract or DOI left)',
        'article sl-typed-kept: 1 author name(s) (not names)',
        'article sl-typed-kept: issued (not a date)',
        'article sl-typed-kept: type "<script>" (not a CSL type; read as a journal article)',
        'article sl-typed-kept: citationKey (not a citation key)',
        'article 4: the whole entry (not an article)',
        'collection c1: unknown field "color"',
        'collections: a collection without an id or a name',
        'setting pausedSites: the setting (not a valid value)',
        'setting unknownSetting: the setting (Simlit has no such setting)',
        'captures: a capture without an http(s) page, a time or its articles',
      ]),
    );
  });

  it('reports the DOI of another shape and other dropped values of an article it keeps', async () => {
    const db = freshDb();
    const text = JSON.stringify({
      format: 'simlit-backup',
      version: 1,
      articles: [{ ...good, DOI: '10.1234/a}}@misc{injected,', savedAt: 'yesterday', tags: [1, 'ok'], readerFields: ['title', '__proto__'], note: { x: 1 } }],
      collections: [],
      settings: [],
      captures: [],
    });
    const report = await restoreLibrary(db, text);
    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({ title: 'A perfectly good article', tags: ['ok'] });
    // An article the reader edited is theirs: its present fields are listed, never "__proto__".
    expect(article.readerFields).toEqual(['title', 'type', 'language']);
    expect(article.DOI).toBeUndefined();
    expect(article.savedAt).toBeUndefined();
    expect(article.note).toBeUndefined();
    expect(report.dropped.map(({ what }) => what)).toEqual(
      expect.arrayContaining(['DOI (not a DOI, or characters no DOI has)', 'savedAt (not a time)', '1 of tags (not short text)', '1 of readerFields (no such field)', 'note (not text)']),
    );
  });
});
