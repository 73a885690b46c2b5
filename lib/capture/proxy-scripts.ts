import { proxyOriginPattern, type ProxySite } from '../db/proxy-sites';

/**
 * Which content scripts the background keeps registered for campus proxies: one per proxy the
 * reader allowed whose host permission the browser holds, none while the all-sites script
 * already runs everywhere (two copies would read every page twice).
 */
export const PROXY_SCRIPT_PREFIX = 'simlit-proxy:';

export interface ProxyScript {
  id: string;
  matches: string[];
}

export function wantedProxyScripts(sites: readonly ProxySite[], granted: ReadonlySet<string>, allSitesActive: boolean): ProxyScript[] {
  if (allSitesActive) return [];
  return sites
    .map((site) => proxyOriginPattern(site.origin))
    .filter((pattern, index, patterns) => granted.has(pattern) && patterns.indexOf(pattern) === index)
    .map((pattern) => ({ id: `${PROXY_SCRIPT_PREFIX}${pattern}`, matches: [pattern] }));
}

/** What to register and unregister to go from the registered scripts to the wanted ones. */
export function proxyScriptChanges(wanted: readonly ProxyScript[], registered: readonly { id: string }[]): { register: ProxyScript[]; unregister: string[] } {
  const ours = registered.map((script) => script.id).filter((id) => id.startsWith(PROXY_SCRIPT_PREFIX));
  const wantedIds = new Set(wanted.map((script) => script.id));
  return {
    register: wanted.filter((script) => !ours.includes(script.id)),
    unregister: ours.filter((id) => !wantedIds.has(id)),
  };
}
