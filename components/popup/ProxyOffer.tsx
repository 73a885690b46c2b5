import { useEffect, useMemo, useState } from 'preact/hooks';
import { allowProxySite, proxyOriginPattern, readProxySites } from '@/lib/db/proxy-sites';
import type { SimlitDB } from '@/lib/db/schema';
import { readSettings } from '@/lib/db/settings';
import { isKnownJournalHost } from '@/lib/hosts';
import { normalizeHost } from '@/lib/text/urls';
import { resolveProxy } from '@/lib/urls/proxy';
import { isPublisherHost } from '@/lib/urls/proxy/publisher-host';
import { useI18n } from '../i18n-context';
import { browserOriginPermissions, type OriginPermissions } from '../origin-permissions';
import { useLiveQuery } from '../use-live-query';

interface Props {
  db: SimlitDB;
  /** The captured page's own address. */
  pageUrl: string | undefined;
  /** How many articles the capture found there. */
  found: number;
  permissions?: OriginPermissions;
}

interface ProxiedJournal {
  origin: string;
  pattern: string;
  proxyHost: string;
  publisherHost: string;
}

/** The proxy of a captured page when the page is a journal site read through it (by what it yielded or its publisher's host). */
function proxiedJournal(pageUrl: string | undefined, found: number): ProxiedJournal | undefined {
  if (!pageUrl) return undefined;
  const { proper, via } = resolveProxy(pageUrl);
  const publisherHost = normalizeHost(proper);
  if (!via || via.scheme === 'login-link' || !publisherHost) return undefined;
  if (found === 0 && !isPublisherHost(publisherHost)) return undefined;
  return { origin: via.origin, pattern: proxyOriginPattern(via.origin), proxyHost: new URL(via.origin).host, publisherHost };
}

type Outcome = 'allowed' | 'denied';

/**
 * After a capture on a journal site read through a campus proxy, offers to keep capturing there:
 * the browser is asked for that proxy's origin only, and the background then runs the content
 * script there. Not offered when capture runs only on click, or already runs there.
 */
export function ProxyOffer({ db, pageUrl, found, permissions = browserOriginPermissions }: Props) {
  const { t } = useI18n();
  const journal = useMemo(() => proxiedJournal(pageUrl, found), [pageUrl, found]);
  const [granted, setGranted] = useState<boolean>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [dismissed, setDismissed] = useState(false);
  const { value: stored } = useLiveQuery(async () => {
    const [settings, sites] = await Promise.all([readSettings(db), readProxySites(db)]);
    return { mode: settings.captureMode, site: sites.find((site) => site.origin === journal?.origin) };
  }, [db, journal?.origin]);

  useEffect(() => {
    if (!journal) return;
    let current = true;
    permissions.contains(journal.pattern).then(
      (held) => current && setGranted(held),
      () => current && setGranted(false),
    );
    return () => {
      current = false;
    };
  }, [journal?.pattern, permissions, outcome]);

  if (!journal || !stored || granted === undefined || dismissed) return null;
  const allowedHere = granted && (stored.mode === 'all-sites' || (stored.site !== undefined && isKnownJournalHost(journal.publisherHost, stored.site.publisherHosts)));
  if (outcome !== 'allowed' && (stored.mode === 'on-click' || allowedHere)) return null;

  async function allow() {
    // The request comes first: browsers grant permissions only during the click's user gesture.
    const yes = await permissions.request(journal!.pattern).catch(() => false);
    if (yes) await allowProxySite(db, pageUrl!);
    setOutcome(yes ? 'allowed' : 'denied');
  }

  if (outcome === 'allowed') {
    return (
      <p class="notice proxy-offer" role="status">
        {t('proxyOfferAllowed', journal.publisherHost, journal.proxyHost)}
      </p>
    );
  }
  return (
    <section class="proxy-offer" aria-label={t('proxyOfferLabel')}>
      <p>{t('proxyOfferText', journal.proxyHost, journal.publisherHost)}</p>
      <div class="proxy-offer-actions">
        <button type="button" onClick={() => void allow()}>
          {t('proxyOfferAllow')}
        </button>
        <button type="button" class="secondary" onClick={() => setDismissed(true)}>
          {t('proxyOfferDismiss')}
        </button>
      </div>
      {outcome === 'denied' && (
        <p class="error" role="alert">
          {t('proxyOfferDenied', journal.proxyHost)}
        </p>
      )}
    </section>
  );
}
