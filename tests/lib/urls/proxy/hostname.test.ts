import { describe, expect, it } from 'vitest';
import { resolveProxy } from '@/lib/urls/proxy';
import { namesProxy } from '@/lib/urls/proxy/hostname';
import { ezproxyUrl, sangforUrl } from './proxy-forms';

const proper = (url: string) => resolveProxy(url).proper;

describe('EZproxy hosts (proxy by hostname)', () => {
  it('reads the publisher host spelt with hyphens before the proxy name, on several platforms', () => {
    expect(resolveProxy('https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/defaultresult/index?kw=%E7%A2%B3&korder=SU')).toEqual({
      proper: 'https://kns.cnki.net/kns8s/defaultresult/index?kw=%E7%A2%B3&korder=SU',
      via: { scheme: 'hostname', origin: 'https://kns-cnki-net.ezproxy.xjtu.edu.cn' },
    });
    expect(proper('https://s-wanfangdata-com-cn.ezproxy.lib.tsinghua.edu.cn/paper?q=%E7%A2%B3')).toBe('https://s.wanfangdata.com.cn/paper?q=%E7%A2%B3');
    expect(proper('https://www-webofscience-com.proxy.lib.sjtu.edu.cn/wos/alldb/full-record/WOS:000123')).toBe(
      'https://www.webofscience.com/wos/alldb/full-record/WOS:000123',
    );
    expect(proper('https://scholar-google-com.libproxy.ucl.ac.uk/scholar?q=graphene')).toBe('https://scholar.google.com/scholar?q=graphene');
    expect(proper('https://www-sciencedirect-com.ezp.lib.unimelb.edu.au/science/article/pii/S0167739X23001234')).toBe(
      'https://www.sciencedirect.com/science/article/pii/S0167739X23001234',
    );
  });

  it("drops the proxy's port (2048, 8443), keeps the path, query and fragment", () => {
    const via = resolveProxy('http://www-sciencedirect-com.ezproxy.library.wisc.edu:2048/science/article/pii/S1?via%3Dihub#abs0010');
    expect(via.proper).toBe('http://www.sciencedirect.com/science/article/pii/S1?via%3Dihub#abs0010');
    expect(via.via?.origin).toBe('http://www-sciencedirect-com.ezproxy.library.wisc.edu:2048');
    expect(proper('https://pubs-acs-org.ezproxy.cityu.edu.hk:8443/doi/10.1021/jacs.3c01234')).toBe('https://pubs.acs.org/doi/10.1021/jacs.3c01234');
  });

  it('reads doubled hyphens as the hyphens of the publisher host', () => {
    expect(proper('https://www-x--mol-com.ezproxy.xxx.edu.cn/paper/123')).toBe('https://www.x-mol.com/paper/123');
    expect(proper(ezproxyUrl('https://jamanetwork.com/journals/jama/fullarticle/1'))).toBe('https://jamanetwork.com/journals/jama/fullarticle/1');
  });

  it('reads hosted EZproxy (idm.oclc.org), OpenAthens and the older dotted form', () => {
    expect(proper('https://www-jstor-org.pku.idm.oclc.org/stable/10.2307/1234')).toBe('https://www.jstor.org/stable/10.2307/1234');
    expect(proper('https://www-sciencedirect-com.eu1.proxy.openathens.net/science/article/pii/S1')).toBe('https://www.sciencedirect.com/science/article/pii/S1');
    expect(proper('http://www.jstor.org.ezproxy.lib.xxx.edu/stable/1234')).toBe('http://www.jstor.org/stable/1234');
    expect(proper('https://kns.cnki.net.proxy.xxx.edu.cn/kns8s/')).toBe('https://kns.cnki.net/kns8s/');
  });

  it('reads an unknown publisher only behind a host that names a proxy and with a real TLD', () => {
    expect(proper('https://www-jjkx-org-cn.ezproxy.xxx.edu.cn/ch/index.aspx')).toBe('https://www.jjkx.org.cn/ch/index.aspx');
    expect(proper('https://journal-example-edu.libproxy.example.ac.uk/article/1')).toBe('https://journal.example.edu/article/1');
    // The same spelling without a proxy's name, or with no TLD at the end, is an ordinary host.
    expect(resolveProxy('https://www-jjkx-org-cn.cdn.example.com/ch/index.aspx').via).toBeUndefined();
    expect(resolveProxy('https://my-portal.ezproxy.xxx.edu.cn/menu').via).toBeUndefined();
  });
});

