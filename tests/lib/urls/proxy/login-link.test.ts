import { describe, expect, it } from 'vitest';
import { resolveProxy } from '@/lib/urls/proxy';

const proper = (url: string) => resolveProxy(url).proper;

describe('proxy starting-point links', () => {
  it('reads EZproxy login?url=, whose target is the rest of the address as written', () => {
    expect(resolveProxy('https://ezproxy.lib.xjtu.edu.cn/login?url=https://www.webofscience.com/wos/alldb/basic-search')).toEqual({
      proper: 'https://www.webofscience.com/wos/alldb/basic-search',
      via: { scheme: 'login-link', origin: 'https://ezproxy.lib.xjtu.edu.cn' },
    });
    expect(proper('https://libproxy.ucl.ac.uk/login?url=https://www.sciencedirect.com/search?qs=graphene&show=25')).toBe(
      'https://www.sciencedirect.com/search?qs=graphene&show=25',
    );
    expect(proper('http://ezproxy.xxx.edu.cn:2048/login?url=http%3A%2F%2Fkns.cnki.net%2Fkns8s%2F')).toBe('http://kns.cnki.net/kns8s/');
  });

  it('reads login?qurl= (encoded), connect?…&url= and the OpenAthens redirector', () => {
    expect(proper('https://ezproxy.xxx.edu/login?qurl=https%3A%2F%2Fscholar.google.com%2Fscholar%3Fq%3D%25E7%25A2%25B3%26hl%3Dzh-CN')).toBe(
      'https://scholar.google.com/scholar?q=%E7%A2%B3&hl=zh-CN',
    );
    expect(proper('https://pku.idm.oclc.org/connect?session=s123&url=https://www.jstor.org/stable/1234')).toBe('https://www.jstor.org/stable/1234');
    expect(proper('https://go.openathens.net/redirector/ed.ac.uk?url=https%3A%2F%2Fwww.sciencedirect.com%2Fscience%2Farticle%2Fpii%2FS1')).toBe(
      'https://www.sciencedirect.com/science/article/pii/S1',
    );
  });

  it("leaves a site's own login pages, and links to nothing, alone", () => {
    for (const url of [
      'https://www.example.com/login?url=https://other.example.org/',
      'https://ezproxy.xxx.edu/login?url=/menu',
      'https://ezproxy.xxx.edu/login?url=javascript:alert(1)',
      'https://ezproxy.xxx.edu/login?url=https://ezproxy.xxx.edu/menu',
      'https://ezproxy.xxx.edu/login',
      'https://ezproxy.xxx.edu/login?qurl=%E0%A4%A',
    ]) {
      expect(resolveProxy(url), url).toEqual({ proper: url });
    }
  });
});
