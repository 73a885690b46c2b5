/** Text cleaning shared by extractors, dedupe and ranking. Pure string functions. */
import { hashHex } from './hash';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  times: '×',
  copy: '©',
  reg: '®',
};

/** Decodes HTML entities left in text (double-encoded pages, meta tag values). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

// Control characters (except tab/newline, folded as whitespace) and lone surrogates.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\ufeff]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Entities decoded, control characters and broken UTF-16 removed, whitespace collapsed. */
export function cleanText(text: string | null | undefined, maxLength = 20_000): string {
  if (!text) return '';
  const clipped = text.length > maxLength * 2 ? text.slice(0, maxLength * 2) : text;
  const cleaned = decodeEntities(clipped)
    .replace(CONTROL_CHARS, '')
    .replace(LONE_SURROGATES, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
  return cleaned.length > maxLength ? cleaned.slice(0, maxLength).trimEnd() : cleaned;
}

/** Full-width ASCII (Ａ１．／：) to half-width; the ideographic space to a space. */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const LEADING_LABEL =
  /^\s*(?:【\s*)?(?:摘\s*要|内容摘要|中文摘要|关键词|关\s*键\s*字|关键字|(?:abstract|summary|keywords?|key\s+words)\b)\s*(?:】\s*)?[:：.．]?\s*/i;

/** Strips a leading "摘要:", "Abstract", "关键词：" label from a field. */
export function stripFieldLabel(text: string): string {
  return text.replace(LEADING_LABEL, '');
}

/** A DOI as it appears in text: it ends at whitespace or at what HTML and prose put around it. */
const DOI_PATTERN = /10\.\d{4,9}(?:\.\d+)*\/[^\s<>]+/;

/**
 * Characters no registered DOI carries (Crossref's and DataCite's suffixes are printable, and in
 * practice never hold these), but which formats read as syntax: braces and backslash (BibTeX),
 * "@" (a new BibTeX entry), quotes and backticks, control and invisible format characters. A DOI
 * holding one is refused whole, never cut short: a cut DOI would name another article.
 */
const NOT_IN_DOIS = /[{}\\@"'`\p{Cc}\p{Cf}]/u;

/**
 * A DOI in its canonical form: no "doi:" or resolver prefix, half-width, lower-case (DOIs are
 * case-insensitive), trailing punctuation removed, only the registered character set (see
 * NOT_IN_DOIS). Empty when the text holds no DOI or a DOI with characters no DOI has.
 */
export function normalizeDoi(text: string | null | undefined): string {
  if (!text) return '';
  let value = foldFullWidth(cleanText(text, 1000));
  try {
    if (/%2f/i.test(value)) value = decodeURIComponent(value);
  } catch {
    // A malformed escape is left as it is; the pattern below still finds the DOI.
  }
  const match = DOI_PATTERN.exec(value);
  if (!match) return '';
  const doi = trimTrailingPunctuation(match[0]);
  return NOT_IN_DOIS.test(doi) ? '' : doi.toLowerCase();
}

/** Drops sentence punctuation and closing quotes after a DOI; a closing parenthesis stays when the DOI opened it. */
function trimTrailingPunctuation(doi: string): string {
  const trailing = /[.,;:\]}。，；"'”’」』]+$/;
  let value = doi.replace(trailing, '');
  while (value.endsWith(')') && value.split('(').length <= value.split(')').length - 1) {
    value = value.slice(0, -1).replace(trailing, '');
  }
  return value;
}

/** Finds the first DOI in free text (a "DOI: ..." line, a doi.org link). */
export function findDoi(text: string | null | undefined): string {
  return normalizeDoi(text);
}

/** The DOI a doi.org link names: its path only (a query holds other parameters, not the DOI). */
export function doiOfLink(href: string | null | undefined): string {
  try {
    return findDoi(decodeURIComponent(new URL(href ?? '').pathname));
  } catch {
    return '';
  }
}

/** How much of a text detectLanguage reads. */
export const LANGUAGE_SAMPLE = 2000;

/** CJK Unified Ideographs with Extension A, and the compatibility ideographs: what "Chinese text" means here. */
const isCjkUnit = (unit: number) => (unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff);
// ASCII letters: setting bit 5 folds upper case onto lower.
const isLatinUnit = (unit: number) => (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a;

/**
 * "zh" when CJK ideographs make up a fair share of the letters, "en" for Latin text, else "".
 * Counted char by char: two global regex matches made an array of up to 2,000 one-letter strings
 * an article, a fifth of converting an imported article.
 */
export function detectLanguage(text: string): string {
  let cjk = 0;
  let latin = 0;
  for (let i = 0, end = Math.min(text.length, LANGUAGE_SAMPLE); i < end; i++) {
    const unit = text.charCodeAt(i);
    if (isCjkUnit(unit)) cjk++;
    else if (isLatinUnit(unit)) latin++;
  }
  if (cjk === 0 && latin === 0) return '';
  // One ideograph carries about as much as a short word: weigh them accordingly.
  return cjk * 3 >= latin ? 'zh' : 'en';
}

export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCjkUnit(text.charCodeAt(i))) return true;
  return false;
}

/** The letters and digits of a text, folded (width, case, punctuation and spacing removed): what identity keys compare. */
export function identityLetters(text: string | null | undefined, maxLength?: number): string {
  return foldFullWidth(cleanText(text, maxLength)).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A title reduced for identity: case, width, punctuation and spacing removed. */
export function titleKey(title: string | null | undefined): string {
  if (!title) return '';
  const key = identityLetters(title, 2000);
  // Very short titles ("Editorial", "前言") say nothing about identity.
  return key.length >= 6 ? key : '';
}

/**
 * A fingerprint of an abstract: FNV-1a over its letters and digits, so that the same abstract
 * with different spacing, punctuation or width (as the seed's duplicate pair) matches.
 */
export function abstractFingerprint(abstract: string | null | undefined): string {
  if (!abstract) return '';
  const letters = identityLetters(abstract);
  return letters.length < 40 ? '' : hashHex(letters);
}
