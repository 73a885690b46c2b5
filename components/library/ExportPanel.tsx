import { useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/export';
import type { SimlitDB } from '@/lib/db/schema';
import type { Article } from '@/lib/model/article';
import type { MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/format';
import { useI18n } from '../i18n-context';
import { downloadText } from './download';
import type { Formatter } from './formatter';
import { ToolPanel } from './ToolPanel';

/** Every export format with its label; a format added to lib/export fails to compile here until labelled. */
const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  ris: 'libFormatRis',
  bibtex: 'libFormatBibtex',
  biblatex: 'libFormatBiblatex',
  'csl-json': 'libFormatCslJson',
  enw: 'libFormatEnw',
  csv: 'libFormatCsv',
  markdown: 'libFormatMarkdown',
  gbt7714: 'libFormatGbt7714',
  apa: 'libFormatApa',
};
const FORMATS = Object.keys(FORMAT_LABELS) as ExportFormat[];

export type ExportScope = 'selection' | 'shown' | 'all';

export interface ExportSources {
  /** Selected articles among those shown, in list order. */
  selection: string[];
  /** The articles shown (the current collection and filters), in list order. */
  shown: string[];
  /** The whole library, in list order. */
  all: string[];
  /** The collection shown, when the view is exactly that collection: it names the file. */
  collectionName?: string;
}

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string; count: number } | { kind: 'failed'; reason: string };

interface Props {
  db: SimlitDB;
  sources: ExportSources;
  formatter: Formatter;
  onClose(): void;
}

/** Loads articles by id in the given order, skipping any deleted meanwhile. */
async function loadArticles(db: SimlitDB, ids: string[]): Promise<Article[]> {
  return (await db.articles.bulkGet(ids)).filter((article): article is Article => article !== undefined);
}

function defaultScope(sources: ExportSources): ExportScope {
  if (sources.selection.length) return 'selection';
  return sources.shown.length ? 'shown' : 'all';
}

/** Exports the selection, the articles in view (e.g. a collection) or the whole library as a file. */
export function ExportPanel({ db, sources, formatter, onClose }: Props) {
  const { t, tag } = useI18n();
  const [chosenScope, setScope] = useState<ExportScope>(defaultScope(sources));
  const [format, setFormat] = useState<ExportFormat>('ris');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const scope = chosenScope === 'selection' && !sources.selection.length ? defaultScope(sources) : chosenScope;
  const n = (count: number) => formatNumber(count, tag);

  const scopes: [ExportScope, string][] = [];
  if (sources.selection.length) scopes.push(['selection', t('libExportScopeSelection', n(sources.selection.length))]);
  scopes.push([
    'shown',
    sources.collectionName !== undefined
      ? t('libExportScopeCollection', sources.collectionName, n(sources.shown.length))
      : t('libExportScopeShown', n(sources.shown.length)),
  ]);
  scopes.push(['all', t('libExportScopeAll', n(sources.all.length))]);

  async function download() {
    setState({ kind: 'busy' });
    try {
      const articles = await loadArticles(db, sources[scope]);
      if (!articles.length) {
        setState({ kind: 'failed', reason: t('libExportNothing') });
        return;
      }
      const name = scope === 'all' ? undefined : sources.collectionName;
      const file = await formatter.exportFile(articles, format, name, new Date());
      downloadText(file.text, file.mimeType, file.fileName);
      setState({ kind: 'done', fileName: file.fileName, count: articles.length });
    } catch (error) {
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const busy = state.kind === 'busy';
  return (
    <ToolPanel id="export-panel" heading={t('libExportHeading')} busy={busy} onClose={onClose}>
      <form
        class="tool-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void download();
        }}
      >
        <fieldset>
          <legend>{t('libExportScope')}</legend>
          {scopes.map(([value, label]) => (
            <label key={value} class="radio">
              <input type="radio" name="export-scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <label class="stacked">
          <span class="section-label">{t('libExportFormat')}</span>
          <select
            value={format}
            onChange={(event) => {
              const chosen = (event.currentTarget as HTMLSelectElement).value as ExportFormat;
              setFormat(chosen);
              if (chosen === 'apa' || chosen === 'gbt7714') formatter.prepare(chosen);
            }}
          >
            {FORMATS.map((value) => (
              <option key={value} value={value}>{t(FORMAT_LABELS[value])}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>{t('libExportDownload')}</button>
      </form>
      <p role="status" class="muted">
        {busy ? t(format === 'apa' ? 'libExportBusyApa' : 'libExportBusy') : state.kind === 'done' ? t('libExportDone', state.fileName, n(state.count)) : ''}
      </p>
      {state.kind === 'failed' && <p class="error" role="alert">{t('libExportFailed', state.reason)}</p>}
    </ToolPanel>
  );
}
