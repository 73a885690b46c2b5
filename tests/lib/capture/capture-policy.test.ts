import { describe, expect, it } from 'vitest';
import { isPausedSite, shouldCapture, wantsAllSites } from '@/lib/capture/capture-policy';
import { DEFAULT_SETTINGS } from '@/lib/db/settings';
import { toWebvpn } from '@/lib/urls/proxy';

const known = 'https://kns.cnki.net/kns8s/defaultresult/index?kw=x';
const other = 'https://blog.example.org/post/1';

describe('shouldCapture', () => {
  it('reads known journal sites by default and nothing else', () => {
    expect(shouldCapture(DEFAULT_SETTINGS, known, false)).toBe(true);
    expect(shouldCapture(DEFAULT_SETTINGS, other, false)).toBe(false);
  });
  it('reads every site when the reader opted in, and none until clicked in on-click mode', () => {
    expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'all-sites' }, other, false)).toBe(true);
    expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'on-click' }, known, false)).toBe(false);
    expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'on-click' }, other, true)).toBe(true);
  });
  it('never reads a paused site (or its subdomains) on its own, but does when clicked', () => {
    const settings = { captureMode: 'all-sites' as const, pausedSites: ['cnki.net'] };
    expect(shouldCapture(settings, known, false)).toBe(false);
    expect(shouldCapture(settings, 'https://www.cnki.net/', false)).toBe(false);
    expect(shouldCapture(settings, 'https://notcnki.net/', false)).toBe(true);
    expect(shouldCapture(settings, known, true)).toBe(true);
  });
  it('refuses what is not a page URL', () => {
    expect(shouldCapture(DEFAULT_SETTINGS, 'not a url', true)).toBe(false);
    expect(isPausedSite(['x.org'], '::')).toBe(false);
  });
  it('registers the all-sites script only in all-sites mode', () => {
    expect(wantsAllSites({ captureMode: 'all-sites' })).toBe(true);
    expect(wantsAllSites(DEFAULT_SETTINGS)).toBe(false);
  });

  describe('pages read through campus proxies', () => {
    const ezproxyCnki = 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/defaultresult/index?kw=x';
    const webvpnWos = toWebvpn('https://www.webofscience.com/wos/alldb/summary/1', 'https://webvpn.fudan.edu.cn');
    const webvpnBlog = toWebvpn('https://blog.example.org/post/1', 'https://webvpn.fudan.edu.cn');
    const ezproxyJstor = 'https://www-jstor-org.ezproxy.xjtu.edu.cn/stable/1';
    const webvpnJstor = toWebvpn('https://www.jstor.org/stable/1', 'https://webvpn.fudan.edu.cn');

    it("are judged by the publisher's address: a known journal host is read, anything else is not", () => {
      expect(shouldCapture(DEFAULT_SETTINGS, ezproxyCnki, false)).toBe(true);
      expect(shouldCapture(DEFAULT_SETTINGS, webvpnBlog, false)).toBe(false);
      expect(shouldCapture(DEFAULT_SETTINGS, webvpnWos, false)).toBe(true);
      expect(shouldCapture(DEFAULT_SETTINGS, webvpnJstor, false)).toBe(false);
      expect(shouldCapture(DEFAULT_SETTINGS, ezproxyJstor, false)).toBe(false);
    });

    it('are read on a proxy the reader allowed, for the publishers they allowed it for', () => {
      const sites = [
        { origin: 'https://webvpn.fudan.edu.cn', publisherHosts: ['jstor.org'] },
        { origin: 'https://www-jstor-org.ezproxy.xjtu.edu.cn', publisherHosts: ['jstor.org'] },
      ];
      expect(shouldCapture(DEFAULT_SETTINGS, webvpnJstor, false, sites)).toBe(true);
      expect(shouldCapture(DEFAULT_SETTINGS, ezproxyJstor, false, sites)).toBe(true);
      // The gateway carries every site: those the reader did not allow it for stay unread.
      expect(shouldCapture(DEFAULT_SETTINGS, webvpnBlog, false, sites)).toBe(false);
      // The same publisher through another proxy is another reader's yes.
      expect(shouldCapture(DEFAULT_SETTINGS, 'https://www-jstor-org.libproxy.pku.edu.cn/stable/1', false, sites)).toBe(false);
      expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'on-click' }, webvpnJstor, false, sites)).toBe(false);
      expect(shouldCapture(DEFAULT_SETTINGS, 'webvpn.fudan.edu.cn/x', false, sites)).toBe(false);
    });

    it("are paused by pausing either the publisher's host or the proxy's", () => {
      expect(shouldCapture({ ...DEFAULT_SETTINGS, pausedSites: ['cnki.net'] }, ezproxyCnki, false)).toBe(false);
      expect(shouldCapture({ ...DEFAULT_SETTINGS, pausedSites: ['ezproxy.xjtu.edu.cn'] }, ezproxyCnki, false)).toBe(false);
      expect(shouldCapture({ ...DEFAULT_SETTINGS, pausedSites: ['wanfangdata.com.cn'] }, ezproxyCnki, false)).toBe(true);
    });
  });
});
