/**
 * A backup file is checked as a capture is: every article through the same normalization (types,
 * lengths, links, DOI), settings through the settings' validators, the other records by their
 * shape. A value that fails is dropped, and so is every key Simlit does not know; each drop is
 * reported, so that nothing goes silently. An article left with nothing that identifies it is
 * dropped whole.
 */
import { LIMITS } from '../capture/limits';
import { MAX_NOTE_LENGTH, normalizeTag } from '../db/article-edits';
import { MAX_COLLECTION_NAME } from '../db/collections';
import type { Capture, CaptureEntry, Collection, Setting } from '../db/schema';
import { isValidSetting, SETTING_KEYS } from '../db/settings';
import { NO_PAGE, normalizeCsl, type CslWithExtras } from '../import/to-article';
import { safeCitationKey } from '../export/csl-items';
import { MAX_ALTERNATIVES } from '../merge';
import { BIBLIOGRAPHIC_FIELDS, type AlternativeVersion, type Article, type CslDate, type CslName, type Sighting } from '../model/article';
import { httpUrl } from '../text/urls';
import type { LibraryBackup } from './backup';

/** Something the file held that was not restored, and why. */
export interface DroppedValue {
  /** Which record: "article <id>", "collection <id>", "setting <key>", "capture <page>", or "file". */
  where: string;
  what: string;
}

/** Drops reported one by one; beyond this many, they are counted. */
const MAX_DROPS_LISTED = 500;

type Raw = Record<string, unknown>;

export class DropLog {
  readonly listed: DroppedValue[] = [];
  more = 0;

  add(where: string, what: string): void {
    if (this.listed.length < MAX_DROPS_LISTED) this.listed.push({ where: where.slice(0, 120), what: what.slice(0, 200) });
    else this.more++;
  }
}

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const shortText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

function unknownKeys(raw: Raw, known: readonly string[], where: string, log: DropLog): void {
  for (const key of Object.keys(raw)) if (!known.includes(key)) log.add(where, `unknown field "${key.slice(0, 60)}"`);
}

const TEXT_FIELDS = [
  'title', 'container-title', 'container-title-short', 'volume', 'issue', 'page', 'number', 'DOI', 'URL', 'ISSN', 'abstract', 'keyword',
  'language', 'publisher', 'source', 'pdfUrl', 'altTitle', 'altAbstract', 'type',
] as const;

function cleanNames(value: unknown, where: string, log: DropLog): CslName[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    log.add(where, 'author (not a list of names)');
    return undefined;
  }
  const names = value.filter((name): name is CslName => isRecord(name) && ['family', 'given', 'literal'].every((part) => name[part] === undefined || typeof name[part] === 'string'));
  if (names.length < value.length) log.add(where, `${value.length - names.length} author name(s) (not names)`);
  return names.map(({ family, given, literal }) => ({ family, given, literal }));
}

function cleanDate(value: unknown, where: string, log: DropLog): CslDate | undefined {
  if (value === undefined) return undefined;
  const parts = isRecord(value) ? value['date-parts'] : undefined;
  const raw = isRecord(value) ? value.raw : undefined;
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length <= 3 && parts[0].every((part) => Number.isInteger(part))) {
    return { 'date-parts': [parts[0] as [number, number?, number?]] };
  }
  if (typeof raw === 'string') return { raw };
  log.add(where, 'issued (not a date)');
  return undefined;
}

/** The bibliographic fields of a record, each well typed, for normalizeCsl. */
function typedFields(raw: Raw, where: string, log: DropLog): CslWithExtras {
  const item: CslWithExtras = { id: '', type: '' };
  for (const field of TEXT_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') (item as unknown as Raw)[field] = value;
    else if (typeof value === 'number' && ['volume', 'issue', 'page', 'number'].includes(field)) (item as unknown as Raw)[field] = String(value);
    else log.add(where, `${field} (not text)`);
  }
  item.author = cleanNames(raw.author, where, log);
  item.issued = cleanDate(raw.issued, where, log);
  return item;
}

