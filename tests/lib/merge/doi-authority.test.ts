import { describe, expect, it } from 'vitest';
import { isKnownJournalHost } from '@/lib/hosts';
import { LISTING_PLATFORMS, PUBLISHER_HOSTS, speaksForDoi } from '@/lib/merge';

const record = (DOI: string | undefined, platform = 'meta', ids: string[] = []) => ({ DOI, platform, ids });

describe('which pages speak for a DOI', () => {
  it('the publisher of the prefix, over https, for its own prefixes only', () => {
    expect(speaksForDoi('https://www.nature.com/articles/s41586-021-03819-2', record('10.1038/s41586-021-03819-2'))).toBe(true);
    expect(speaksForDoi('https://link.springer.com/article/10.1007/x', record('10.1007/x'))).toBe(true);
    expect(speaksForDoi('http://www.nature.com/articles/s41586-021-03819-2', record('10.1038/s41586-021-03819-2'))).toBe(false);
    expect(speaksForDoi('https://www.nature.com/articles/x', record('10.1016/j.cell.2021.01.001'))).toBe(false);
    expect(speaksForDoi('https://nature.com.evil.example/articles/x', record('10.1038/x'))).toBe(false);
    expect(speaksForDoi('https://www.nature.com/articles/x', record(undefined))).toBe(false);
  });

  it('doi.org for any DOI; a listing platform only on its hosts and with its own id for the article', () => {
    expect(speaksForDoi('https://doi.org/10.13000/j.cnki.sample.2018.04.002', record('10.13000/j.cnki.sample.2018.04.002', 'doi'))).toBe(true);
    expect(speaksForDoi('https://kns.cnki.net/kcms2/article/abstract?v=1', record('10.13000/x', 'cnki', ['cnki:ZGXZ201804002']))).toBe(true);
    expect(speaksForDoi('https://kns.cnki.net/kcms2/article/abstract?v=1', record('10.13000/x', 'cnki', ['url:https://kns.cnki.net/x']))).toBe(false);
    expect(speaksForDoi('https://evil.cnjournals.com/cnki', record('10.13000/x', 'cnki', ['cnki:ZGXZ201804002']))).toBe(false);
    expect(speaksForDoi('not a url', record('10.13000/x', 'doi'))).toBe(false);
  });

  it('keys publishers by DOI prefix, and names listing platforms Simlit captures by default', () => {
    for (const [prefix, hosts] of Object.entries(PUBLISHER_HOSTS)) {
      expect(prefix).toMatch(/^10\.\d{4,9}$/);
      for (const host of hosts) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
    for (const hosts of Object.values(LISTING_PLATFORMS)) for (const host of hosts) expect(isKnownJournalHost(host), host).toBe(true);
  });
});
