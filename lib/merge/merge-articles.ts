/**
 * Merging a record into the known article it names, by the rules of lib/merge/rules.ts: who
 * may change which field (the reader, a file the reader brings, the DOI's authority, the
 * article's home site, any other page) and how values combine.
 */
import { LIMITS } from '../capture/limits';
import {
  BIBLIOGRAPHIC_FIELDS,
  IDENTITY_KEYS,
  identityValues,
  type AlternativeFields,
  type Article,
  type BibliographicField,
  type Sighting,
} from '../model/article';
import { abstractFingerprint, titleKey } from '../text/clean';
import { normalizeHost } from '../text/urls';
import { addAlternative } from './alternatives';
import { speaksForDoi } from './doi-authority';
import { combineField, compareField, FIELD_RULES, isEmpty } from './rules';

/**
 * Where the incoming record comes from: a page ('capture'), or a file the reader imports or
 * restores ('file'), whose values are the reader's.
 */
export type MergeSource = 'capture' | 'file';

/** How a page stands towards the article it names (rules.ts, items 3–5). */
export type Standing = 'authority' | 'home' | 'other';

/** Ids kept per article. */
const MAX_IDS = 50;

/**
 * Two records name the same article when they share a value of an identity key, strongest key
 * first (DOI, platform ids and canonical URLs, normalized title, abstract fingerprint); a
 * decisive key that both have settles it (two different DOIs are two articles).
 */
export function sameArticle(a: Article, b: Article): boolean {
  for (const { key, decisive } of IDENTITY_KEYS) {
    const ours = identityValues(a, key);
    const theirs = identityValues(b, key);
    if (decisive && ours.length && theirs.length) return ours.some((value) => theirs.includes(value));
    if (ours.some((value) => theirs.includes(value))) return true;
  }
  return false;
}

/** Whether the reader owns a field of the article: they listed it, or saved the article with it. */
export function ownedByReader(article: Article, field: BibliographicField): boolean {
  return (article.readerFields?.includes(field) ?? false) || (article.savedAt !== undefined && !isEmpty(article[field]));
}

/** The page a captured record comes from: its latest sighting. */
function sourcePage(record: Article): Sighting | undefined {
  return record.sightings.at(-1);
}

export function captureStanding(known: Article, incoming: Article): Standing {
  const page = sourcePage(incoming)?.pageUrl;
  if (!page) return 'other';
  const home = known.sightings[0]?.pageUrl;
  if (home !== undefined && normalizeHost(home) === normalizeHost(page)) return 'home';
  return speaksForDoi(page, incoming) ? 'authority' : 'other';
}

/**
 * One sighting per page. The first stays first whatever follows (it is the article's home, see
 * captureStanding); the others are in order of capture, a later capture of a page replacing the
 * earlier, and the oldest of them go when there are too many.
 */
export function mergeSightings(a: Sighting[], b: Sighting[]): Sighting[] {
  const [origin, ...rest] = [...a, ...b];
  if (!origin) return [];
  const byPage = new Map<string, Sighting>();
  for (const sighting of rest) {
    if (sighting.pageUrl === origin.pageUrl) continue;
    const seen = byPage.get(sighting.pageUrl);
    if (seen && seen.capturedAt >= sighting.capturedAt) continue;
    byPage.delete(sighting.pageUrl); // re-inserted last: the list stays in order of capture
    byPage.set(sighting.pageUrl, sighting);
  }
  return [origin, ...[...byPage.values()].slice(-(LIMITS.sightings - 1))];
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];
const identical = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The bibliographic fields a record has a value for. */
export function presentFields(article: Article): BibliographicField[] {
  return BIBLIOGRAPHIC_FIELDS.filter((field) => !isEmpty(article[field]));
}

type Outcome = 'keep' | 'take' | 'combine' | 'alternative';

/** What becomes of one present incoming value (rules.ts, "who may change a field"). */
function outcome(field: BibliographicField, known: Article, incoming: Article, source: MergeSource, standing: Standing | undefined): Outcome {
  const { describes } = FIELD_RULES[field];
  const ours = known[field];
  const theirs = incoming[field];
  const aside: Outcome = describes ? 'alternative' : 'keep';
  if (isEmpty(ours)) {
    // A field the reader listed but left empty was cleared on purpose: only the reader's file fills it.
    return source === 'file' || !known.readerFields?.includes(field) ? 'take' : aside;
  }
  if (source === 'file') {
    if (identical(ours, theirs)) return 'keep';
    return ownedByReader(known, field) ? aside : 'take';
  }
  const comparison = compareField(field, ours, theirs);
  if (ownedByReader(known, field)) return comparison === 'same' ? 'keep' : aside;
  if (comparison === 'refines') return 'take';
  // The DOI's authority has the last word on what describes the article (another page's longer
  // title may be padded); the home site refines by the combine rule.
  if (standing === 'authority' && describes) return 'take';
  if (standing === 'authority' || standing === 'home') return 'combine';
  return comparison === 'same' ? 'keep' : aside;
}