/** What normalization refused or shortened, told by comparing before and after. */
function reportNormalization(before: CslWithExtras, after: Article, where: string, log: DropLog): void {
  for (const field of ['URL', 'pdfUrl'] as const) if (before[field] && !after[field]) log.add(where, `${field} (not an http(s) address)`);
  if (before.DOI && !after.DOI) log.add(where, 'DOI (not a DOI, or characters no DOI has)');
  if (before.type && after.type !== before.type) log.add(where, `type "${before.type.slice(0, 40)}" (not a CSL type; read as a journal article)`);
  for (const field of ['title', 'abstract'] as const) {
    if ((before[field]?.length ?? 0) > (field === 'title' ? LIMITS.title : LIMITS.abstract) && after[field]) log.add(where, `${field} cut to ${after[field]!.length} characters`);
  }
}

function cleanSightings(value: unknown, where: string, log: DropLog): Sighting[] {
  if (!Array.isArray(value)) {
    if (value !== undefined) log.add(where, 'sightings (not a list)');
    return [];
  }
  const sightings: Sighting[] = [];
  for (const sighting of value) {
    const pageUrl = isRecord(sighting) && typeof sighting.pageUrl === 'string' && sighting.pageUrl.length <= LIMITS.url ? httpUrl(sighting.pageUrl) : undefined;
    if (!pageUrl || !isTime(sighting.capturedAt)) {
      log.add(where, 'a sighting (no http(s) page or time)');
      continue;
    }
    const position = Number.isInteger(sighting.position) && (sighting.position as number) > 0 ? (sighting.position as number) : undefined;
    sightings.push({ pageUrl, platform: shortText(sighting.platform, 50) ? sighting.platform : 'meta', capturedAt: sighting.capturedAt, ...(position ? { position } : {}) });
  }
  return sightings.slice(-LIMITS.sightings);
}

function cleanStrings(value: unknown, field: string, max: number, where: string, log: DropLog): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    log.add(where, `${field} (not a list)`);
    return [];
  }
  const kept = value.filter((entry): entry is string => shortText(entry, max));
  if (kept.length < value.length) log.add(where, `${value.length - kept.length} of ${field} (not short text)`);
  return [...new Set(kept)];
}

function cleanAlternatives(value: unknown, where: string, log: DropLog): AlternativeVersion[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    log.add(where, 'alternatives (not a list)');
    return [];
  }
  const versions: AlternativeVersion[] = [];
  for (const version of value.slice(-MAX_ALTERNATIVES)) {
    const source = isRecord(version) ? version.source : undefined;
    const fields = isRecord(version) && isRecord(version.fields) ? version.fields : undefined;
    if (!isRecord(source) || !fields || !isTime(source.capturedAt)) {
      log.add(where, 'an alternative version (no source or fields)');
      continue;
    }
    const typed = typedFields(fields, where, log);
    const normalized = normalizeCsl(typed, { pageUrl: NO_PAGE, platform: 'import', capturedAt: source.capturedAt });
    const kept = Object.fromEntries(BIBLIOGRAPHIC_FIELDS.filter((field) => field in fields && normalized?.[field] !== undefined).map((field) => [field, normalized![field]]));
    if (!Object.keys(kept).length) continue;
    const pageUrl = typeof source.pageUrl === 'string' ? httpUrl(source.pageUrl) : undefined;
    versions.push({ source: { ...(pageUrl ? { pageUrl } : {}), platform: shortText(source.platform, 50) ? source.platform : 'meta', capturedAt: source.capturedAt }, fields: kept });
  }
  return versions;
}

const ARTICLE_KEYS = [
  'id', 'type', 'author', 'issued', ...TEXT_FIELDS, 'platform', 'ids', 'titleKey', 'fingerprint', 'sightings', 'capturedAt', 'updatedAt',
  'seenAt', 'savedAt', 'collections', 'tags', 'note', 'readerFields', 'alternatives', 'citationKey',
];

