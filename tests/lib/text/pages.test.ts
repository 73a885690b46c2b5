import { describe, expect, it } from 'vitest';
import { pageOrNumber } from '@/lib/text/pages';
import { article } from '../capture/fixtures';

describe('pageOrNumber', () => {
  it('keeps page ranges and first pages as pages', () => {
    expect(pageOrNumber({ firstPage: '33', lastPage: '47' })).toEqual({ page: '33-47' });
    expect(pageOrNumber({ firstPage: '1234' })).toEqual({ page: '1234' });
    expect(pageOrNumber({ firstPage: 'S12', lastPage: 'S20' })).toEqual({ page: 'S12-S20' });
    expect(pageOrNumber({ firstPage: 'iii', lastPage: 'xv' })).toEqual({ page: 'iii-xv' });
    expect(pageOrNumber({ pages: 'pp. 5～9' })).toEqual({ page: '5-9' });
    expect(pageOrNumber({ pages: '94-98,93' })).toEqual({ page: '94-98,93' });
    expect(pageOrNumber({ pages: '第 24—42 页' })).toEqual({ page: '24-42' });
    // PNAS-like five-digit pages come with their last page.
    expect(pageOrNumber({ firstPage: '10234', lastPage: '10239' })).toEqual({ page: '10234-10239' });
  });

  it('moves article numbers and e-locators to number', () => {
    expect(pageOrNumber({ firstPage: 'e0000001' })).toEqual({ number: 'e0000001' });
    expect(pageOrNumber({ firstPage: 'e1002', lastPage: 'e1002' })).toEqual({ number: 'e1002' });
    expect(pageOrNumber({ firstPage: '102530' })).toEqual({ number: '102530' });
    expect(pageOrNumber({ firstPage: '85883', lastPage: '85883' })).toEqual({ number: '85883' });
    expect(pageOrNumber({ pages: '102530' })).toEqual({ number: '102530' });
  });

  it('reads 781 alone as a page unless the page names it an article number', () => {
    expect(pageOrNumber({ firstPage: '781' })).toEqual({ page: '781' });
    expect(pageOrNumber({ firstPage: '781', number: '781' })).toEqual({ number: '781' });
    expect(pageOrNumber({ number: 'Article 781' })).toEqual({ number: '781' });
    expect(pageOrNumber({ number: 'Article number: 781' })).toEqual({ number: '781' });
    // Both when the page gives both.
    expect(pageOrNumber({ firstPage: '1', lastPage: '12', number: '781' })).toEqual({ page: '1-12', number: '781' });
  });

  it('drops what is neither: identifiers, DOIs, dates, words', () => {
    expect(pageOrNumber({ firstPage: '2020.03.22.002386' })).toEqual({});
    expect(pageOrNumber({ firstPage: '10.1101/2020.03.22.002386' })).toEqual({});
    expect(pageOrNumber({ pages: '2020-03-22' })).toEqual({});
    expect(pageOrNumber({ firstPage: 'online first' })).toEqual({});
    expect(pageOrNumber({ number: '2020.03.22.002386' })).toEqual({});
    expect(pageOrNumber({ lastPage: '47' })).toEqual({});
  });
});

describe('pages and number in the capture normalization', () => {
  it('stores an article number as CSL number, never as page', () => {
    const frontiers = article({ title: 'A long enough title', firstPage: '85883' });
    expect(frontiers.number).toBe('85883');
    expect(frontiers.page).toBeUndefined();
    const biorxiv = article({ title: 'A long enough title', firstPage: '2020.03.22.002386' });
    expect(biorxiv.page).toBeUndefined();
    expect(biorxiv.number).toBeUndefined();
  });

  it('keeps a patent or report number as printed', () => {
    expect(article({ title: 'A long enough title', type: 'standard', number: 'GB/T 7714-2015' }).number).toBe('GB/T 7714-2015');
    expect(article({ title: 'A long enough title', type: 'patent', number: 'CN 112345678 A' }).number).toBe('CN 112345678 A');
  });
});