/**
 * Merges `incoming` into `known` and returns the result under the known id.
 * - A capture adds what the record lacks (fields not listed by the reader, ids, sightings). A
 *   differing value is applied only where its page may refine the record (its home site, the
 *   DOI's authority) and the reader does not own the field; otherwise, for fields that describe
 *   the article, it is kept as an alternative version with its source.
 * - A file (import, restore) replaces what pages gave, and its fields become the reader's; where
 *   the reader already owns a differing field, the file's value is kept as an alternative.
 * What the reader did (saved, collections, tags, note, chosen alternatives) is joined from both.
 */
export function mergeArticles(known: Article, incoming: Article, source: MergeSource = 'capture'): Article {
  const merged: Article = { ...known };
  const standing = source === 'capture' ? captureStanding(known, incoming) : undefined;
  const alternative: Record<string, unknown> = {};
  for (const field of BIBLIOGRAPHIC_FIELDS) {
    if (isEmpty(incoming[field])) continue;
    const set = (value: unknown) => ((merged as unknown as Record<string, unknown>)[field] = value);
    switch (outcome(field, known, incoming, source, standing)) {
      case 'take':
        set(incoming[field]);
        break;
      case 'combine':
        set(combineField(field, known[field], incoming[field]));
        break;
      case 'alternative':
        alternative[field] = incoming[field];
        break;
      case 'keep':
        break;
    }
  }
  merged.titleKey = titleKey(merged.title);
  merged.fingerprint = abstractFingerprint(merged.abstract) || known.fingerprint;
  merged.ids = union(known.ids, incoming.ids).slice(0, MAX_IDS);
  merged.sightings = mergeSightings(known.sightings, incoming.sightings);
  merged.updatedAt = Math.max(known.updatedAt, incoming.updatedAt);
  merged.capturedAt = Math.min(known.capturedAt, incoming.capturedAt);
  const seenAt = Math.max(known.seenAt ?? 0, incoming.seenAt ?? 0, sourcePage(incoming)?.capturedAt ?? 0);
  if (seenAt) merged.seenAt = seenAt;
  mergeReaderState(merged, known, incoming, source);
  let alternatives = known.alternatives ?? [];
  for (const version of incoming.alternatives ?? []) alternatives = addAlternative(alternatives, version);
  if (Object.keys(alternative).length) {
    const page = sourcePage(incoming);
    const from = source === 'file' || !page ? { platform: incoming.platform, capturedAt: incoming.capturedAt } : { pageUrl: page.pageUrl, platform: page.platform, capturedAt: page.capturedAt };
    alternatives = addAlternative(alternatives, { source: from, fields: alternative as AlternativeFields });
  }
  if (alternatives.length) merged.alternatives = alternatives;
  for (const key of Object.keys(merged) as (keyof Article)[]) {
    if (merged[key] === undefined) delete merged[key];
  }
  return merged;
}

/** What the reader did (and the key they cite it by) is never dropped, whichever side carries it. */
function mergeReaderState(merged: Article, known: Article, incoming: Article, source: MergeSource): void {
  merged.savedAt = known.savedAt ?? incoming.savedAt;
  merged.collections = union(known.collections, incoming.collections);
  merged.tags = union(known.tags, incoming.tags);
  merged.note = [known.note, incoming.note].filter(Boolean).filter((n, i, all) => all.indexOf(n) === i).join('\n\n') || undefined;
  const readerFields = union(known.readerFields ?? [], [...(incoming.readerFields ?? []), ...(source === 'file' ? presentFields(incoming) : [])]);
  if (readerFields.length) merged.readerFields = readerFields;
  // A citation key the article carries (from the reader's file, a backup, or a deletion undone)
  // is kept; those exports give are kept apart (lib/db/citation-keys.ts).
  merged.citationKey = known.citationKey ?? incoming.citationKey;
}

/** Folds the records of one page into unique articles, keeping the first position of each. */
export function dedupeArticles(articles: Article[]): Article[] {
  const unique: Article[] = [];
  for (const article of articles) {
    const index = unique.findIndex((known) => sameArticle(known, article));
    if (index === -1) unique.push(article);
    else unique[index] = mergeArticles(unique[index], article);
  }
  return unique;
}
