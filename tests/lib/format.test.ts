import { describe, expect, it, vi } from 'vitest';
import { formatBytes, formatDate, formatIssued, formatList, formatNumber, languageName } from '@/lib/format';

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

/** A spy on an Intl constructor that still makes real formatters: it counts how many are made. */
function countingConstructions(name: 'DateTimeFormat' | 'DisplayNames') {
  const Real = Intl[name] as unknown as new (...args: unknown[]) => object;
  return vi.spyOn(Intl, name).mockImplementation(function (...args: unknown[]) {
    return new Real(...args);
  } as never);
}

describe('format, formatters made once', () => {
  it('makes each language and style its formatter once, and keeps languages and styles apart', () => {
    const made = countingConstructions('DateTimeFormat');
    try {
      const tag = 'en-GB'; // made by no other test in this file
      expect(formatDate(NOON_UTC, tag)).toBe('5 Mar 2024');
      expect(formatDate(NOON_UTC + 86_400_000, tag)).toBe('6 Mar 2024');
      expect(made).toHaveBeenCalledTimes(1);
      expect(formatIssued([2019, 4], tag)).toBe('April 2019');
      expect(formatIssued([2019, 5], tag)).toBe('May 2019');
      expect(formatIssued([2019], tag)).toBe('2019');
      expect(made).toHaveBeenCalledTimes(3);
      expect(formatDate(NOON_UTC, 'zh-TW')).toBe('2024年3月5日');
      expect(made).toHaveBeenCalledTimes(4);
    } finally {
      made.mockRestore();
    }
  });

  it('lists in the language, and sizes keep their units apart', () => {
    expect(formatList(['title', 'authors', 'year'], 'en')).toBe('title, authors, and year');
    expect(formatList(['标题', '作者', '年份'], 'zh-CN')).toBe('标题、作者和年份');
    expect(formatBytes(2048, 'en')).toBe('2 kB');
    expect(formatBytes(3 * 1024 ** 2, 'en')).toBe('3 MB');
    expect(formatBytes(700, 'en')).toBe('700 byte');
  });

  it('names languages in the UI language, one DisplayNames per language, and leaves a code no language has as it is', () => {
    const made = countingConstructions('DisplayNames');
    try {
      expect(languageName('zh', 'en-AU')).toBe('Chinese');
      expect(languageName('en', 'en-AU')).toBe('English');
      expect(languageName('中文', 'en-AU')).toBe('中文');
      expect(made).toHaveBeenCalledTimes(1);
      expect(languageName('en', 'zh-HK')).toBe('英文');
      expect(made).toHaveBeenCalledTimes(2);
    } finally {
      made.mockRestore();
    }
  });
});