describe('Sangfor EasyConnect / aTrust hosts', () => {
  it('reads "-s" as https and the gateway port as its own', () => {
    expect(resolveProxy('http://kns-cnki-net-s.vpn.lzufe.edu.cn:8118/kns8s/defaultresult/index?kw=x')).toEqual({
      proper: 'https://kns.cnki.net/kns8s/defaultresult/index?kw=x',
      via: { scheme: 'hostname', origin: 'http://kns-cnki-net-s.vpn.lzufe.edu.cn:8118' },
    });
    expect(proper('https://www-sciencedirect-com-s.vpn.scau.edu.cn/science/article/pii/S1')).toBe('https://www.sciencedirect.com/science/article/pii/S1');
    expect(proper('http://www-webofscience-com-s.vpn.cdut.edu.cn:8118/wos/alldb/basic-search')).toBe('https://www.webofscience.com/wos/alldb/basic-search');
  });

  it('reads "-PORT-p" as the publisher port and no "-s" as http', () => {
    expect(proper('http://example-com-1088-p.vpn.uestc.edu.cn:8118/x')).toBe('http://example.com:1088/x');
    expect(proper('http://www-cnki-net.vpn.gcc.edu.cn/')).toBe('http://www.cnki.net/');
    expect(proper('http://202-118-65-138-8081-p.vpn.neu.edu.cn:8118/mobilenew/')).toBe('http://202.118.65.138:8081/mobilenew/');
    expect(proper(sangforUrl('https://journal.example.edu:8443/a'))).toBe('https://journal.example.edu:8443/a');
  });
});

describe('host-style WebVPN gateways', () => {
  it('reads "-443" as https, another number as the publisher port, and a scheme written in front', () => {
    expect(resolveProxy('https://kns-cnki-net-443.webvpn.fafu.edu.cn:880/kns8s/defaultresult/index?kw=x')).toEqual({
      proper: 'https://kns.cnki.net/kns8s/defaultresult/index?kw=x',
      via: { scheme: 'hostname', origin: 'https://kns-cnki-net-443.webvpn.fafu.edu.cn:880' },
    });
    expect(proper('https://onlinelibrary-wiley-com-443.webvpn.upc.edu.cn/doi/10.1002/anie.202301234')).toBe('https://onlinelibrary.wiley.com/doi/10.1002/anie.202301234');
    expect(proper('http://link-springer-com-443.webvpn.fjmu.edu.cn/content/pdf/10.1007%2F978-3-030-53518-6_1.pdf')).toBe(
      'https://link.springer.com/content/pdf/10.1007%2F978-3-030-53518-6_1.pdf',
    );
    expect(proper('https://www-wanfangdata-com-cn-443.webvpn.scut.edu.cn/index.html')).toBe('https://www.wanfangdata.com.cn/index.html');
    expect(proper('https://lib--hfut-wqxuetang-com-443.webvpn.hfut.edu.cn/read/pdf/3184535')).toBe('https://lib-hfut.wqxuetang.com/read/pdf/3184535');
    expect(proper('https://https-open-weixin-qq-com-443.webvpn.shu.edu.cn/connect/qrconnect')).toBe('https://open.weixin.qq.com/connect/qrconnect');
    expect(proper('https://data-example-org-8080.webvpn.xxx.edu.cn/a')).toBe('https://data.example.org:8080/a');
    expect(proper('https://www-engineeringvillage-com-443.buaa.ilibs.cn/search/quick.url')).toBe('https://www.engineeringvillage.com/search/quick.url');
  });

  it('tells a trailing port from the last part of an IP address spelt with hyphens', () => {
    expect(proper('https://10-1-2-3.webvpn.xxx.edu.cn/a')).toBe('https://10.1.2.3/a');
    expect(proper('https://10-1-2-3-8443.webvpn.xxx.edu.cn/a')).toBe('https://10.1.2.3:8443/a');
  });

  it("reads III WAM's 0- prefix before a known publisher host", () => {
    expect(proper('http://0-www.jstor.org.library.example.edu/stable/1234')).toBe('http://www.jstor.org/stable/1234');
    expect(resolveProxy('http://0-www.example.org.library.example.edu/').via).toBeUndefined();
  });
});

describe('no proxy', () => {
  it('leaves ordinary hosts with hyphens, the proxies themselves and publisher hosts alone', () => {
    for (const url of [
      'https://my-site.example.com/post/1',
      'https://foo-bar.baz.example.org/',
      'https://kns.cnki.net/kns8s/defaultresult/index',
      'https://www.sciencedirect.com/science/article/pii/S1',
      'https://ezproxy.lib.xxx.edu/menu',
      'https://ezproxy-prd.bodleian.ox.ac.uk/login',
      'https://webvpn.xxx.edu.cn/',
      'https://jnxb-cnjournals.com/ch/index.aspx',
      'https://10-1-2-3.example.net/',
      'http://localhost:3000/a-b-c',
    ]) {
      expect(resolveProxy(url), url).toEqual({ proper: url });
    }
  });

  it('returns what is not an http(s) URL unchanged', () => {
    expect(resolveProxy('not a url')).toEqual({ proper: 'not a url' });
    expect(resolveProxy('ftp://kns-cnki-net.ezproxy.x.edu/')).toEqual({ proper: 'ftp://kns-cnki-net.ezproxy.x.edu/' });
  });

  it('knows proxy names from ordinary ones', () => {
    expect(['ezproxy.lib.xxx.edu', 'libproxy.mit.edu', 'webvpn.sjtu.edu.cn', 'ezp-prod1.hul.harvard.edu', 'pku.idm.oclc.org', 'vpn.scau.edu.cn'].every(namesProxy)).toBe(true);
    expect(['www.example.com', 'lib.xxx.edu.cn', 'kns.cnki.net'].some(namesProxy)).toBe(false);
  });
});
