import { describe, expect, it } from 'vitest';
import { allowProxySite, proxyOriginPattern, readProxySites, removeProxySite } from '@/lib/db/proxy-sites';
import { toWebvpn } from '@/lib/urls/proxy';
import { testDb } from './test-db';

const EZPROXY_PAGE = 'https://kns-cnki-net.ezproxy.xjtu.edu.cn:8443/kns8s/defaultresult/index?kw=x';

describe('proxy sites the reader allowed', () => {
  it('remembers the proxy of a proxied page with its publisher, once per origin', async () => {
    const db = testDb();
    expect(await allowProxySite(db, EZPROXY_PAGE, 100)).toEqual({
      origin: 'https://kns-cnki-net.ezproxy.xjtu.edu.cn:8443',
      scheme: 'hostname',
      publisherHosts: ['kns.cnki.net'],
      addedAt: 100,
    });
    await allowProxySite(db, EZPROXY_PAGE, 200);
    expect(await readProxySites(db)).toHaveLength(1);
  });

  it('adds the publishers of one WebVPN gateway to its entry', async () => {
    const db = testDb();
    await allowProxySite(db, toWebvpn('https://kns.cnki.net/kns8s/', 'https://webvpn.fudan.edu.cn'), 100);
    await allowProxySite(db, toWebvpn('https://www.jstor.org/stable/1', 'https://webvpn.fudan.edu.cn'), 200);
    expect(await readProxySites(db)).toEqual([
      { origin: 'https://webvpn.fudan.edu.cn', scheme: 'webvpn', publisherHosts: ['jstor.org', 'kns.cnki.net'], addedAt: 100 },
    ]);
  });

  it('refuses pages that came through no proxy, and login links (the proxy is elsewhere)', async () => {
    const db = testDb();
    expect(await allowProxySite(db, 'https://kns.cnki.net/kns8s/')).toBeUndefined();
    expect(await allowProxySite(db, 'https://ezproxy.xjtu.edu.cn/login?url=https://www.jstor.org/')).toBeUndefined();
    expect(await readProxySites(db)).toEqual([]);
  });

  it('removes one proxy and keeps the others', async () => {
    const db = testDb();
    await allowProxySite(db, EZPROXY_PAGE);
    await allowProxySite(db, 'https://www-webofscience-com.ezproxy.xjtu.edu.cn/wos/');
    await removeProxySite(db, 'https://kns-cnki-net.ezproxy.xjtu.edu.cn:8443');
    expect((await readProxySites(db)).map((site) => site.origin)).toEqual(['https://www-webofscience-com.ezproxy.xjtu.edu.cn']);
  });

  it('skips malformed stored entries', async () => {
    const db = testDb();
    await db.settings.put({
      key: 'proxySites',
      value: [{ origin: 'javascript:alert(1)', scheme: 'hostname', publisherHosts: [], addedAt: 1 }, 'x', { origin: 'https://a-b-com.ezproxy.x.edu', scheme: 'hostname', publisherHosts: ['b.com'], addedAt: 2 }],
    });
    expect((await readProxySites(db)).map((site) => site.origin)).toEqual(['https://a-b-com.ezproxy.x.edu']);
    await db.settings.put({ key: 'proxySites', value: 'nonsense' });
    expect(await readProxySites(db)).toEqual([]);
  });

  it("asks the browser for the proxy's host on its scheme, on any port", () => {
    expect(proxyOriginPattern('https://kns-cnki-net.ezproxy.xjtu.edu.cn:8443')).toBe('https://kns-cnki-net.ezproxy.xjtu.edu.cn/*');
    expect(proxyOriginPattern('http://webvpn.fudan.edu.cn')).toBe('http://webvpn.fudan.edu.cn/*');
  });
});
