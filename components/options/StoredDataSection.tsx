import { useEffect, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { clearUntouched, deleteAllData, storedCounts } from '@/lib/db/clear-library';
import { storageErrorMessage } from '@/lib/db/errors';
import { ErrorMessage } from '../ErrorMessage';
import { useWarnBeforeLeaving } from '../use-warn-before-leaving';
import { formatBytes, formatNumber } from '@/lib/format';
import { ConfirmButton } from '../ConfirmButton';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../use-live-query';

export type StorageEstimator = () => Promise<{ usage?: number; quota?: number }>;

function StorageUsed({ estimate, revision }: { estimate: StorageEstimator; revision: unknown }) {
  const { t, tag } = useI18n();
  const [usage, setUsage] = useState<{ usage?: number; quota?: number } | null>();
  useEffect(() => {
    let current = true;
    estimate().then(
      (result) => current && setUsage(result),
      () => current && setUsage(null),
    );
    return () => {
      current = false;
    };
  }, [estimate, revision]);
  if (usage === undefined) return null;
  return (
    <section class="options-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('optStorageHeading')}</h2>
      <p>
        {usage?.usage !== undefined && usage.quota !== undefined
          ? t('optStorageUsed', formatBytes(usage.usage, tag), formatBytes(usage.quota, tag))
          : t('optStorageUnknown')}
      </p>
    </section>
  );
}

interface Props {
  db: SimlitDB;
  estimate: StorageEstimator;
  onLibraryChanged(articleIds: string[]): void;
}

/** What is stored, how much room it takes, and clearing it. */
export function StoredDataSection({ db, estimate, onLibraryChanged }: Props) {
  const { t, tag } = useI18n();
  const { value: counts } = useLiveQuery(() => storedCounts(db), [db]);
  const [done, setDone] = useState<string>();
  const [clearing, setClearing] = useState<{ done: number; total: number }>();
  const [failed, setFailed] = useState<{ deleted: number; reason: string }>();
  useWarnBeforeLeaving(clearing !== undefined);
  const n = (value: number) => formatNumber(value, tag);
  /** A chunk a transaction, with progress; the ranking index hears of what was deleted even when a chunk fails. */
  const clearAll = async () => {
    const deleted: string[] = [];
    setDone(undefined);
    setFailed(undefined);
    setClearing({ done: 0, total: counts?.untouched ?? 0 });
    try {
      await clearUntouched(db, deleted, (through, total) => setClearing({ done: through, total }));
      setDone(t('libDeleted', n(deleted.length)));
    } catch (error) {
      setFailed({ deleted: deleted.length, reason: storageErrorMessage(error, { t }) });
    } finally {
      setClearing(undefined);
      onLibraryChanged(deleted);
    }
  };
  return (
    <>
      <section class="options-section" aria-labelledby="stored-heading">
        <h2 id="stored-heading">{t('optStoredHeading')}</h2>
        <p>{t('optStoredText')}</p>
        {counts && <p class="counts">{t('optStoredCounts', n(counts.articles), n(counts.saved), n(counts.collections), n(counts.captures))}</p>}
      </section>
      <StorageUsed estimate={estimate} revision={counts} />
      <section class="options-section" aria-labelledby="clear-heading">
        <h2 id="clear-heading">{t('optClearHeading')}</h2>
        <div class="clear-action">
          <ConfirmButton
            class="danger"
            label={t('optClearUntouched', n(counts?.untouched ?? 0))}
            question={t('optClearUntouchedConfirm', n(counts?.untouched ?? 0))}
            disabled={!counts?.untouched || clearing !== undefined}
            onConfirm={clearAll}
          />
          <p class="help">{t('optClearUntouchedHelp')}</p>
        </div>
        <div class="clear-action">
          <ConfirmButton
            class="danger"
            label={t('optDeleteAll')}
            question={t('optDeleteAllConfirm', n(counts?.articles ?? 0), n(counts?.collections ?? 0))}
            disabled={!counts || counts.articles + counts.collections + counts.captures === 0 || clearing !== undefined}
            onConfirm={async () => {
              onLibraryChanged(await deleteAllData(db));
              setDone(t('optDeletedAll'));
            }}
          />
          <p class="help">{t('optDeleteAllHelp')}</p>
        </div>
        <p role="status" class="muted">{clearing ? t('optClearingUntouched', n(clearing.done), n(clearing.total)) : (done ?? '')}</p>
        {failed && <ErrorMessage message={t('optClearUntouchedFailed', n(failed.deleted))} detail={failed.reason} />}
      </section>
    </>
  );
}
