import { useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import type { CollectionWithCount } from '@/lib/db/collections';
import type { ImportReport } from '@/lib/import/import-file';
import { formatNumber } from '@/lib/format';
import { entryErrorText, importErrorText } from '../error-text';
import { ErrorMessage } from '../ErrorMessage';
import { FilePicker } from '../FilePicker';
import { useI18n } from '../i18n-context';
import { ToolPanel } from './ToolPanel';

export const IMPORT_ACCEPT = '.bib,.ris,.json,.txt';

const FORMAT_NAMES: Record<NonNullable<ImportReport['format']>, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'report'; fileName: string; report: ImportReport }
  | { kind: 'failed'; fileName: string; reason: string };

interface Props {
  db: SimlitDB;
  collections: CollectionWithCount[];
  /** The collection shown, offered as the target first. */
  current?: string;
  onLibraryChanged(articleIds: string[]): void;
  onClose(): void;
}

/** Imports a file; the importer and citation-js load on first use. */
async function importText(db: SimlitDB, text: string, fileName: string, collectionId: string | undefined): Promise<ImportReport> {
  const { importFile } = await import('@/lib/import/import-file');
  return importFile(db, text, { fileName, collectionId });
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
export function ImportPanel({ db, collections, current, onLibraryChanged, onClose }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [target, setTarget] = useState(current ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const collectionId = collections.some((c) => c.id === target) ? target : undefined;

  async function run(chosen: File) {
    setState({ kind: 'busy' });
    try {
      const report = await importText(db, await chosen.text(), chosen.name, collectionId);
      if (report.written.length) onLibraryChanged(report.written.map((article) => article.id));
      setState({ kind: 'report', fileName: chosen.name, report });
    } catch (error) {
      // Reading the file failed, or the importer broke: its transaction wrote nothing.
      setState({ kind: 'failed', fileName: chosen.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const busy = state.kind === 'busy';
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
              setState({ kind: 'idle' });
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
        {state.kind === 'failed' && (
          <ErrorMessage message={t('libraryImportFailed', state.fileName, importErrorText(state.reason, t))} detail={state.reason} />
        )}
        {state.kind === 'report' && <Report fileName={state.fileName} report={state.report} />}
      </div>
    </ToolPanel>
  );
}
