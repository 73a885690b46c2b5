import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatIssued, formatNumber } from '@/lib/format';

const NOON_UTC = Date.UTC(2024, 2, 5, 12);

describe('format', () => {
  it('formats dates per language', () => {
    expect(formatDate(NOON_UTC, 'en')).toBe('Mar 5, 2024');
    expect(formatDate(NOON_UTC, 'zh-CN')).toBe('2024年3月5日');
  });

  it('formats numbers with the language grouping', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
  });

  it('formats sizes in the largest fitting unit', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
    expect(formatBytes(-1, 'en')).toBe('0 byte');
  });

  it('formats a publication date as precisely as it is known', () => {
    expect(formatIssued([2019], 'en')).toBe('2019');
    expect(formatIssued([2019, 4], 'en')).toBe('April 2019');
    expect(formatIssued([2019, 4, 15], 'zh-CN')).toBe('2019年4月15日');
    expect(formatIssued(undefined, 'en')).toBeUndefined();
  });
});
