/**
 * Marks a search's terms in a text, for highlighting. Search terms may be CJK words or character
 * bigrams and English word starts (stems, prefixes), so matches are marked per character and
 * touching marks are joined: "基层"+"层干"+"干部" marks "基层干部" once. (The words a similar
 * article shares are marked one by one: lib/ranking/shared-words.ts.)
 * The pieces are rendered as text nodes (never markup), so page text cannot inject anything.
 */
export interface TextPiece {
  text: string;
  match: boolean;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MAX_TERMS = 80;

function usableTerms(terms: readonly string[]): { cjk: string[]; latin: string[] } {
  const cjk = new Set<string>();
  const latin = new Set<string>();
  for (const raw of terms.slice(0, MAX_TERMS)) {
    const term = raw.trim().toLowerCase();
    if (CJK.test(term)) {
      if (term.length >= 2) cjk.add(term); // one character alone says nothing
    } else if (term.length >= 2) latin.add(term);
  }
  return { cjk: [...cjk], latin: [...latin] };
}

function isLatinWordChar(char: string): boolean {
  return WORD_CHAR.test(char) && !CJK.test(char);
}

/** Which characters of the text belong to a shared term. */
function matchMask(text: string, terms: readonly string[]): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const lower = text.toLowerCase();
  const { cjk, latin } = usableTerms(terms);
  for (const term of cjk) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) mask.fill(true, at, at + term.length);
  }
  if (latin.length) {
    // A Latin term marks the rest of the word it starts (stems: "regul" marks "regulation").
    for (let start = 0; start < lower.length; start++) {
      if (!isLatinWordChar(lower[start]) || (start > 0 && isLatinWordChar(lower[start - 1]))) continue;
      let end = start;
      while (end < lower.length && isLatinWordChar(lower[end])) end++;
      const word = lower.slice(start, end);
      if (latin.some((term) => word.startsWith(term))) mask.fill(true, start, end);
      start = end;
    }
  }
  return mask;
}

export function highlightPieces(text: string, terms: readonly string[]): TextPiece[] {
  if (!text) return [];
  const mask = matchMask(text, terms);
  const pieces: TextPiece[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || mask[i] !== mask[start]) {
      pieces.push({ text: text.slice(start, i), match: mask[start] });
      start = i;
    }
  }
  return pieces;
}
