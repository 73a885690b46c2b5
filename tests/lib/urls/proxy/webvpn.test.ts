import { describe, expect, it } from 'vitest';
import { resolveProxy, toWebvpn } from '@/lib/urls/proxy';

const proper = (url: string) => resolveProxy(url).proper;
const IV = '77726476706e69737468656265737421'; // "wrdvpnisthebest!" in hex

describe('WebVPN addresses (host encrypted in the path)', () => {
  it('decrypts addresses that gateways wrote (published in scripts for their own schools)', () => {
    // The ciphertext is as long as the host: xk.bit.edu.cn is 13 bytes, 26 hex digits.
    expect(resolveProxy(`https://webvpn.bit.edu.cn/https/${IV}e8fc0f9e2e2426557a1dc7af96/yjsxkapp/sys/xsxkappbit/xsxkCourse/choiceCourse.do?vpn-12-o2-xk.bit.edu.cn&_=1`)).toEqual({
      proper: 'https://xk.bit.edu.cn/yjsxkapp/sys/xsxkappbit/xsxkCourse/choiceCourse.do?_=1',
      via: { scheme: 'webvpn', origin: 'https://webvpn.bit.edu.cn' },
    });
    expect(proper(`https://sy.tongyongbei.com/https/${IV}e7e056d2373b7d5c7f1fc7af9758/searchingapi/list/advanced/apy?vpn-12-o2-www.pkulaw.com`)).toBe(
      'https://www.pkulaw.com/searchingapi/list/advanced/apy',
    );
    expect(proper(`https://webvpn.xxx.edu.cn/https/${IV}e7e056d2243e635930068cb8/kns8s/defaultresult/index`)).toBe('https://www.cnki.net/kns8s/defaultresult/index');
  });

  it('round-trips publisher URLs of several platforms through the encoder', () => {
    for (const url of [
      'https://kns.cnki.net/kns8s/defaultresult/index?kw=%E7%A2%B3%E4%B8%AD%E5%92%8C&korder=SU',
      'https://s.wanfangdata.com.cn/paper?q=%E7%A2%B3%E4%B8%AD%E5%92%8C',
      'https://www.webofscience.com/wos/alldb/summary/1b2c3d/relevance/1',
      'https://scholar.google.com/scholar?hl=zh-CN&q=graphene',
      'https://www.sciencedirect.com/science/article/pii/S0167739X23001234#abs0010',
      'http://www.cqvip.com/QK/95071X/202301/1.html',
    ]) {
      const proxied = toWebvpn(url, 'https://webvpn.ruc.edu.cn');
      expect(proxied).toMatch(/^https:\/\/webvpn\.ruc\.edu\.cn\/https?\/77726476706e69737468656265737421[0-9a-f]+\//);
      expect(resolveProxy(proxied)).toEqual({ proper: url, via: { scheme: 'webvpn', origin: 'https://webvpn.ruc.edu.cn' } });
    }
  });

  it('writes and reads a non-default port as /http-PORT/', () => {
    const proxied = toWebvpn('http://202.118.65.138:8081/mobilenew/', 'https://webvpn.neu.edu.cn');
    expect(proxied).toMatch(/^https:\/\/webvpn\.neu\.edu\.cn\/http-8081\//);
    expect(proper(proxied)).toBe('http://202.118.65.138:8081/mobilenew/');
  });

  it('decrypts gateways that changed the key, using the IV they write as the key', () => {
    const proxied = toWebvpn('https://kns.cnki.net/kcms2/article/abstract?v=abc', 'https://webvpn.neu.edu.cn', 'b0A58a69394ce73@');
    expect(proxied).toContain('/https/62304135386136393339346365373340');
    expect(proper(proxied)).toBe('https://kns.cnki.net/kcms2/article/abstract?v=abc');
  });

  it('falls back to the host the gateway names in vpn-12-oN when the key is unknown', () => {
    const unknownKey = toWebvpn('https://www.pkulaw.com/x', 'https://webvpn.zqu.edu.cn', 'a#08w3%r8*4GkTcH', '4&0TB20Ujm%mvT.K');
    expect(resolveProxy(unknownKey).via).toBeUndefined();
    expect(proper(`${unknownKey}?vpn-12-o2-www.pkulaw.com&page=2`)).toBe('https://www.pkulaw.com/x?page=2');
  });

  it("drops the gateway's own query parameters and keeps the publisher's", () => {
    const base = toWebvpn('https://kns.cnki.net/kcms2/article/abstract', 'https://webvpn.xxx.edu.cn');
    expect(proper(`${base}?v=Abc&uniplatform=NZKPT&wrdrecordvisit=record`)).toBe('https://kns.cnki.net/kcms2/article/abstract?v=Abc&uniplatform=NZKPT');
    expect(proper(`${base}?vpn-12-o2-kns.cnki.net=`)).toBe('https://kns.cnki.net/kcms2/article/abstract');
    // Malformed escapes, the publisher's or the gateway's, are carried or dropped, never a failure.
    expect(proper(`${base}?kw=%E7%A2&vpn-12-o2-%E0%A4`)).toBe('https://kns.cnki.net/kcms2/article/abstract?kw=%E7%A2');
  });

  it('takes the host part with no path as the root', () => {
    expect(proper(`https://webvpn.xxx.edu.cn/https/${IV}e7e056d2243e635930068cb8`)).toBe('https://www.cnki.net/');
  });

  it('is not fooled by look-alike paths', () => {
    for (const url of [
      `https://example.com/https/${IV}00112233445566778899/kns8s/`, // does not decrypt to a host name
      `https://example.com/https/${IV}e7e056d2243e635930068cb/x`, // odd number of hex digits
      'https://example.com/https/77726476706e6973/x', // no ciphertext
      'https://example.com/ftp/77726476706e69737468656265737421e7e056d2243e635930068cb8/x',
      'https://github.com/http/http/blob/main/README.md',
    ]) {
      expect(resolveProxy(url), url).toEqual({ proper: url });
    }
  });
});
