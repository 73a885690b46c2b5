import { describe, expect, it } from 'vitest';
import { addPausedSite, DEFAULT_SETTINGS, readSettings, removePausedSite, writeSetting } from '@/lib/db/settings';
import { testDb } from './test-db';

describe('readSettings', () => {
  it('gives the defaults for an empty database', async () => {
    expect(await readSettings(testDb())).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what was written', async () => {
    const db = testDb();
    await writeSetting(db, 'uiLanguage', 'zh_CN');
    await writeSetting(db, 'captureMode', 'on-click');
    await writeSetting(db, 'citationStyle', 'gbt7714');
    await writeSetting(db, 'storageCap', { articles: 2_000, megabytes: 50 });
    expect(await readSettings(db)).toEqual({ uiLanguage: 'zh_CN', captureMode: 'on-click', pausedSites: [], citationStyle: 'gbt7714', storageCap: { articles: 2_000, megabytes: 50 } });
  });

  it('falls back to the default for a malformed stored value', async () => {
    const db = testDb();
    await db.settings.bulkPut([
      { key: 'captureMode', value: 'everywhere' },
      { key: 'pausedSites', value: 'cnki.net' },
      { key: 'uiLanguage', value: 'en' },
      { key: 'citationStyle', value: 'mla' },
    ]);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, uiLanguage: 'en' });
  });

  it('refuses to write an invalid value', async () => {
    await expect(writeSetting(testDb(), 'captureMode', 'sometimes' as never)).rejects.toThrow(TypeError);
  });

  it.each([
    ['fewer articles than allowed', { articles: 99, megabytes: 50 }],
    ['a fraction', { articles: 1_000.5, megabytes: 50 }],
    ['no size', { articles: 1_000 }],
    ['an extra key', { articles: 1_000, megabytes: 50, unlimited: true }],
    ['text', '50000'],
    ['too many megabytes', { articles: 1_000, megabytes: 1e9 }],
  ])('refuses a storage cap with %s, and reads it as the default', async (_case, value) => {
    const db = testDb();
    await expect(writeSetting(db, 'storageCap', value as never)).rejects.toThrow(TypeError);
    await db.settings.put({ key: 'storageCap', value });
    expect((await readSettings(db)).storageCap).toEqual({ articles: 50_000, megabytes: 500 });
  });
});

describe('paused sites', () => {
  it('adds normalized hosts once, sorted, and removes them', async () => {
    const db = testDb();
    expect(await addPausedSite(db, 'https://www.nature.com/articles/x')).toBe('nature.com');
    await addPausedSite(db, 'arxiv.org');
    await addPausedSite(db, 'Nature.com');
    expect((await readSettings(db)).pausedSites).toEqual(['arxiv.org', 'nature.com']);
    await removePausedSite(db, 'nature.com');
    expect((await readSettings(db)).pausedSites).toEqual(['arxiv.org']);
  });

  it('stores nothing for input that names no host', async () => {
    const db = testDb();
    expect(await addPausedSite(db, 'hello world')).toBeUndefined();
    expect((await readSettings(db)).pausedSites).toEqual([]);
  });
});
