import { useEffect, useRef, useState } from 'preact/hooks';
import type { CitationStyle } from '@/lib/export';
import type { SimlitDB } from '@/lib/db/schema';
import { readSettings, writeSetting } from '@/lib/db/settings';
import type { Article } from '@/lib/model/article';
import type { MessageKey } from '@/lib/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../use-live-query';
import type { Formatter } from './formatter';

export const CITATION_STYLES: [CitationStyle, MessageKey][] = [
  ['gbt7714', 'libStyleGbt7714'],
  ['apa', 'libStyleApa'],
];

export const PREPARE_AFTER_MS = 500;

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'copied' }
  /** The clipboard refused: the text is shown to be copied by hand. */
  | { kind: 'manual'; text: string }
  | { kind: 'failed'; reason: string };

interface Props {
  /** Where the reader's choice of style is kept for the next article. */
  db: SimlitDB;
  /** The articles to cite, loaded when the button is pressed (one: a citation; several: a numbered list). */
  load(): Promise<Article[]>;
  formatter: Formatter;
  /** "Copy citation" or "Copy reference list". */
  label: string;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A style choice and a button that puts the formatted reference(s) on the clipboard. */
export function CopyCitation({ db, load, formatter, label }: Props) {
  const { t, locale } = useI18n();
  const { value: settings } = useLiveQuery(() => readSettings(db), [db]);
  // Chosen here (kept even if it cannot be saved), else the last choice, else by interface language.
  const [chosen, setChosen] = useState<CitationStyle>();
  const kept = settings?.citationStyle;
  const style: CitationStyle = chosen ?? (kept && kept !== 'auto' ? kept : locale === 'zh_CN' ? 'gbt7714' : 'apa');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const manualBox = useRef<HTMLTextAreaElement>(null);

  // A style shown for a moment is likely to be used: its engine is built while the reader reads.
  // Not at once, so that switching styles right away does not queue a build nobody wants.
  useEffect(() => {
    const timer = setTimeout(() => formatter.prepare(style), PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [formatter, style]);

  useEffect(() => {
    if (state.kind !== 'manual') return;
    manualBox.current?.focus();
    manualBox.current?.select();
  }, [state]);

  async function copy() {
    setState({ kind: 'busy' });
    try {
      const text = await formatter.citation(await load(), style);
      setState((await writeClipboard(text)) ? { kind: 'copied' } : { kind: 'manual', text });
    } catch (error) {
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const busy = state.kind === 'busy';
  return (
    <div class="copy-citation" aria-busy={busy}>
      <label>
        <span class="visually-hidden">{t('libCitationStyle')}</span>
        <select
          value={style}
          onChange={(event) => {
            const next = (event.currentTarget as HTMLSelectElement).value as CitationStyle;
            setChosen(next);
            setState({ kind: 'idle' });
            writeSetting(db, 'citationStyle', next).catch(() => undefined);
          }}
        >
          {CITATION_STYLES.map(([value, name]) => (
            <option key={value} value={value}>{t(name)}</option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => void copy()}>{label}</button>
      <span role="status" class="muted">
        {busy ? t(style === 'apa' ? 'libCitationBusyApa' : 'libCitationBusy') : state.kind === 'copied' ? t('libCitationCopied') : ''}
      </span>
      {state.kind === 'failed' && <ErrorMessage message={t('libraryCitationFailed')} detail={state.reason} />}
      {state.kind === 'manual' && (
        <div class="manual-copy">
          <p class="notice" role="alert">{t('libCitationCopyFailed')}</p>
          <label class="stacked">
            <span class="visually-hidden">{t('libCitationText')}</span>
            <textarea ref={manualBox} readOnly rows={Math.min(8, state.text.split('\n').length + 1)} value={state.text} />
          </label>
        </div>
      )}
    </div>
  );
}