/** One backup article, cleaned as a capture is; undefined (reported) when nothing is left to identify it. */
function sanitizeArticle(raw: unknown, index: number, log: DropLog, now: number): Article | undefined {
  if (!isRecord(raw)) {
    log.add(`article ${index + 1}`, 'the whole entry (not an article)');
    return undefined;
  }
  const id = shortText(raw.id, 200) ? raw.id : undefined;
  const where = `article ${id ?? index + 1}`;
  unknownKeys(raw, ARTICLE_KEYS, where, log);
  const typed = typedFields(raw, where, log);
  const sightings = cleanSightings(raw.sightings, where, log);
  const capturedAt = isTime(raw.capturedAt) ? raw.capturedAt : now;
  const platform = shortText(raw.platform, 50) ? raw.platform : 'import';
  const article = normalizeCsl(typed, { pageUrl: sightings[0]?.pageUrl ?? NO_PAGE, platform, capturedAt });
  if (!article) {
    log.add(where, 'the whole article (no title, abstract or DOI left)');
    return undefined;
  }
  reportNormalization(typed, article, where, log);
  if (!id) log.add(where, 'id (not short text; a new one was given)');
  article.id = id ?? article.id;
  article.sightings = sightings;
  article.ids = cleanStrings(raw.ids, 'ids', LIMITS.url + 20, where, log).slice(0, 50);
  article.capturedAt = capturedAt;
  article.updatedAt = isTime(raw.updatedAt) ? raw.updatedAt : capturedAt;
  article.seenAt = isTime(raw.seenAt) ? raw.seenAt : Math.max(capturedAt, ...sightings.map((s) => s.capturedAt));
  if (isTime(raw.savedAt)) article.savedAt = raw.savedAt;
  else if (raw.savedAt !== undefined) log.add(where, 'savedAt (not a time)');
  article.collections = cleanStrings(raw.collections, 'collections', 200, where, log);
  article.tags = [...new Set(cleanStrings(raw.tags, 'tags', 1000, where, log).map(normalizeTag).filter(Boolean))];
  if (typeof raw.note === 'string' && raw.note.trim()) article.note = raw.note.slice(0, MAX_NOTE_LENGTH);
  else if (raw.note !== undefined && typeof raw.note !== 'string') log.add(where, 'note (not text)');
  const listed = cleanStrings(raw.readerFields, 'readerFields', 40, where, log);
  const readerFields = listed.filter((field) => (BIBLIOGRAPHIC_FIELDS as readonly string[]).includes(field));
  if (readerFields.length < listed.length) log.add(where, `${listed.length - readerFields.length} of readerFields (no such field)`);
  if (readerFields.length) article.readerFields = readerFields;
  const alternatives = cleanAlternatives(raw.alternatives, where, log);
  if (alternatives.length) article.alternatives = alternatives;
  // The key BibTeX exports cite it by (imported with it, or given by an export).
  const citationKey = safeCitationKey(raw.citationKey);
  if (citationKey) article.citationKey = citationKey;
  else if (raw.citationKey !== undefined) log.add(where, 'citationKey (not a citation key)');
  return article;
}

function sanitizeCollection(raw: unknown, log: DropLog, now: number): Collection | undefined {
  if (!isRecord(raw) || !shortText(raw.id, 200) || typeof raw.name !== 'string' || !raw.name.trim()) {
    log.add('collections', 'a collection without an id or a name');
    return undefined;
  }
  const where = `collection ${raw.id}`;
  unknownKeys(raw, ['id', 'name', 'createdAt', 'updatedAt'], where, log);
  if (raw.name.trim().length > MAX_COLLECTION_NAME) log.add(where, `name cut to ${MAX_COLLECTION_NAME} characters`);
  const createdAt = isTime(raw.createdAt) ? raw.createdAt : now;
  return { id: raw.id, name: raw.name.trim().slice(0, MAX_COLLECTION_NAME), createdAt, updatedAt: isTime(raw.updatedAt) ? raw.updatedAt : createdAt };
}

