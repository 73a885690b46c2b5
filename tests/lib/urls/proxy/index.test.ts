import { describe, expect, it } from 'vitest';
import { publisherUrl, resolveProxy, toWebvpn, withPublisherUrls } from '@/lib/urls/proxy';

const WEBVPN_PAGE = toWebvpn('https://kns.cnki.net/kns8s/defaultresult/index?kw=x', 'https://webvpn.sjtu.edu.cn');
const webvpnPath = (url: string) => {
  const proxied = new URL(toWebvpn(url, 'https://webvpn.sjtu.edu.cn'));
  return `${proxied.pathname}${proxied.search}`;
};

describe('item URLs on proxied pages', () => {
  const onWebvpn = resolveProxy(WEBVPN_PAGE);
  const onEzproxy = resolveProxy('https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/defaultresult/index?kw=x');

  it('turns links into the proxy back into the publisher\'s addresses', () => {
    expect(publisherUrl('https://kns-cnki-net.ezproxy.xjtu.edu.cn/kcms2/article/abstract?v=A1', onEzproxy)).toBe('https://kns.cnki.net/kcms2/article/abstract?v=A1');
    expect(publisherUrl(`https://webvpn.sjtu.edu.cn${webvpnPath('https://kns.cnki.net/kcms2/article/abstract?v=A1')}`, onWebvpn)).toBe(
      'https://kns.cnki.net/kcms2/article/abstract?v=A1',
    );
    // Other publishers behind the same proxy too.
    expect(publisherUrl('https://www-sciencedirect-com.ezproxy.xjtu.edu.cn/science/article/pii/S1', onEzproxy)).toBe('https://www.sciencedirect.com/science/article/pii/S1');
  });

  it("reads a gateway's root path that an extractor resolved against the publisher's address as the gateway's", () => {
    const resolvedByExtractor = new URL(webvpnPath('https://link.springer.com/article/10.1007/s1'), onWebvpn.proper).href;
    expect(resolvedByExtractor).toMatch(/^https:\/\/kns\.cnki\.net\/https\//);
    expect(publisherUrl(resolvedByExtractor, onWebvpn)).toBe('https://link.springer.com/article/10.1007/s1');
  });

  it("resolves relative links against the publisher's address, and leaves publisher links alone", () => {
    expect(publisherUrl('../../kcms2/article/abstract?v=A2', onWebvpn)).toBe('https://kns.cnki.net/kcms2/article/abstract?v=A2');
    expect(publisherUrl('https://doi.org/10.1000/x', onWebvpn)).toBe('https://doi.org/10.1000/x');
    expect(publisherUrl('https://kns.cnki.net/kcms2/article/abstract?v=A3', onEzproxy)).toBe('https://kns.cnki.net/kcms2/article/abstract?v=A3');
  });

  it('reads a relative link whose path starts with "//" as a path, without throwing (fast-check found ".//")', () => {
    expect(publisherUrl('.//', resolveProxy('https://kns-cnki-net.ezproxy.xjtu.edu.cn/x'))).toBe('https://kns.cnki.net//');
    expect(publisherUrl('/.//kcms2/a?v=1', onWebvpn)).toBe('https://kns.cnki.net//kcms2/a?v=1');
  });

  it('maps login links on ordinary pages (a library reading list) and leaves other values alone', () => {
    const plain = resolveProxy('https://lib.example.edu/reading-list');
    expect(publisherUrl('https://ezproxy.example.edu/login?url=https://www.jstor.org/stable/1', plain)).toBe('https://www.jstor.org/stable/1');
    expect(publisherUrl('relative/link', plain)).toBe('relative/link');
    expect(publisherUrl('javascript:void(0)', plain)).toBe('javascript:void(0)');
  });

  it('maps the page and PDF links of items, and returns untouched items as they were', () => {
    const items = [
      { title: 'a', url: 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/kcms2/article/abstract?v=A1', pdfUrl: 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/pdf?v=A1' },
      { title: 'b', url: 'https://kns.cnki.net/kcms2/article/abstract?v=B' },
      { title: 'c' },
    ];
    const mapped = withPublisherUrls(items, onEzproxy);
    expect(mapped[0]).toEqual({ title: 'a', url: 'https://kns.cnki.net/kcms2/article/abstract?v=A1', pdfUrl: 'https://kns.cnki.net/pdf?v=A1' });
    expect(mapped[1]).toBe(items[1]);
    expect(mapped[2]).toBe(items[2]);
  });
});
