/** Dates, numbers and sizes in the UI language (a BCP 47 tag such as "en" or "zh-CN"). */

export function formatDate(timestamp: number, tag: string): string {
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric' }).format(timestamp);
}

export function formatDateTime(timestamp: number, tag: string): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

export function formatNumber(value: number, tag: string): string {
  return new Intl.NumberFormat(tag).format(value);
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
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A CSL date (year, optional month and day) as precise as it is, in the UI language. */
export function formatIssued(parts: [number, number?, number?] | undefined, tag: string): string | undefined {
  if (!parts) return undefined;
  const [year, month, day] = parts;
  if (!Number.isFinite(year)) return undefined;
  // Noon UTC keeps the calendar day in every time zone.
  const date = Date.UTC(year, (month ?? 1) - 1, day ?? 1, 12);
  const options: Intl.DateTimeFormatOptions =
    month === undefined ? { year: 'numeric' } : day === undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(date);
}
