/** Dates, numbers, sizes, lists and language names in the UI language (a BCP 47 tag such as "en" or "zh-CN"). */

const formatters = new Map<string, object>();

/**
 * The formatter made for this language and style, made on first use: making one takes about
 * 0.1 ms, and list rows ask for them one by one (the library page's first 100 rows spent 8-11 ms
 * making date formats). The keys are the UI's languages times a few styles.
 */
function formatter<T extends object>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

export function formatDate(timestamp: number, tag: string): string {
  return formatter(`date ${tag}`, () => new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric' })).format(timestamp);
}

export function formatDateTime(timestamp: number, tag: string): string {
  return formatter(`dateTime ${tag}`, () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })).format(timestamp);
}

export function formatNumber(value: number, tag: string): string {
  return formatter(`number ${tag}`, () => new Intl.NumberFormat(tag)).format(value);
}

/** A language code ("zh", "en") named in the UI language; a code no language has (scraped text) as it is. */
export function languageName(code: string, tag: string): string {
  try {
    return formatter(`language ${tag}`, () => new Intl.DisplayNames(tag, { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "title, authors and year", "标题、作者和年份". */
export function formatList(items: string[], tag: string): string {
  return formatter(`list ${tag}`, () => new Intl.ListFormat(tag, { type: 'conjunction' })).format(items);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in bytes in the largest unit that keeps it at 1 or more (1024-based, as browsers report). */
export function formatBytes(bytes: number, tag: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const units = BYTE_UNITS[unit];
  return formatter(`bytes ${units} ${tag}`, () =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: units, unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }),
  ).format(value);
}

const ISSUED_STYLES: Record<'year' | 'month' | 'day', Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
};

/** A CSL date (year, optional month and day) as precise as it is, in the UI language. */
export function formatIssued(parts: [number, number?, number?] | undefined, tag: string): string | undefined {
  if (!parts) return undefined;
  const [year, month, day] = parts;
  if (!Number.isFinite(year)) return undefined;
  // Noon UTC keeps the calendar day in every time zone.
  const date = Date.UTC(year, (month ?? 1) - 1, day ?? 1, 12);
  const precision = month === undefined ? 'year' : day === undefined ? 'month' : 'day';
  return formatter(`issued ${precision} ${tag}`, () => new Intl.DateTimeFormat(tag, { ...ISSUED_STYLES[precision], timeZone: 'UTC' })).format(date);
}
