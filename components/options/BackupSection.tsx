import { useState } from 'preact/hooks';
import { backupFileName, backupLibrary } from '@/lib/backup/backup';
import type { RestoreConflict, RestoreReport } from '@/lib/backup/restore';
import type { SimlitDB } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/format';
import { restoreErrorText } from '../error-text';
import { ErrorMessage } from '../ErrorMessage';
import { FilePicker } from '../FilePicker';
import { TaskProgress } from '../files/TaskProgress';
import { useFileTask } from '../files/use-file-task';
import { useI18n } from '../i18n-context';
import { downloadText } from '../library/download';
import { DroppedValues } from './DroppedValues';

type BackupState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; reason: string };

const TABLE_NAMES: Record<RestoreConflict['table'], MessageKey> = {
  articles: 'optConflictArticle',
  collections: 'optConflictCollection',
  settings: 'optConflictSetting',
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A stored value as short text: strings as they are, anything else as JSON, long values cut. */
function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function Conflicts({ conflicts }: { conflicts: RestoreConflict[] }) {
  const { t, tag } = useI18n();
  if (!conflicts.length) return <p>{t('optRestoreNoConflicts')}</p>;
  return (
    <>
      <h3 id="restore-conflicts">{t('optRestoreConflictsHeading', formatNumber(conflicts.length, tag))}</h3>
      <p class="help">{t('optRestoreConflictsHelp')}</p>
      <div class="table-scroll">
        <table class="conflicts" aria-labelledby="restore-conflicts">
          <thead>
            <tr>
              <th scope="col">{t('optConflictItem')}</th>
              <th scope="col">{t('optConflictField')}</th>
              <th scope="col">{t('optConflictKept')}</th>
              <th scope="col">{t('optConflictFromBackup')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((conflict, i) => (
              <tr key={i}>
                <td>{t(TABLE_NAMES[conflict.table], conflict.id)}</td>
                <td>{conflict.field}</td>
                <td>{shortValue(conflict.kept)}</td>
                <td>{shortValue(conflict.fromBackup)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RestoreError({ reason: raw }: { reason: string }) {
  const { t } = useI18n();
  return <ErrorMessage message={t('libraryRestoreFailed', restoreErrorText(raw, t))} detail={raw} />;
}

function RestoreSummary({ report }: { report: RestoreReport }) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  if (report.error) return <RestoreError reason={report.error} />;
  const { articles, collections, settings, captures } = report;
  return (
    <div class="restore-report">
      <p class="report-summary">{t('optRestoreDone')}</p>
      <ul>
        <li>{t('optRestoreArticles', n(articles.added), n(articles.merged), n(articles.unchanged))}</li>
        <li>{t('optRestoreCollections', n(collections.added), n(collections.joined), n(collections.unchanged))}</li>
        <li>{t('optRestoreSettings', n(settings.added), n(settings.merged), n(settings.unchanged))}</li>
        <li>{t('optRestoreCaptures', n(captures.added), n(captures.unchanged))}</li>
      </ul>
      <Conflicts conflicts={report.conflicts} />
      <DroppedValues dropped={report.dropped} more={report.droppedMore} />
    </div>
  );
}

interface Props {
  db: SimlitDB;
  onLibraryChanged(articleIds: string[]): void;
}

/** Backing the whole library up to one file, and restoring such a file (merging, never dropping). */
export function BackupSection({ db, onLibraryChanged }: Props) {
  const { t } = useI18n();
  const [backup, setBackup] = useState<BackupState>({ kind: 'idle' });
  const [file, setFile] = useState<File>();
  const { state: restore, start, cancel, prepare, reset } = useFileTask(db);

  async function saveBackup() {
    setBackup({ kind: 'busy' });
    try {
      const fileName = backupFileName();
      downloadText(await backupLibrary(db), 'application/json;charset=utf-8', fileName);
      setBackup({ kind: 'done', fileName });
    } catch (error) {
      setBackup({ kind: 'failed', reason: reason(error) });
    }
  }

  async function restoreFrom(chosen: File) {
    const result = await start({ kind: 'restore', file: chosen }, chosen);
    if (result?.kind === 'restore' && result.report.writtenIds.length) onLibraryChanged(result.report.writtenIds);
  }

  return (
    <section class="options-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('optBackupHeading')}</h2>
      <p class="help">{t('optBackupHelp')}</p>
      <div class="clear-action">
        <button type="button" disabled={backup.kind === 'busy'} onClick={() => void saveBackup()}>{t('optBackupDownload')}</button>
        <p class="muted" aria-live="polite">
          {backup.kind === 'busy' ? t('optBackupBusy') : backup.kind === 'done' ? t('optBackupDone', backup.fileName) : ''}
        </p>
        {backup.kind === 'failed' && <ErrorMessage message={t('libraryBackupFailed')} detail={backup.reason} />}
      </div>
      <form
        class="clear-action"
        onSubmit={(event) => {
          event.preventDefault();
          if (file && restore.kind !== 'busy') void restoreFrom(file);
        }}
      >
        <div class="stacked">
          <span class="section-label" aria-hidden="true">{t('optRestoreFile')}</span>
          <FilePicker
            id="restore-file"
            label={t('optRestoreFile')}
            accept=".json,application/json"
            file={file}
            describedBy="restore-help"
            onChange={(chosen) => {
              setFile(chosen);
              reset();
              if (chosen) prepare('restore');
            }}
          />
        </div>
        <p class="help" id="restore-help">{t('optRestoreHelp')}</p>
        <button type="submit" disabled={!file || restore.kind === 'busy'}>{t('optRestore')}</button>
      </form>
      <div class="tool-result" aria-live="polite">
        {restore.kind === 'busy' && <p class="muted">{t('optRestoreBusy')}</p>}
        {restore.kind === 'busy' && <TaskProgress progress={restore.progress} cancelling={restore.cancelling} onCancel={cancel} />}
        {restore.kind === 'failed' && (restore.readable ? <ErrorMessage message={restore.readable} /> : <RestoreError reason={restore.reason} />)}
        {restore.kind === 'cancelled' && <p class="report-summary">{t('securityRestoreCancelled')}</p>}
        {restore.kind === 'done' && restore.result.kind === 'restore' && <RestoreSummary report={restore.result.report} />}
      </div>
    </section>
  );
}
