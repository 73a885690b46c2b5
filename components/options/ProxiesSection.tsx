import { useEffect, useState } from 'preact/hooks';
import { proxyOriginPattern, readProxySites, removeProxySite, type ProxySite } from '@/lib/db/proxy-sites';
import type { SimlitDB } from '@/lib/db/schema';
import { useI18n } from '../i18n-context';
import { browserOriginPermissions, type OriginPermissions } from '../origin-permissions';
import { useLiveQuery } from '../use-live-query';

interface Props {
  db: SimlitDB;
  permissions?: OriginPermissions;
}

/**
 * Campus proxies where the reader allowed capture (from the popup): each with the publishers it
 * was allowed for and whether the browser still grants it; removing one gives the permission
 * back, and the background then stops running the content script there.
 */
export function ProxiesSection({ db, permissions = browserOriginPermissions }: Props) {
  const { t } = useI18n();
  const { value: sites = [] } = useLiveQuery(() => readProxySites(db), [db]);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [checked, setChecked] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all(sites.map(async (site) => [site.origin, await permissions.contains(proxyOriginPattern(site.origin)).catch(() => false)] as const)).then(
      (entries) => current && setGranted(Object.fromEntries(entries)),
    );
    return () => {
      current = false;
    };
  }, [sites, permissions, checked]);

  async function grant(site: ProxySite) {
    await permissions.request(proxyOriginPattern(site.origin)).catch(() => false);
    setChecked((count) => count + 1);
  }

  async function remove(site: ProxySite) {
    const pattern = proxyOriginPattern(site.origin);
    // Two origins of one host (ports) share a pattern: give it back with the last of them.
    const shared = sites.some((other) => other.origin !== site.origin && proxyOriginPattern(other.origin) === pattern);
    if (!shared) await permissions.remove(pattern).catch(() => false);
    await removeProxySite(db, site.origin);
  }

  return (
    <section class="options-section" aria-labelledby="proxies-heading">
      <h2 id="proxies-heading">{t('proxyHeading')}</h2>
      <p class="help">{t('proxyHelp')}</p>
      {sites.length === 0 ? (
        <p class="muted">{t('proxyNone')}</p>
      ) : (
        <ul class="proxy-sites">
          {sites.map((site) => (
            <li key={site.origin}>
              <span class="proxy-site">
                <span class="proxy-host">{new URL(site.origin).host}</span>
                <span class="help">{t(site.scheme === 'webvpn' ? 'proxyForWebvpn' : 'proxyFor', site.publisherHosts.join(', '))}</span>
                {granted[site.origin] === false && <span class="notice">{t('proxyMissing')}</span>}
              </span>
              <span class="proxy-actions">
                {granted[site.origin] === false && (
                  <button type="button" class="small" onClick={() => void grant(site)}>
                    {t('proxyGrant')}
                  </button>
                )}
                <button type="button" class="secondary small" aria-label={t('proxyRemoveLabel', new URL(site.origin).host)} onClick={() => void remove(site)}>
                  {t('proxyRemove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
