/**
 * Alternative versions: what another page (or an imported file) says about an article where it
 * may not change the record. Kept beside the record, bounded, and shown in the library detail,
 * where the reader can choose one (its fields become the reader's) or dismiss it.
 */
import { BIBLIOGRAPHIC_FIELDS, type AlternativeFields, type AlternativeVersion, type Article } from '../model/article';
import { abstractFingerprint, titleKey } from '../text/clean';
import { isEmpty } from './rules';

/** Versions kept per article; the oldest goes first. */
export const MAX_ALTERNATIVES = 5;

const sameFields = (a: AlternativeFields, b: AlternativeFields) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The list with `version` added last. A page keeps one version (its latest), and a version
 * equal to one already kept replaces it (the newer source is shown).
 */
export function addAlternative(list: readonly AlternativeVersion[] | undefined, version: AlternativeVersion): AlternativeVersion[] {
  const kept = (list ?? []).filter(
    (known) => !(version.source.pageUrl && known.source.pageUrl === version.source.pageUrl) && !sameFields(known.fields, version.fields),
  );
  return [...kept, version].slice(-MAX_ALTERNATIVES);
}

function setField(article: Article, field: keyof AlternativeFields, value: unknown): void {
  if (isEmpty(value)) delete article[field];
  else (article as unknown as Record<string, unknown>)[field] = value;
}

/**
 * The reader chose version `index`: its fields replace the article's and become the reader's;
 * the values they replace are kept as an alternative in its place, so the choice can be undone.
 */
export function chooseAlternative(article: Article, index: number, now: number): Article {
  const version = article.alternatives?.[index];
  if (!version) return article;
  const chosen = { ...article };
  const replaced: AlternativeFields = {};
  const fields = BIBLIOGRAPHIC_FIELDS.filter((field) => field in version.fields);
  for (const field of fields) {
    if (!isEmpty(article[field])) (replaced as Record<string, unknown>)[field] = article[field];
    setField(chosen, field, version.fields[field]);
  }
  const others = article.alternatives!.filter((_, i) => i !== index);
  const origin = article.sightings[0];
  chosen.alternatives = Object.keys(replaced).length
    ? addAlternative(others, { source: { pageUrl: origin?.pageUrl, platform: origin?.platform ?? article.platform, capturedAt: origin?.capturedAt ?? article.capturedAt }, fields: replaced })
    : others;
  chosen.readerFields = [...new Set([...(article.readerFields ?? []), ...fields])];
  chosen.titleKey = titleKey(chosen.title);
  chosen.fingerprint = abstractFingerprint(chosen.abstract) || article.fingerprint;
  chosen.updatedAt = now;
  return chosen;
}

/** The reader set version `index` aside: it is no longer shown. */
export function dismissAlternative(article: Article, index: number, now: number): Article {
  if (!article.alternatives?.[index]) return article;
  const alternatives = article.alternatives.filter((_, i) => i !== index);
  const { alternatives: _old, ...rest } = article;
  return alternatives.length ? { ...rest, alternatives, updatedAt: now } : { ...rest, updatedAt: now };
}