function sanitizeSetting(raw: unknown, log: DropLog): Setting | undefined {
  if (!isRecord(raw) || typeof raw.key !== 'string') {
    log.add('settings', 'a setting without a name');
    return undefined;
  }
  const where = `setting ${raw.key.slice(0, 60)}`;
  if (!SETTING_KEYS.includes(raw.key)) {
    log.add(where, 'the setting (Simlit has no such setting)');
    return undefined;
  }
  if (!isValidSetting(raw.key, raw.value)) {
    log.add(where, 'the setting (not a valid value)');
    return undefined;
  }
  unknownKeys(raw, ['key', 'value'], where, log);
  return { key: raw.key, value: raw.value };
}

const STATUSES: readonly CaptureEntry['status'][] = ['new', 'known', 'merged'];

function sanitizeCapture(raw: unknown, log: DropLog): Capture | undefined {
  const pageUrl = isRecord(raw) && typeof raw.pageUrl === 'string' ? httpUrl(raw.pageUrl) : undefined;
  if (!isRecord(raw) || !pageUrl || !isTime(raw.capturedAt) || !Array.isArray(raw.items)) {
    log.add('captures', 'a capture without an http(s) page, a time or its articles');
    return undefined;
  }
  const where = `capture ${pageUrl}`;
  unknownKeys(raw, ['id', 'pageUrl', 'pageTitle', 'platform', 'kind', 'tabId', 'capturedAt', 'items', 'similar', 'dropped', 'extractMs'], where, log);
  const items = raw.items.filter(
    (item): item is CaptureEntry => isRecord(item) && shortText(item.articleId, 200) && STATUSES.includes(item.status as CaptureEntry['status']) && (item.position === undefined || Number.isInteger(item.position)),
  );
  if (items.length < raw.items.length) log.add(where, `${raw.items.length - items.length} entries (not entries)`);
  return {
    pageUrl,
    ...(typeof raw.pageTitle === 'string' ? { pageTitle: raw.pageTitle.slice(0, 2000) } : {}),
    platform: shortText(raw.platform, 50) ? raw.platform : 'meta',
    kind: raw.kind === 'article' ? 'article' : 'list',
    capturedAt: raw.capturedAt,
    // The similar articles kept with a capture are worked out again; tab ids belong to another session.
    items: items.map(({ articleId, status, position }) => ({ articleId, status, ...(position !== undefined ? { position } : {}) })),
  };
}

function sanitizeList<T>(values: unknown[], clean: (value: unknown, index: number) => T | undefined): T[] {
  return values.map(clean).filter((value): value is T => value !== undefined);
}

/** The backup's records, each cleaned; what was dropped is in `log`. */
export function sanitizeBackup(data: Raw, log: DropLog, now = Date.now()): LibraryBackup {
  unknownKeys(data, ['format', 'version', 'createdAt', 'schemaVersion', 'articles', 'collections', 'settings', 'captures'], 'file', log);
  return {
    format: 'simlit-backup',
    version: data.version as number,
    createdAt: typeof data.createdAt === 'string' ? data.createdAt : '',
    schemaVersion: typeof data.schemaVersion === 'number' ? data.schemaVersion : 0,
    articles: sanitizeList(data.articles as unknown[], (raw, index) => sanitizeArticle(raw, index, log, now)),
    collections: sanitizeList(data.collections as unknown[], (raw) => sanitizeCollection(raw, log, now)),
    settings: sanitizeList(data.settings as unknown[], (raw) => sanitizeSetting(raw, log)),
    captures: sanitizeList(data.captures as unknown[], (raw) => sanitizeCapture(raw, log)),
  };
}
