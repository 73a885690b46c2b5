/**
 * Splits text into plain and matched pieces for highlighting the terms two articles share.
 * The pieces are rendered as text nodes (never markup), so page text cannot inject anything.
 */
export interface TextPiece {
  text: string;
  match: boolean;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for ranking terms: CJK terms match as written; Latin terms match at a word start and
 * run to the end of the word, so that a stemmed term ("regul") marks "regulation".
 */
function termPattern(terms: readonly string[]): RegExp | undefined {
  const parts = [...new Set(terms.map((term) => term.trim().toLowerCase()).filter((term) => term.length > 0))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 60)
    .map((term) => (CJK.test(term) ? escapeRegExp(term) : `(?<![\\p{L}\\p{N}])${escapeRegExp(term)}[\\p{L}\\p{N}]*`));
  return parts.length ? new RegExp(parts.join('|'), 'giu') : undefined;
}

export function highlightPieces(text: string, terms: readonly string[]): TextPiece[] {
  const pattern = termPattern(terms);
  if (!pattern || !text) return text ? [{ text, match: false }] : [];
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (found[0].length === 0) continue;
    if (start > last) pieces.push({ text: text.slice(last, start), match: false });
    pieces.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), match: false });
  return pieces;
}
