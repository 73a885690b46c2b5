import type { ExtractedItem } from '../../model/article';
import { findAll, hostIs } from '../dom';
import type { Extractor } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * IEEE Xplore document pages (/document/ARNUMBER). The page is drawn by scripts from one JSON
 * object the server writes into a script, `xplGlobal.document.metadata={...};`: title, authors
 * (firstName, lastName), abstract, DOI, publication title, volume, issue, pages, dates, author
 * and IEEE keywords, the kind of publication (isJournal, isConference, isChapter, isStandard)
 * and the article number. The page has no citation_* tags.
 */
const MARKER = 'xplGlobal.document.metadata';
/** The object is a few hundred kilobytes at most; anything larger is not IEEE's. */
const MAX_JSON_CHARS = 4_000_000;

/** The JSON object after `marker=`, by matching braces outside strings; undefined if cut short. */
export function objectAfter(source: string, marker: string): string | undefined {
  const at = source.indexOf(marker);
  if (at < 0) return undefined;
  const start = source.indexOf('{', at + marker.length);
  if (start < 0 || !/^\s*=\s*$/.test(source.slice(at + marker.length, start))) return undefined;
  let depth = 0;
  let inString = false;
  const end = Math.min(source.length, start + MAX_JSON_CHARS);
  for (let i = start; i < end; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  return undefined;
}

type Json = Record<string, unknown>;

function readMetadata(doc: Document): Json | undefined {
  for (const script of findAll(doc, 'script')) {
    const source = script.textContent ?? '';
    if (!source.includes(MARKER)) continue;
    const json = objectAfter(source, MARKER);
    if (!json) return undefined;
    try {
      const data: unknown = JSON.parse(json);
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Json) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;
}

/** IEEE writes inline formulas and emphasis as markup inside the JSON strings: text only. */
function plain(value: unknown): string | undefined {
  return str(value)?.replace(/<[^>]*>/g, '');
}

function authorsOf(data: Json): string[] {
  if (!Array.isArray(data.authors)) return [];
  return data.authors
    .map((author) => {
      if (!author || typeof author !== 'object') return undefined;
      const { firstName, lastName, name } = author as Json;
      const full = [str(firstName), str(lastName)].filter(Boolean).join(' ');
      return full || str(name);
    })
    .filter((name): name is string => Boolean(name));
}

/** Author keywords where the authors gave them, IEEE's index terms otherwise. */
function keywordsOf(data: Json): string[] {
  if (!Array.isArray(data.keywords)) return [];
  const groups = data.keywords.filter((group): group is Json => Boolean(group) && typeof group === 'object');
  const pick = groups.find((group) => /author/i.test(str(group.type) ?? '')) ?? groups.find((group) => /ieee/i.test(str(group.type) ?? ''));
  return Array.isArray(pick?.kwd) ? pick.kwd.map(plain).filter((kwd): kwd is string => Boolean(kwd)) : [];
}

function typeOf(data: Json): string | undefined {
  if (data.isConference === true) return 'paper-conference';
  if (data.isStandard === true) return 'standard';
  if (data.isChapter === true) return 'chapter';
  if (data.isBook === true || data.isBookWithoutChapters === true) return 'book';
  if (data.isJournal === true) return 'article-journal';
  return undefined;
}

function documentUrl(arnumber: string): string {
  return `https://ieeexplore.ieee.org/document/${arnumber}/`;
}

function fromMetadata(data: Json): ExtractedItem {
  const arnumber = str(data.articleNumber) ?? str(data.articleId);
  const issn = Array.isArray(data.issn) ? str((data.issn.find((entry) => entry && typeof entry === 'object') as Json | undefined)?.value) : undefined;
  return {
    title: plain(data.formulaStrippedArticleTitle) ?? plain(data.title) ?? plain(data.displayDocTitle),
    authors: authorsOf(data),
    abstract: plain(data.abstract),
    doi: str(data.doi),
    containerTitle: plain(data.displayPublicationTitle) ?? plain(data.publicationTitle),
    volume: str(data.volume),
    issue: str(data.issue),
    firstPage: str(data.startPage),
    lastPage: str(data.endPage),
    date: str(data.publicationDate) ?? str(data.displayPublicationDate) ?? str(data.publicationYear),
    keywords: keywordsOf(data),
    publisher: str(data.publisher),
    issn,
    type: typeOf(data),
    platformId: arnumber,
    url: arnumber ? documentUrl(arnumber) : undefined,
  };
}

export const ieeeXplore: Extractor = {
  id: 'ieee',
  hosts: ['ieeexplore.ieee.org'],
  seenOn: ['https://ieeexplore.ieee.org/document/9056993/'],

  canExtract(doc, url) {
    if (hostIs(url, 'ieeexplore.ieee.org')) return /^\/(?:abstract\/)?document\/\d+/.test(url.pathname);
    // Copies served elsewhere: the page's own data script.
    return findAll(doc, 'script').some((script) => (script.textContent ?? '').includes(MARKER));
  },

  kind() {
    return 'article';
  },

  extract(doc, url) {
    const data = readMetadata(doc);
    const item = withEmbeddedMetadata(doc, url, data ? fromMetadata(data) : {});
    return item.title || item.abstract || item.doi ? [item] : [];
  },
};
