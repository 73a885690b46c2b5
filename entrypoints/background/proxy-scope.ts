import { wantsAllSites } from '@/lib/capture/capture-policy';
import { proxyScriptChanges, wantedProxyScripts } from '@/lib/capture/proxy-scripts';
import { proxyOriginPattern, readProxySites } from '@/lib/db/proxy-sites';
import { openLibrary } from '@/lib/db/schema';
import { readSettings } from '@/lib/db/settings';

async function granted(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] }).catch(() => false);
}

async function applyProxyScripts(): Promise<void> {
  const db = openLibrary();
  const [sites, settings, allSites] = await Promise.all([readProxySites(db), readSettings(db), granted('<all_urls>')]);
  const patterns = sites.map((site) => proxyOriginPattern(site.origin));
  const held = new Set((await Promise.all(patterns.map(async (pattern) => ((await granted(pattern)) ? pattern : '')))).filter(Boolean));
  const wanted = wantedProxyScripts(sites, held, wantsAllSites(settings) && allSites);
  const { register, unregister } = proxyScriptChanges(wanted, await browser.scripting.getRegisteredContentScripts());
  if (unregister.length) await browser.scripting.unregisterContentScripts({ ids: unregister });
  if (register.length) {
    await browser.scripting.registerContentScripts(
      register.map((script) => ({ ...script, js: ['content-scripts/content.js'], runAt: 'document_idle' as const })),
    );
  }
}

let pending = Promise.resolve();

/**
 * Keeps a content script registered on each campus proxy the reader allowed and the browser
 * grants, and on no other. Runs one at a time: settings and permission events come in bursts.
 */
export function syncProxyScripts(): Promise<void> {
  pending = pending.then(applyProxyScripts, applyProxyScripts);
  return pending;
}
