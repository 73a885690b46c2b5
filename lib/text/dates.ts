import type { CslDate } from '../model/article';
import { cleanText, foldFullWidth } from './clean';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function validParts(year: number, month?: number, day?: number): [number, number?, number?] | undefined {
  if (!(year >= 1600 && year <= 2200)) return undefined;
  if (month === undefined || !(month >= 1 && month <= 12)) return [year];
  if (day === undefined || !(day >= 1 && day <= 31)) return [year, month];
  return [year, month, day];
}

/**
 * Parses the dates journal pages print ("2018/04/15", "2018-04", "2015 Jun 3", "3 June 2015",
 * "2018年4月15日", "2019") into a CSL date. Undefined when no year can be read.
 */
export function parseDate(text: string | null | undefined): CslDate | undefined {
  if (!text) return undefined;
  const value = foldFullWidth(cleanText(text, 200));
  let m = /(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2}))?)?/.exec(value);
  const named = /(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})|(\d{4})\s+([a-z]{3})[a-z]*\.?(?:\s+(\d{1,2}))?/i.exec(value);
  if (named) {
    const year = Number(named[4] ?? named[5]);
    const month = MONTHS[(named[2] ?? named[6]).toLowerCase()];
    const day = named[1] ?? named[3] ?? named[7];
    if (month) {
      const parts = validParts(year, month, day ? Number(day) : undefined);
      if (parts) return { 'date-parts': [parts] };
    }
  }
  if (!m) return undefined;
  const parts = validParts(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  return parts ? { 'date-parts': [parts] } : undefined;
}
