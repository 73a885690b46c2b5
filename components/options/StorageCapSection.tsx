import { useEffect, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { readSettings, STORAGE_CAP_LIMITS, writeSetting, type StorageCap } from '@/lib/db/settings';
import { formatBytes, formatDateTime, formatNumber } from '@/lib/format';
import { pruneUnsaved, readPruneLog, unsavedTally, type UnsavedTally } from '@/lib/storage/prune';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../use-live-query';

interface Props {
  db: SimlitDB;
  /** Tells the background about articles removed here (its index and its count of what is kept). */
  onLibraryChanged(articleIds: string[]): void;
}

function withinLimits(cap: StorageCap): boolean {
  return (Object.keys(STORAGE_CAP_LIMITS) as (keyof StorageCap)[]).every(
    (key) => Number.isInteger(cap[key]) && cap[key] >= STORAGE_CAP_LIMITS[key].min && cap[key] <= STORAGE_CAP_LIMITS[key].max,
  );
}

type Message = { error: boolean; text: string } | undefined;

/** Keyed by the stored cap: a cap changed elsewhere starts a new draft. */
function CapForm({ db, cap, onApplied, onMessage }: { db: SimlitDB; cap: StorageCap; onApplied(removed: string[]): void; onMessage(message: Message): void }) {
  const { t, tag } = useI18n();
  const [draft, setDraft] = useState({ articles: String(cap.articles), megabytes: String(cap.megabytes) });
  const n = (value: number) => formatNumber(value, tag);
  const field = (key: keyof StorageCap, label: string) => (
    <label class="stacked">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={STORAGE_CAP_LIMITS[key].min}
        max={STORAGE_CAP_LIMITS[key].max}
        step={1}
        value={draft[key]}
        onInput={(event) => setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <form
      class="clear-action"
      // The ranges are checked here, in the page's language.
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const next = { articles: Number(draft.articles), megabytes: Number(draft.megabytes) };
        if (!withinLimits(next)) {
          onMessage({ error: true, text: t('securityCapInvalid') });
          return;
        }
        await writeSetting(db, 'storageCap', next);
        const { removedIds } = await pruneUnsaved(db, next);
        onApplied(removedIds);
        onMessage({ error: false, text: t('securityCapApplied', n(removedIds.length)) });
      }}
    >
      {field('articles', t('securityCapArticles', n(STORAGE_CAP_LIMITS.articles.min), n(STORAGE_CAP_LIMITS.articles.max)))}
      {field('megabytes', t('securityCapMegabytes', n(STORAGE_CAP_LIMITS.megabytes.min), n(STORAGE_CAP_LIMITS.megabytes.max)))}
      <button type="submit">{t('securityCapApply')}</button>
    </form>
  );
}

/**
 * The limit on captured-but-unsaved articles (by count and size), what is kept now, and what was
 * removed to stay within it, with the sites the removed articles came from.
 */
export function StorageCapSection({ db, onLibraryChanged }: Props) {
  const { t, tag } = useI18n();
  const { value: settings } = useLiveQuery(() => readSettings(db), [db]);
  const { value: log } = useLiveQuery(() => readPruneLog(db), [db]);
  const [tally, setTally] = useState<UnsavedTally>();
  const [revision, setRevision] = useState(0);
  const [message, setMessage] = useState<Message>();
  useEffect(() => {
    let current = true;
    // Measured when the page opens and after each change here, not live: in a library written
    // before sizes were kept, the first measure reads every article and sizes their rows (a write).
    void unsavedTally(db).then((result) => current && setTally(result));
    return () => {
      current = false;
    };
  }, [db, revision]);
  const n = (value: number) => formatNumber(value, tag);
  return (
    <section class="options-section" aria-labelledby="cap-heading">
      <h2 id="cap-heading">{t('securityCapHeading')}</h2>
      <p class="help">{t('securityCapHelp')}</p>
      {tally && <p>{t('securityCapNow', n(tally.articles), formatBytes(tally.bytes, tag))}</p>}
      {settings && (
        <CapForm
          key={`${settings.storageCap.articles}/${settings.storageCap.megabytes}`}
          db={db}
          cap={settings.storageCap}
          onApplied={(removed) => {
            if (removed.length) onLibraryChanged(removed);
            setRevision((r) => r + 1);
          }}
          onMessage={setMessage}
        />
      )}
      <p role={message?.error ? 'alert' : 'status'} class={message?.error ? 'error' : 'muted'}>{message?.text ?? ''}</p>
      <h3 id="pruned-heading">{t('securityPrunedHeading')}</h3>
      {log && log.length === 0 && <p class="muted">{t('securityPrunedNone')}</p>}
      {log && log.length > 0 && (
        <ul class="pruned" aria-labelledby="pruned-heading">
          {[...log].reverse().map((record) => (
            <li key={record.at}>
              {t('securityPrunedRow', formatDateTime(record.at, tag), n(record.articles), formatBytes(record.bytes, tag), record.sites.map((site) => `${site.host || '—'} (${n(site.articles)})`).join(', '))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
