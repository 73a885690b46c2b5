import { useEffect, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import type { CollectionWithCount } from '@/lib/db/collections';
import type { ImportReport } from '@/lib/import/import-file';
import { formatNumber } from '@/lib/format';
import { entryErrorText, importErrorText } from '../error-text';
import { ErrorMessage } from '../ErrorMessage';
import { FilePicker } from '../FilePicker';
import { TaskProgress } from '../files/TaskProgress';
import { useFileTask } from '../files/use-file-task';
import { useI18n } from '../i18n-context';
import { ToolPanel } from './ToolPanel';

export const IMPORT_ACCEPT = '.bib,.ris,.json,.txt';

const FORMAT_NAMES: Record<NonNullable<ImportReport['format']>, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

interface Props {
  db: SimlitDB;
  collections: CollectionWithCount[];
  /** The collection shown, offered as the target first. */
  current?: string;
  onLibraryChanged(articleIds: string[]): void;
  onClose(): void;
  /** Told when an import starts and ends. */
  onBusy?(busy: boolean): void;
}

function Report({ fileName, report }: { fileName: string; report: ImportReport }) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  const format = report.format ? FORMAT_NAMES[report.format] : t('libImportUnknownFormat');
  return (
    <div class="import-report">
      {report.error ? (
        <ErrorMessage message={t('libraryImportFailed', fileName, importErrorText(report.error, t))} detail={report.error} />
      ) : (
        <p class="report-summary">{t('libImportSummary', fileName, format, n(report.added), n(report.merged), n(report.unchanged), n(report.rejected.length))}</p>
      )}
      {report.ignoredFields.length > 0 && <p class="muted">{t('securityImportIgnored', report.ignoredFields.join(', '))}</p>}
      {report.rejected.length > 0 && (
        <>
          <h3 id="import-rejected">{t('libImportRejectedHeading', n(report.rejected.length))}</h3>
          <ul class="rejected" aria-labelledby="import-rejected">
            {report.rejected.map(({ entry, reason }, i) => (
              <li key={i}>
                <span class="rejected-entry">{entry}</span>
                {' — '}
                <span class="rejected-reason" title={reason}>{entryErrorText(reason, t)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Reads a BibTeX, RIS or CSL-JSON file into the library (optionally into a collection) and reports the outcome. */
export function ImportPanel({ db, collections, current, onLibraryChanged, onClose, onBusy }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [target, setTarget] = useState(current ?? '');
  const { state, start, cancel, prepare, reset } = useFileTask(db);
  const [fileName, setFileName] = useState('');
  const collectionId = collections.some((c) => c.id === target) ? target : undefined;

  async function run(chosen: File) {
    setFileName(chosen.name);
    const result = await start({ kind: 'import', file: chosen, fileName: chosen.name, collectionId }, chosen);
    if (result?.kind === 'import' && result.report.writtenIds.length) onLibraryChanged(result.report.writtenIds);
  }

  const busy = state.kind === 'busy';
  useEffect(() => {
    onBusy?.(busy);
    // Closed while importing: the import goes on in its worker, the page need not wait for it.
    return () => {
      if (busy) onBusy?.(false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [busy]);
  return (
    <ToolPanel id="import-panel" heading={t('libImportHeading')} busy={busy} onClose={onClose}>
      <p class="help" id="import-help">{t('libImportHelp')}</p>
      <form
        class="tool-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file && !busy) void run(file);
        }}
      >
        <div class="stacked">
          <span class="section-label" aria-hidden="true">{t('libImportFile')}</span>
          <FilePicker
            id="import-file"
            label={t('libImportFile')}
            accept={IMPORT_ACCEPT}
            file={file}
            describedBy="import-help"
            onChange={(chosen) => {
              setFile(chosen);
              reset();
              if (chosen) prepare('import');
            }}
          />
        </div>
        <label class="stacked">
          <span class="section-label">{t('libImportTarget')}</span>
          <select value={collectionId ?? ''} onChange={(event) => setTarget((event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('libImportNoCollection')}</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!file || busy}>{t('libImportStart')}</button>
      </form>
      <div class="tool-result" aria-live="polite">
        {busy && <p class="muted">{t('libImportBusy')}</p>}
        {busy && <TaskProgress progress={state.progress} cancelling={state.cancelling} onCancel={cancel} />}
        {state.kind === 'failed' && (
          <ErrorMessage
            message={state.readable ?? t('libraryImportFailed', fileName, importErrorText(state.reason, t))}
            detail={state.readable ? undefined : state.reason}
          />
        )}
        {state.kind === 'cancelled' && <p class="report-summary">{t('securityImportCancelled')}</p>}
        {state.kind === 'done' && state.result.kind === 'import' && <Report fileName={fileName} report={state.result.report} />}
      </div>
    </ToolPanel>
  );
}
