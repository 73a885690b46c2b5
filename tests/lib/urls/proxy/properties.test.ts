import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publisherUrl, resolveProxy, toWebvpn } from '@/lib/urls/proxy';
import { isPlausibleHost } from '@/lib/urls/proxy/publisher-host';
import { ezproxyUrl, sangforUrl } from './proxy-forms';

/**
 * Publisher URLs on hosts a proxy could stand in for (lowercase, a real TLD; no label starting
 * "xn-": spelt into a proxy's host name with its hyphen doubled, it reads as a punycode label that
 * is not one, a host no browser opens).
 */
const publisherUrls = fc
  .record({
    scheme: fc.constantFrom('http', 'https'),
    host: fc.domain().filter((host) => isPlausibleHost(host) && !host.split('.').some((label) => label.startsWith('xn-'))),
    path: fc.webPath(),
    query: fc.option(fc.webQueryParameters(), { nil: undefined }),
  })
  .map(({ scheme, host, path, query }) => new URL(`${scheme}://${host}${path}${query ? `?${query}` : ''}`).href)
  // The gateway's own parameters are dropped on the way back: not a publisher's query.
  .filter((url) => !/[?&](?:vpn-\d+-o\d-|wrdrecordvisit)/.test(url));

describe('proxy resolution, for any address', () => {
  it('never throws, and returns what came through no proxy unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (value) => {
        const resolved = resolveProxy(value);
        expect(typeof resolved.proper).toBe('string');
        if (!resolved.via) expect(resolved.proper).toBe(value);
        expect(typeof publisherUrl(value, resolveProxy('https://kns-cnki-net.ezproxy.xjtu.edu.cn/x'))).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the publisher URL from its WebVPN, EZproxy and Sangfor forms', () => {
    fc.assert(
      fc.property(publisherUrls, (url) => {
        expect(resolveProxy(toWebvpn(url, 'https://webvpn.fudan.edu.cn')).proper).toBe(url);
        expect(resolveProxy(ezproxyUrl(url)).proper).toBe(url);
        expect(resolveProxy(sangforUrl(url)).proper).toBe(url);
      }),
      { numRuns: 300 },
    );
  });
});
