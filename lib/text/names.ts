import type { CslName } from '../model/article';
import { cleanText, hasCjk } from './clean';

/**
 * A personal name as printed on a page, as a CSL name. Chinese names stay whole (`literal`):
 * splitting 欧阳修 into family/given needs knowledge a page does not give. Latin names printed
 * "Family, Given" or "Given Family" are split on the last space.
 */
export function parseName(printed: string): CslName | undefined {
  const name = cleanText(printed, 300)
    .replace(/[\d*†‡§¶#,;，；、\s]+$/u, '') // affiliation marks such as "Wang Li1,2*"
    .trim();
  if (!name) return undefined;
  if (hasCjk(name)) return { literal: name.replace(/\s+/g, '') };
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const space = name.lastIndexOf(' ');
  if (space <= 0) return { literal: name };
  return { family: name.slice(space + 1), given: name.slice(0, space) };
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
  return text.split(separator).map((s) => s.trim()).filter(Boolean);
}

export function displayName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.given, name.family].filter(Boolean).join(' ');
}
