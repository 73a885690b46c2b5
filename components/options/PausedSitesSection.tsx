import { useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { addPausedSite, removePausedSite } from '@/lib/db/settings';
import { unicodeHost } from '@/lib/text/unicode-host';
import { useI18n } from '../i18n-context';

/** Sites where capture never runs: add a host (or paste an address), remove one to resume. */
export function PausedSitesSection({ db, sites }: { db: SimlitDB; sites: string[] }) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState<string>();
  return (
    <section class="options-section" aria-labelledby="paused-heading">
      <h2 id="paused-heading">{t('optPausedHeading')}</h2>
      <p class="help">{t('optPausedHelp')}</p>
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!input.trim()) return;
          const host = await addPausedSite(db, input);
          if (host) {
            setInput('');
            setInvalid(undefined);
          } else setInvalid(input.trim());
        }}
      >
        <label>
          <span class="visually-hidden">{t('optPausedAddLabel')}</span>
          <input
            type="text"
            value={input}
            placeholder={t('optPausedPlaceholder')}
            aria-invalid={invalid ? true : undefined}
            onInput={(event) => setInput((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">{t('optPausedAdd')}</button>
      </form>
      {invalid && <p class="error" role="alert">{t('optPausedInvalid', invalid)}</p>}
      {sites.length === 0 ? (
        <p class="muted">{t('optPausedNone')}</p>
      ) : (
        <ul class="paused-sites">
          {sites.map((host) => (
            <li key={host}>
              <span>{unicodeHost(host)}</span>
              <button type="button" class="secondary small" aria-label={t('optPausedRemove', unicodeHost(host))} onClick={() => void removePausedSite(db, host)}>
                {t('optResume')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
