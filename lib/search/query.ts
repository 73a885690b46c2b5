import { CharClass, classOf, foldText } from './fold';

/**
 * A search term: a Latin `word` matches words of the library exactly, by prefix, by stem or with
 * a typo; an `exact` term (Chinese, a quoted phrase, "covid-19") matches where its folded text
 * occurs as it is.
 */
export type QueryTerm = { kind: 'word'; text: string } | { kind: 'exact'; text: string };

const MAX_TERMS = 12;

function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && classOf(text.charCodeAt(start)) === CharClass.Separator) start++;
  while (end > start && classOf(text.charCodeAt(end - 1)) === CharClass.Separator) end--;
  return text.slice(start, end);
}

function isWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (classOf(text.charCodeAt(i)) !== CharClass.Word) return false;
  return true;
}

/** The terms of a search text: whitespace separates them, a quoted phrase is one exact term. */
export function parseQuery(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/"([^"]+)"|“([^”]+)”|(\S+)/g)) {
    const quoted = match[1] ?? match[2];
    const folded = trimSeparators(foldText((quoted ?? match[3]).replace(/\s+/g, ' ')));
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    terms.push(quoted === undefined && isWord(folded) ? { kind: 'word', text: folded } : { kind: 'exact', text: folded });
  }
  return terms.slice(0, MAX_TERMS);
}

/** Whether a search text has anything to search for. */
export function isSearching(text: string): boolean {
  return parseQuery(text).length > 0;
}
