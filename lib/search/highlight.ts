/**
 * Marks what a search matched in the text shown to the reader. The index answers with folded
 * terms (a word of the library, or the exact text typed); the text is folded the same way, unit
 * for unit, so a match's offsets are the offsets in the text as stored, whatever its case,
 * width, accents or script. The pieces are rendered as text (never markup).
 */
import { CharClass, classOf, foldText } from './fold';

export interface TextPiece {
  text: string;
  match: boolean;
}

const isWordAt = (folded: string, at: number) => at >= 0 && at < folded.length && classOf(folded.charCodeAt(at)) === CharClass.Word;

function isWordTerm(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (classOf(term.charCodeAt(i)) !== CharClass.Word) return false;
  return term.length > 0;
}

/** Which units of the text a term covers: words as whole words, exact terms wherever they occur. */
function matchMask(folded: string, terms: readonly string[]): Uint8Array {
  const mask = new Uint8Array(folded.length);
  for (const term of terms) {
    if (!term) continue;
    const whole = isWordTerm(term);
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      if (whole && (isWordAt(folded, at - 1) || isWordAt(folded, at + term.length))) continue;
      mask.fill(1, at, at + term.length);
    }
  }
  return mask;
}

function piecesOf(text: string, mask: Uint8Array, from = 0, to = text.length): TextPiece[] {
  const pieces: TextPiece[] = [];
  let start = from;
  for (let i = from + 1; i <= to; i++) {
    if (i === to || mask[i] !== mask[start]) {
      pieces.push({ text: text.slice(start, i), match: mask[start] === 1 });
      start = i;
    }
  }
  return pieces;
}

/** The text in pieces, the matched ones marked. */
export function markMatches(text: string, terms: readonly string[]): TextPiece[] {
  if (!text) return [];
  return piecesOf(text, matchMask(foldText(text), terms));
}

/** Whether the search matched anything in the text. */
export function hasMatch(text: string | undefined, terms: readonly string[]): boolean {
  return Boolean(text) && matchMask(foldText(text!), terms).includes(1);
}

/**
 * A stretch of about `width` characters around the first match, marked, with "…" where the text
 * is cut; undefined when nothing matches.
 */
export function matchExcerpt(text: string, terms: readonly string[], width = 90): TextPiece[] | undefined {
  const mask = matchMask(foldText(text), terms);
  const first = mask.indexOf(1);
  if (first < 0) return undefined;
  const start = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  const end = Math.min(text.length, start + width);
  const pieces = piecesOf(text, mask, start, end);
  if (start > 0) pieces.unshift({ text: '…', match: false });
  if (end < text.length) pieces.push({ text: '…', match: false });
  return pieces;
}
