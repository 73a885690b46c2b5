import type { CslName } from '../model/article';
import { cleanText, hasCjk } from './clean';

/**
 * Lower-case particles that belong to the family name ("Geert van Loo", "Ludwig von Mises",
 * "Jean de la Fontaine"), and capitalised ones that start a Dutch/Flemish family name
 * ("Lieselotte Vande Walle", "Nina Van Opdenbosch").
 */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ter', 'ten', 'zu', 'op', "d'", 'al', 'el', 'bin', 'ibn']);
const CAPITALISED_PARTICLES = new Set(['Van', 'Vande', 'Vanden', 'Vander', 'Von', 'De', 'Del', 'Della', 'Di', 'Da', 'Du', 'Le', 'La', 'Ter', 'Ten', 'Op']);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
/** "DJ", "R", "J-P": the initials PubMed prints after the family name. */
const INITIALS = /^[A-Z](?:[A-Z]{0,3}|-[A-Z])$/;

function initialsAsGiven(initials: string): string {
  return initials.includes('-') ? initials.split('-').map((c) => `${c}.`).join('-') : [...initials].map((c) => `${c}.`).join(' ');
}

/** Family name = last word plus the particles before it; the rest is the given name. */
function splitGivenFamily(words: string[]): CslName {
  let start = words.length - 1;
  // Lower-case particles, possibly several: "Jean de la Fontaine", "Geert van Loo".
  while (start > 1 && PARTICLES.has(words[start - 1])) start--;
  // One capitalised Flemish/Dutch particle right before the last word: "Lieselotte Vande Walle".
  if (start === words.length - 1 && start > 1 && CAPITALISED_PARTICLES.has(words[start - 1])) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/**
 * A personal name as printed on a page, as a CSL name. Chinese names stay whole (`literal`):
 * splitting 欧阳修 into family/given needs knowledge a page does not give. Latin names printed
 * "Family, Given", "Family Initials" (PubMed: "Powell DJ") or "Given Family" are split, keeping
 * particles with the family name.
 */
export function parseName(printed: string): CslName | undefined {
  const name = cleanText(printed, 300)
    .replace(/[\d*†‡§¶#]+$/u, '') // affiliation marks such as "Wang Li1,2*"
    .replace(/[,;，；、\s]+$/u, '')
    .replace(/[\d*†‡§¶#]+$/u, '')
    .trim();
  if (!name) return undefined;
  if (hasCjk(name)) return { literal: name.replace(/\s+/g, '') };
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    if (!given) return { literal: family };
    if (SUFFIX.test(given)) return parseName(family);
    return { family, given };
  }
  const words = name.split(' ').filter((word) => !SUFFIX.test(word));
  if (words.length <= 1) return { literal: name };
  const last = words[words.length - 1];
  if (INITIALS.test(last) && !INITIALS.test(words[0])) {
    return { family: words.slice(0, -1).join(' '), given: initialsAsGiven(last) };
  }
  return splitGivenFamily(words);
}

/** Splits an author line ("刘杰，李秀英，王超娜" or "Smith J; Doe A") into names. */
export function splitAuthorLine(line: string): string[] {
  const text = cleanText(line, 5000);
  if (!text) return [];
  const separator = hasCjk(text)
    ? /[,，;；、\s]+/
    : /[;；]/.test(text)
      ? /\s*[;；]\s*/ // "Smith, John; Doe, Jane": commas belong to the names
      : /\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*/;
  return text
    .split(separator)
    .map((s) => s.trim().replace(/^(?:and|et al\.?|等)$/i, ''))
    .filter(Boolean);
}

export function displayName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.given, name.family].filter(Boolean).join(' ');
}
