import { findAll } from '../dom';
import type { ExtractedItem } from '../../model/article';

/**
 * schema.org JSON-LD (`<script type="application/ld+json">`): ScholarlyArticle and its kin.
 * A plain `Article` is also what news sites and blogs publish, so it counts only when it names a
 * DOI or sits in a periodical.
 */
type Node = Record<string, unknown>;

const SCHOLARLY_TYPES = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'thesis', 'report', 'chapter']);
const MAX_SCRIPTS = 20;
const MAX_SCRIPT_LENGTH = 2_000_000;

function types(node: Node): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const node = value as Node;
    return str(node['@value'] ?? node.name ?? node.value);
  }
  return undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Every object in the parsed scripts, following arrays, `@graph` and `ItemList` entries. */
function nodesOf(data: unknown, out: Node[], depth = 0): void {
  if (depth > 6 || out.length > 1000) return;
  for (const value of list(data)) {
    if (!value || typeof value !== 'object') continue;
    const node = value as Node;
    out.push(node);
    if (node['@graph']) nodesOf(node['@graph'], out, depth + 1);
    if (node.itemListElement) nodesOf(list(node.itemListElement).map((e) => (e as Node)?.item ?? e), out, depth + 1);
    if (node.mainEntity) nodesOf(node.mainEntity, out, depth + 1);
  }
}

function personName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  const person = value as Node;
  const family = str(person.familyName);
  const given = str(person.givenName);
  if (family) return given ? `${family}, ${given}` : family;
  return str(person.name);
}

function doiOf(node: Node): string | undefined {
  for (const value of [...list(node.identifier), ...list(node.sameAs), node['@id'], node.url, node.doi]) {
    const candidate = typeof value === 'object' && value ? str((value as Node).value ?? (value as Node)['@id']) : str(value);
    if (candidate && /10\.\d{4,9}\//.test(candidate)) return candidate;
  }
  return undefined;
}

/** Periodical, volume and issue from the nested isPartOf chain. */
function container(node: Node): Pick<ExtractedItem, 'containerTitle' | 'volume' | 'issue' | 'issn'> {
  const found: Pick<ExtractedItem, 'containerTitle' | 'volume' | 'issue' | 'issn'> = {};
  let part = node.isPartOf;
  for (let depth = 0; part && depth < 4; depth++) {
    const current = (Array.isArray(part) ? part[0] : part) as Node;
    if (!current || typeof current !== 'object') break;
    const kinds = types(current);
    if (kinds.includes('publicationissue')) found.issue ??= str(current.issueNumber);
    else if (kinds.includes('publicationvolume')) found.volume ??= str(current.volumeNumber);
    else {
      found.containerTitle ??= str(current.name);
      found.issn ??= str(current.issn);
    }
    part = current.isPartOf;
  }
  return found;
}

function isScholarlyNode(node: Node): boolean {
  const kinds = types(node);
  if (kinds.some((kind) => SCHOLARLY_TYPES.has(kind))) return true;
  if (!kinds.includes('article')) return false;
  return doiOf(node) !== undefined || container(node).containerTitle !== undefined;
}

/** schema.org types that name another kind of work than a journal article. */
const CSL_TYPE_OF: Record<string, string> = { thesis: 'thesis', report: 'report', chapter: 'chapter' };

function toItem(node: Node): ExtractedItem {
  const keywords = list(node.keywords).flatMap((k) => (typeof k === 'string' ? k.split(/\s*[;；,，]\s*/) : [str(k) ?? '']));
  return {
    title: str(node.headline) ?? str(node.name),
    authors: list(node.author ?? node.creator).map(personName).filter((name): name is string => Boolean(name)),
    ...container(node),
    date: str(node.datePublished) ?? str(node.dateCreated),
    firstPage: str(node.pageStart),
    lastPage: str(node.pageEnd),
    pages: str(node.pagination),
    doi: doiOf(node),
    abstract: str(node.abstract) ?? str(node.description),
    keywords,
    language: str(node.inLanguage),
    publisher: str(node.publisher),
    url: str(node.url),
    type: types(node).map((kind) => CSL_TYPE_OF[kind]).find(Boolean),
  };
}

/** The scholarly articles the page's JSON-LD describes; broken JSON is skipped. */
export function readJsonLd(doc: Document): ExtractedItem[] {
  const nodes: Node[] = [];
  const scripts = findAll(doc, 'script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const source = scripts[i].textContent ?? '';
    if (source.length > MAX_SCRIPT_LENGTH) continue;
    try {
      nodesOf(JSON.parse(source), nodes);
    } catch {
      // Hand-written JSON-LD is often invalid; the other vocabularies still count.
    }
  }
  return nodes.filter(isScholarlyNode).map(toItem);
}
