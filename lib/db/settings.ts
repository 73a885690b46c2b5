import type { Locale } from '../i18n';
import type { SimlitDB } from './schema';
import { normalizeHost } from '../text/urls';

/**
 * The reader's settings, one row per key in the `settings` table. Values are checked on read:
 * a missing or malformed value (older version, hand-edited storage) falls back to the default.
 */

/** 'auto' follows the browser's language. */
export type UiLanguage = 'auto' | Locale;

/**
 * Where the content script runs: on the known journal hosts, on every site (needs the optional
 * `<all_urls>` host permission), or only when the reader clicks the toolbar button (activeTab).
 */
export type CaptureMode = 'known-sites' | 'all-sites' | 'on-click';

/** The style "copy citation" starts on; 'auto' follows the interface language (Chinese: GB/T 7714). */
export type CitationStyleSetting = 'auto' | 'gbt7714' | 'apa';

/**
 * How much captured-but-unsaved data is kept: at most this many articles and about this many
 * megabytes of them; beyond it the ones no page has shown for longest go first (lib/storage).
 */
export interface StorageCap {
  articles: number;
  megabytes: number;
}

export const STORAGE_CAP_LIMITS = { articles: { min: 100, max: 1_000_000 }, megabytes: { min: 10, max: 100_000 } } as const;

export interface Settings {
  uiLanguage: UiLanguage;
  captureMode: CaptureMode;
  /** Hostnames (lowercase, no "www.") where capture never runs; a host covers its subdomains. */
  pausedSites: string[];
  /** The reader's last choice of citation style, kept for the next article. */
  citationStyle: CitationStyleSetting;
  storageCap: StorageCap;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  uiLanguage: 'auto',
  captureMode: 'known-sites',
  pausedSites: [],
  citationStyle: 'auto',
  storageCap: Object.freeze({ articles: 50_000, megabytes: 500 }),
});

export const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'en', 'zh_CN'];
export const CAPTURE_MODES: readonly CaptureMode[] = ['known-sites', 'all-sites', 'on-click'];
export const CITATION_STYLE_SETTINGS: readonly CitationStyleSetting[] = ['auto', 'gbt7714', 'apa'];

const VALIDATORS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  uiLanguage: (value): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage),
  captureMode: (value): value is CaptureMode => CAPTURE_MODES.includes(value as CaptureMode),
  pausedSites: (value): value is string[] => Array.isArray(value) && value.every((host) => typeof host === 'string'),
  citationStyle: (value): value is CitationStyleSetting => CITATION_STYLE_SETTINGS.includes(value as CitationStyleSetting),
  storageCap: (value): value is StorageCap => {
    if (typeof value !== 'object' || value === null || Object.keys(value).length !== 2) return false;
    const { articles, megabytes } = value as Record<string, unknown>;
    const within = (n: unknown, { min, max }: { min: number; max: number }) => Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
    return within(articles, STORAGE_CAP_LIMITS.articles) && within(megabytes, STORAGE_CAP_LIMITS.megabytes);
  },
};

const KEYS = Object.keys(VALIDATORS) as (keyof Settings)[];

/** The keys of the reader's settings (other rows of the settings table are Simlit's own records). */
export const SETTING_KEYS: readonly string[] = KEYS;

/** Whether `value` is valid for the setting `key` (an unknown key has no valid value). */
export function isValidSetting(key: string, value: unknown): boolean {
  return (KEYS as string[]).includes(key) && VALIDATORS[key as keyof Settings](value);
}

/** All settings, each stored value if it is valid, else its default. */
export async function readSettings(db: SimlitDB): Promise<Settings> {
  const rows = await db.settings.bulkGet(KEYS);
  const settings: Settings = { ...DEFAULT_SETTINGS, pausedSites: [...DEFAULT_SETTINGS.pausedSites] };
  KEYS.forEach((key, index) => {
    const value = rows[index]?.value;
    if (VALIDATORS[key](value)) (settings as unknown as Record<string, unknown>)[key] = value;
  });
  return settings;
}

export async function writeSetting<K extends keyof Settings>(db: SimlitDB, key: K, value: Settings[K]): Promise<void> {
  if (!VALIDATORS[key](value)) throw new TypeError(`invalid value for setting ${key}`);
  await db.settings.put({ key, value });
}

/** Adds a host to the pause list; returns the stored host, or undefined when the input names none. */
export async function addPausedSite(db: SimlitDB, input: string): Promise<string | undefined> {
  const host = normalizeHost(input);
  if (!host) return undefined;
  await db.transaction('rw', db.settings, async () => {
    const { pausedSites } = await readSettings(db);
    if (!pausedSites.includes(host)) await writeSetting(db, 'pausedSites', [...pausedSites, host].sort());
  });
  return host;
}

export async function removePausedSite(db: SimlitDB, host: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const { pausedSites } = await readSettings(db);
    await writeSetting(db, 'pausedSites', pausedSites.filter((site) => site !== host));
  });
}
