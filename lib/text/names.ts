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
 * How a page prints Latin names when nothing in the name itself tells: Chinese platforms print
 * them family name first in Chinese records ("Shcheretskiy Volodymyr" on CNKI) and as the English
 * journal does in English ones; aggregators such as Baidu Scholar mix sources, so there the order
 * cannot be told.
 */
export type NameOrder = 'family-first' | 'given-first' | 'unknown';

/** Chinese platforms print Latin names family name first in Chinese records; `others` elsewhere. */
export function recordNameOrder(title: string | undefined, others: NameOrder): NameOrder {
  return title && hasCjk(title) ? 'family-first' : others;
}

export function isNameOrder(value: unknown): value is NameOrder {
  return value === 'family-first' || value === 'given-first' || value === 'unknown';
}

/**
 * Common Chinese family names in pinyin. On Chinese platforms a two-part name with exactly one
 * of these ("Yi-feng Wang", "Wang Yifeng") has its family name there, whatever the page's order.
 */
const PINYIN_SURNAMES = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang ' +
    'han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng su wei lv lu ding ren shen yao ' +
    'jin fu zhong cui tan liao fan wan xiong qiu qin shi kong bai hou meng long duan lei qian yin yi chang ' +
    'wen qiao jia mao hao gu xia shao kang niu yan mo ji hong zou xue guan gong fang geng qi lai zhai nie ni ' +
    'mei sheng tong xing bao ke zhan yun lan rong bi ou ouyang situ zhuge sima shangguan xiahou dongfang'
  ).split(' '),
);

/** "Y", "L.F.", "M.K", "J.-P.", "DJ": initials, which are always the given name. */
const INITIALS_TOKEN = /^(?:[A-Z]\.?-?){1,3}$/;
/** "GARDNER", "XUE", "MOSS-MORRIS": Chinese journals print family names in capitals. */
const CAPITALS_TOKEN = /^[A-Z][A-Z'-]*[A-Z]$/;

function isInitials(word: string): boolean {
  // Capitals without a vowel ("DJ") are initials; with one ("XUE", "LI") they are a family name.
  return INITIALS_TOKEN.test(word) && (word.length === 1 || /[.-]/.test(word) || !/[AEIOU]/.test(word));
}

function isCapitalised(word: string): boolean {
  return CAPITALS_TOKEN.test(word) && !isInitials(word);
}

function familyAt(words: string[], start: number, end: number): CslName {
  const given = [...words.slice(0, start), ...words.slice(end)].join(' ');
  const family = words.slice(start, end).join(' ');
  return given ? { family, given } : { literal: family };
}

/**
 * A Latin name printed on a Chinese platform. What the name shows decides first: initials are the
 * given name ("Y LeCun", "L.F.Shampine"), capitals the family name ("GARDNER Leroy", "Chengpeng
 * XUE"), and a common pinyin family name at one end is the family name ("liqing Wang"). Only then
 * the page's order: family first, given first, or, where it cannot be told, the name kept whole.
 */
function parseChinesePlatformName(words: string[], name: string, order: NameOrder): CslName {
  if (words.length === 1) {
    // "L.F.Shampine": initials glued to the family name.
    const glued = /^((?:[A-Z]\.-?)+)([A-Z][\p{L}'-]+)$/u.exec(name);
    return glued ? { family: glued[2], given: glued[1] } : { literal: name };
  }
  const initials = words.map(isInitials);
  if (initials.every(Boolean)) return { literal: name };
  if (initials[0] && !initials[words.length - 1]) return familyAt(words, initials.lastIndexOf(true) + 1, words.length);
  if (initials[words.length - 1] && !initials[0]) return familyAt(words, 0, initials.indexOf(true));

  const capitals = words.map(isCapitalised);
  const firstCapital = capitals.indexOf(true);
  if (firstCapital >= 0 && !capitals.every(Boolean)) {
    const lastCapital = capitals.lastIndexOf(true);
    if (firstCapital === 0 || lastCapital === words.length - 1) return familyAt(words, firstCapital, lastCapital + 1);
  }

  const surnames = words.map((word) => PINYIN_SURNAMES.has(word.toLowerCase()));
  if (surnames.filter(Boolean).length === 1) {
    if (surnames[0]) return familyAt(words, 0, 1);
    if (surnames[words.length - 1]) return familyAt(words, words.length - 1, words.length);
  }

  if (order === 'family-first') return familyAt(words, 0, 1);
  if (order === 'given-first') return splitGivenFamily(words);
  return { literal: name };
}

/**
 * A personal name as printed on a page, as a CSL name. Chinese names stay whole (`literal`):
 * splitting 欧阳修 into family/given needs knowledge a page does not give. Latin names printed
 * "Family, Given", "Family Initials" (PubMed: "Powell DJ") or "Given Family" are split, keeping
 * particles with the family name. With an `order`, the name was printed on a Chinese platform and
 * is read by that platform's conventions (see `parseChinesePlatformName`).
 */
/** Digits, footnote symbols and Unicode superscripts (digits and letters) at the end of a printed name. */
const AFFILIATION_MARKS = /[\d*†‡§¶#\u00b2\u00b3\u00b9\u2070-\u207f\u1d43-\u1d5b\u1d9c-\u1dbf\u02b0-\u02b8\u02e1-\u02e3]+$/u;

export function parseName(printed: string, order?: NameOrder): CslName | undefined {
  const name = cleanText(printed, 300)
    .replace(AFFILIATION_MARKS, '') // affiliation marks such as "Wang Li1,2*", or "Li¹" from <sup>1</sup>
    .replace(/[,;，；、\s]+$/u, '')
    .replace(AFFILIATION_MARKS, '')
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
  if (order) return parseChinesePlatformName(words, name, order);
  if (words.length <= 1) return { literal: name };
  const last = words[words.length - 1];
  if (INITIALS.test(last) && !INITIALS.test(words[0])) {
    return { family: words.slice(0, -1).join(' '), given: initialsAsGiven(last) };
  }
  return splitGivenFamily(words);
}

/**
 * The names of one record. With an order (a Chinese platform), the names whose order shows (by
 * initials, capitals, a pinyin family name or a comma) tell how this record prints the others:
 * "Zhang Wei" beside "Li Na" is family name first, beside "Kai Yu" given name first.
 */
export function parseNames(printed: readonly string[], order?: NameOrder): CslName[] {
  let recordOrder = order;
  if (order) {
    let familyFirst = 0;
    let givenFirst = 0;
    for (const name of printed) {
      const shown = parseName(name, 'unknown');
      if (!shown?.family) continue;
      if (cleanText(name, 300).startsWith(shown.family)) familyFirst++;
      else givenFirst++;
    }
    if (familyFirst !== givenFirst) recordOrder = familyFirst > givenFirst ? 'family-first' : 'given-first';
  }
  return printed.map((name) => parseName(name, recordOrder)).filter((name) => name !== undefined);
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
