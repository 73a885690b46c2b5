import { describe, expect, it } from 'vitest';
import { proxyScriptChanges, wantedProxyScripts } from '@/lib/capture/proxy-scripts';
import type { ProxySite } from '@/lib/db/proxy-sites';

const site = (origin: string): ProxySite => ({ origin, scheme: 'hostname', publisherHosts: ['kns.cnki.net'], addedAt: 1 });
const cnki = site('https://kns-cnki-net.ezproxy.xjtu.edu.cn');
const wos = site('https://www-webofscience-com.ezproxy.xjtu.edu.cn:8443');

describe('content scripts on allowed proxies', () => {
  it('registers one script per allowed proxy whose permission the browser holds', () => {
    const granted = new Set(['https://kns-cnki-net.ezproxy.xjtu.edu.cn/*']);
    expect(wantedProxyScripts([cnki, wos], granted, false)).toEqual([
      { id: 'simlit-proxy:https://kns-cnki-net.ezproxy.xjtu.edu.cn/*', matches: ['https://kns-cnki-net.ezproxy.xjtu.edu.cn/*'] },
    ]);
  });

  it('registers none while the all-sites script already runs everywhere', () => {
    const granted = new Set(['https://kns-cnki-net.ezproxy.xjtu.edu.cn/*']);
    expect(wantedProxyScripts([cnki], granted, true)).toEqual([]);
  });

  it('registers what is missing and unregisters its own scripts that are no longer wanted, never others', () => {
    const wanted = wantedProxyScripts([cnki], new Set(['https://kns-cnki-net.ezproxy.xjtu.edu.cn/*']), false);
    expect(proxyScriptChanges(wanted, [{ id: 'simlit-all-sites' }, { id: 'simlit-proxy:https://old-host.ezproxy.x.edu/*' }])).toEqual({
      register: wanted,
      unregister: ['simlit-proxy:https://old-host.ezproxy.x.edu/*'],
    });
    expect(proxyScriptChanges(wanted, [{ id: wanted[0].id }])).toEqual({ register: [], unregister: [] });
  });
});
