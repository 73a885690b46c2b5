import type { CslDate } from '../model/article';
import { cleanText, foldFullWidth } from './clean';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "3 June 2015", "June 3, 2015", "March, 2019" */
const DAY_MONTH_YEAR = new RegExp(`(?:\\b(\\d{1,2})\\s+)?\\b${MONTH},?\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:1[6-9]|2[0-2])\\d{2})\\b`, 'i');
/** "2015 Jun 3", "2015 Mar 12;56:120-31" (PubMed) */
const YEAR_MONTH_DAY = new RegExp(`\\b((?:1[6-9]|2[0-2])\\d{2})\\s+${MONTH}(?:\\s+(\\d{1,2})\\b)?`, 'i');
/** "2018/04/15", "2018-04", "2018.4", "2018年4月15日", "2019" */
const NUMERIC = /(?<!\d)((?:1[6-9]|2[0-2])\d{2})(?!\d)\s*(?:[-/.年]\s*(\d{1,2})(?!\d)\s*(?:[-/.月]\s*(\d{1,2})(?!\d))?)?/;
/**
 * Year last: "15.04.2018" (dots: day first, as European pages print it), "06/01/2015" (slashes:
 * month first, as US pages and PubMed's citation_date print it, unless the first number
 * cannot be a month).
 */
const YEAR_LAST = /(?<!\d)(\d{1,2})([/.])(\d{1,2})[/.]((?:1[6-9]|2[0-2])\d{2})(?!\d)/;

function validParts(year: number, month?: number, day?: number): [number, number?, number?] | undefined {
  if (!(year >= 1600 && year <= 2200)) return undefined;
  if (month === undefined || !(month >= 1 && month <= 12)) return [year];
  if (day === undefined || !(day >= 1 && day <= 31)) return [year, month];
  return [year, month, day];
}

function fromNamed(value: string): [number, number?, number?] | undefined {
  const dmy = DAY_MONTH_YEAR.exec(value);
  const ymd = YEAR_MONTH_DAY.exec(value);
  // The earlier match in the text is the date the page means ("2015 Mar 12" before "Epub 2015 Apr").
  const useYmd = ymd && (!dmy || ymd.index <= dmy.index);
  if (useYmd) return validParts(Number(ymd[1]), MONTHS[ymd[2].toLowerCase()], ymd[3] ? Number(ymd[3]) : undefined);
  if (dmy) {
    const day = dmy[1] ?? dmy[3];
    return validParts(Number(dmy[4]), MONTHS[dmy[2].toLowerCase()], day ? Number(day) : undefined);
  }
  return undefined;
}

/**
 * Parses the dates journal pages print ("2018/04/15", "2018-04", "2015 Jun 3", "3 June 2015",
 * "Submitted 5 March, 2019", "2018年4月15日", "15.04.2018", "06/01/2015", "2019") into a CSL date.
 * Undefined when no year can be read.
 */
export function parseDate(text: string | null | undefined): CslDate | undefined {
  if (!text) return undefined;
  const value = foldFullWidth(cleanText(text, 200));
  const named = fromNamed(value);
  const numeric = NUMERIC.exec(value);
  const yearLast = YEAR_LAST.exec(value);
  let parts: [number, number?, number?] | undefined;
  if (named && (!numeric || (named.length > 1 && !numeric[2]))) parts = named;
  else if (yearLast && (!numeric || yearLast.index < numeric.index)) {
    const [first, second] = [Number(yearLast[1]), Number(yearLast[3])];
    const dayFirst = yearLast[2] === '.' || first > 12;
    parts = validParts(Number(yearLast[4]), dayFirst ? second : first, dayFirst ? first : second);
  } else if (numeric) {
    parts = validParts(Number(numeric[1]), numeric[2] ? Number(numeric[2]) : undefined, numeric[3] ? Number(numeric[3]) : undefined);
  }
  return parts ? { 'date-parts': [parts] } : undefined;
}
