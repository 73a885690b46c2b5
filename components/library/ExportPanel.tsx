import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/export';
import type { SimlitDB } from '@/lib/db/schema';
import type { Article } from '@/lib/model/article';
import type { MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/format';
import { missingFields, REQUIRED_FIELDS } from '@/lib/model/completeness';
import { articlesInOrder } from '@/lib/db/articles-by-chunk';
import { pinCitationKeys, withCitationKeys } from '@/lib/db/citation-keys';
import { ErrorMessage } from '../ErrorMessage';
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

type State =
  | { kind: 'idle' }
  /** `keys`: how many of the articles without a citation key have one, while a BibTeX export gives them. */
  | { kind: 'busy'; count: number; keys?: { done: number; total: number } }
  /** Some articles lack a title, authors or year: the reader chooses before anything is written. */
  | { kind: 'incomplete'; articles: Article[]; incomplete: Set<string> }
  | { kind: 'done'; fileName: string; count: number }
  | { kind: 'nothing' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: string };

interface Props {
  db: SimlitDB;
  sources: ExportSources;
  formatter: Formatter;
  onClose(): void;
}

/** A ref whose element takes the focus when it appears (the choice the reader must make next). */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function defaultScope(sources: ExportSources): ExportScope {
  if (sources.selection.length) return 'selection';
  return sources.shown.length ? 'shown' : 'all';
}

/**
 * Says how many of the articles to export lack a title, authors or year (a reference made of one
 * reads "[3] [J]."), and lets the reader export them all, only the complete ones, or nothing.
 */
function IncompleteWarning({ articles, incomplete, onWrite, onCancel }: { articles: Article[]; incomplete: Set<string>; onWrite(articles: Article[]): void; onCancel(): void }) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  const complete = articles.filter((article) => !incomplete.has(article.id));
  const lacking = REQUIRED_FIELDS.map((field) => [field, articles.filter((article) => missingFields(article).includes(field)).length] as const).filter(([, count]) => count > 0);
  const write = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="export-warning" role="alertdialog" aria-labelledby="export-warning-text" aria-describedby="export-warning-detail">
      <p id="export-warning-text">{t('libraryExportIncomplete', n(incomplete.size), n(articles.length))}</p>
      <p id="export-warning-detail" class="muted">
        {lacking.map(([field, count]) => t(MISSING_COUNTS[field], n(count))).join(t('libraryListSeparator'))}
      </p>
      <div class="warning-actions">
        <button type="button" ref={write} onClick={() => onWrite(articles)}>{t('libraryExportAnyway', n(articles.length))}</button>
        {complete.length > 0 && (
          <button type="button" class="secondary" onClick={() => onWrite(complete)}>{t('libraryExportComplete', n(complete.length))}</button>
        )}
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}

const MISSING_COUNTS = { title: 'libraryLackingTitle', author: 'libraryLackingAuthor', issued: 'libraryLackingYear' } as const satisfies Record<string, MessageKey>;

/** Exports the selection, the articles in view (e.g. a collection) or the whole library as a file. */
export function ExportPanel({ db, sources, formatter, onClose }: Props) {
  const { t, tag } = useI18n();
  const [chosenScope, setScope] = useState<ExportScope>(defaultScope(sources));
  const [format, setFormat] = useState<ExportFormat>('ris');
  const [state, setState] = useState<State>({ kind: 'idle' });
  // The export under way: Cancel, or the panel closing, stops it (nothing is downloaded).
  const running = useRef<AbortController>();
  useEffect(() => () => running.current?.abort(), []);
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

  /** A new run of the export: what Cancel (or the panel closing) aborts. */
  function begin(count: number): AbortSignal {
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'busy', count });
    return controller.signal;
  }

  /** What an export that stopped says: cancelled, or why it failed. */
  function stopped(error: unknown, signal: AbortSignal) {
    setState(signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }

  /** Loads the articles in scope; asks first when some are incomplete. */
  async function start() {
    const signal = begin(sources[scope].length);
    try {
      const articles = await articlesInOrder(db.articles, sources[scope]);
      signal.throwIfAborted();
      if (!articles.length) return setState({ kind: 'nothing' });
      const incomplete = new Set(articles.filter((article) => missingFields(article).length > 0).map((article) => article.id));
      if (incomplete.size) return setState({ kind: 'incomplete', articles, incomplete });
      await write(articles, signal);
    } catch (error) {
      stopped(error, signal);
    }
  }

  /** Writes the file: in the run start() began, or (the reader's choice after the warning) in a new one. */
  async function write(articles: Article[], signal = begin(articles.length)) {
    const count = articles.length;
    try {
      const name = scope === 'all' ? undefined : sources.collectionName;
      // BibTeX keys are kept in the library: the next export cites them the same way (a cancel
      // leaves those given so far: they are the keys the next export would give anyway). Other
      // formats carry the keys given so far (CSL-JSON's citation-key).
      const keyed = format === 'bibtex' || format === 'biblatex' ? await pinCitationKeys(db, articles, { onProgress: (done, total) => setState({ kind: 'busy', count, keys: { done, total } }), signal }) : await withCitationKeys(db, articles);
      signal.throwIfAborted();
      setState({ kind: 'busy', count }); // the keys given, the file is being made
      const file = await formatter.exportFile(keyed, format, name, new Date(), signal);
      downloadText(file.text, file.mimeType, file.fileName);
      setState({ kind: 'done', fileName: file.fileName, count });
    } catch (error) {
      stopped(error, signal);
    }
  }

  const busy = state.kind === 'busy';
  const keys = state.kind === 'busy' ? state.keys : undefined;
  const busyText = state.kind !== 'busy' ? '' : keys ? t('libExportKeys', n(keys.done), n(keys.total)) : t(format === 'apa' ? 'libExportBusyApa' : 'libExportBusy', n(state.count));
  return (
    <ToolPanel id="export-panel" heading={t('libExportHeading')} busy={busy} onClose={onClose}>
      <form
        class="tool-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void start();
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
        {busy ? busyText : state.kind === 'done' ? t('libExportDone', state.fileName, n(state.count)) : state.kind === 'cancelled' ? t('libExportCancelled') : ''}
      </p>
      {busy && (
        <button type="button" class="secondary small" onClick={() => running.current?.abort()}>
          {t('cancel')}
        </button>
      )}
      {state.kind === 'incomplete' && <IncompleteWarning articles={state.articles} incomplete={state.incomplete} onWrite={write} onCancel={() => setState({ kind: 'idle' })} />}
      {state.kind === 'nothing' && <p class="error" role="alert">{t('libExportNothing')}</p>}
      {state.kind === 'failed' && <ErrorMessage message={t('libraryExportFailed')} detail={state.reason} />}
    </ToolPanel>
  );
}
