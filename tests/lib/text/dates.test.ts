import { describe, expect, it } from 'vitest';
import { parseDate } from '@/lib/text/dates';

const parts = (text: string) => parseDate(text)?.['date-parts']?.[0];

describe('parseDate', () => {
  it('reads numeric dates in the forms journal pages print', () => {
    expect(parts('2018/04/15')).toEqual([2018, 4, 15]);
    expect(parts('2018-04')).toEqual([2018, 4]);
    expect(parts('2026-06-24 09:14')).toEqual([2026, 6, 24]);
    expect(parts('2014-06-29T10:00:00Z')).toEqual([2014, 6, 29]);
    expect(parts('2018年4月15日')).toEqual([2018, 4, 15]);
    expect(parts('2019')).toEqual([2019]);
    expect(parts('15.04.2018')).toEqual([2018, 4, 15]);
    expect(parts('06/01/2015')).toEqual([2015, 6, 1]);
    expect(parts('15/04/2018')).toEqual([2018, 4, 15]);
  });

  it('reads month names before or after the year', () => {
    expect(parts('2015 Jun 3')).toEqual([2015, 6, 3]);
    expect(parts('3 June 2015')).toEqual([2015, 6, 3]);
    expect(parts('June 3, 2015')).toEqual([2015, 6, 3]);
    expect(parts('Submitted 5 March, 2019; originally announced March 2019.')).toEqual([2019, 3, 5]);
    expect(parts('[v1] Thu, 7 Feb 2019 09:30:00 UTC (1,234 KB)')).toEqual([2019, 2, 7]);
  });

  it('takes the month of a PubMed citation line, not a word that looks like one', () => {
    expect(parts('Psychoneuroendocrinology. 2015 Mar 12;56:120-131.')).toEqual([2015, 3, 12]);
    expect(parts('Marine Policy. 2020 Dec;122:104')).toEqual([2020, 12]);
  });

  it('reads a bare year out of an issue line, and nothing out of text without a plausible year', () => {
    expect(parts('2023,44(5):1-10')).toEqual([2023]);
    expect(parseDate('sometime')).toBeUndefined();
    expect(parseDate('page 12345')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
  });

  it('drops an impossible month or day rather than the whole date', () => {
    expect(parts('2018-13-40')).toEqual([2018]);
    expect(parts('2018-02-45')).toEqual([2018, 2]);
  });
});
