import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '@/lib/extractors/registry';
import { isKnownJournalHost, KNOWN_JOURNAL_HOSTS, matchPatterns } from '@/lib/hosts';

describe('known journal hosts', () => {
  it('covers the platforms and Qinyun hosting domains the foundation names', () => {
    for (const host of ['cnki.net', 'wanfangdata.com.cn', 'cqvip.com', 'pubmed.ncbi.nlm.nih.gov', 'arxiv.org', 'ijournal.cn', 'ijournals.cn', 'cnjournals.com', 'cnjournals.net', 'cnjournals.org', 'alljournal.com.cn', 'alljournals.cn']) {
      expect(KNOWN_JOURNAL_HOSTS).toContain(host);
    }
  });
  it('matches a host and its subdomains but not look-alikes', () => {
    expect(isKnownJournalHost('kns.cnki.net')).toBe(true);
    expect(isKnownJournalHost('cnki.net')).toBe(true);
    expect(isKnownJournalHost('jnxb.CNJOURNALS.com')).toBe(true);
    expect(isKnownJournalHost('notcnki.net')).toBe(false);
    expect(isKnownJournalHost('cnki.net.evil.example')).toBe(false);
  });
  it('gives one match pattern per host, valid for the manifest', () => {
    const patterns = matchPatterns();
    expect(patterns).toHaveLength(KNOWN_JOURNAL_HOSTS.length);
    for (const pattern of patterns) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
  it('lists every host an extractor recognises by address, so capture runs there', () => {
    // lib/hosts.ts stays a plain list: the background reads it without loading the extractors.
    for (const extractor of EXTRACTORS) {
      for (const host of extractor.hosts) expect(KNOWN_JOURNAL_HOSTS, extractor.id).toContain(host);
    }
  });
});
