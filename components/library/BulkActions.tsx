import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { addToCollection, removeFromCollection, type CollectionWithCount } from '@/lib/db/collections';
import { addTags, setSaved, type EditOptions } from '@/lib/db/article-edits';
import { articlesInOrder } from '@/lib/db/articles-by-chunk';
import { storageErrorMessage } from '@/lib/db/errors';
import { formatNumber } from '@/lib/format';
import { ErrorMessage } from '../ErrorMessage';
import { useI18n } from '../i18n-context';
import { CopyCitation } from './CopyCitation';
import { inPageFormatter, type Formatter } from './formatter';
import { TagAddForm } from './TagAddForm';

interface Props {
  db: SimlitDB;
  selected: string[];
  collections: CollectionWithCount[];
  /** The collection being shown, from which the selection can be removed. */
  current?: CollectionWithCount;
  formatter?: Formatter;
  onClear(): void;
  onDelete(ids: string[]): void;
  /** A change to many articles is under way (a deletion or its undo, a collection's deletion): Delete waits for it. */
  deleteHeld?: boolean;
  /** Told when a change to the selected articles starts and ends (or the bar goes away). */
  onBusy?(busy: boolean): void;
}

const noBusy = () => undefined;

/** A change to the selection: under way (articles gone through of all), done, or stopped by an error. */
type Work =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; changed: number }
  | { state: 'failed'; done: number; total: number; reason: string };

/** What can be done to the selected articles at once. */
export function BulkActions({ db, selected, collections, current, formatter = inPageFormatter, onClear, onDelete, deleteHeld = false, onBusy = noBusy }: Props) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  const [target, setTarget] = useState('');
  const [work, setWork] = useState<Work>();
  const chosen = collections.some((c) => c.id === target) ? target : collections[0]?.id ?? '';
  const running = work?.state === 'running';
  // Made once per selection, not at each render: the bar renders at every step of a change to
  // the selected articles, and joining 50,000 ids each time took 2.6 s of deleting them.
  const selectionKey = useMemo(() => selected.join('\n'), [selected]);
  useEffect(() => () => onBusy(false), [onBusy]);
  /** Runs a change to many articles (a chunk at a time: lib/db/article-edits), saying how far it is. */
  const change = async (apply: (ids: string[], options: EditOptions) => Promise<number>) => {
    const ids = selected;
    let done = 0;
    setWork({ state: 'running', done, total: ids.length });
    onBusy(true);
    const onProgress = (progress: number) => {
      done = progress;
      setWork({ state: 'running', done, total: ids.length });
    };
    try {
      setWork({ state: 'done', changed: await apply(ids, { onProgress }) });
    } catch (error) {
      setWork({ state: 'failed', done, total: ids.length, reason: storageErrorMessage(error, { t }) });
    } finally {
      onBusy(false);
    }
  };
  return (
    <div class="bulk-actions" role="region" aria-label={t('libBulkActions')}>
      <span class="bulk-count" aria-live="polite">{t('libSelectedCount', n(selected.length))}</span>
      <button type="button" class="secondary" onClick={onClear}>{t('libClearSelection')}</button>
      <button type="button" disabled={running} onClick={() => void change((ids, options) => setSaved(db, ids, true, Date.now(), options))}>
        {t('save')}
      </button>
      {collections.length > 0 && (
        <span class="bulk-group">
          <label>
            <span class="visually-hidden">{t('libChooseCollection')}</span>
            <select value={chosen} onChange={(event) => setTarget((event.currentTarget as HTMLSelectElement).value)}>
              {collections.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </label>
          <button type="button" disabled={running} onClick={() => void change((ids, options) => addToCollection(db, chosen, ids, Date.now(), options))}>
            {t('libAddToCollection')}
          </button>
        </span>
      )}
      {current && (
        <button
          type="button"
          class="secondary"
          disabled={running}
          onClick={() => void change((ids, options) => removeFromCollection(db, current.id, ids, Date.now(), options))}
        >
          {t('libRemoveFromCollection', current.name)}
        </button>
      )}
      <TagAddForm class="bulk-group" onAdd={(tags) => change((ids, options) => addTags(db, ids, tags, Date.now(), options))} />
      <CopyCitation
        key={selectionKey}
        db={db}
        formatter={formatter}
        label={t('libCopyReferences')}
        load={() => articlesInOrder(db.articles, selected)}
      />
      <button type="button" class="danger" disabled={running || deleteHeld} onClick={() => onDelete(selected)}>{t('libDelete')}</button>
      {work?.state === 'running' && <p class="bulk-status" role="status">{t('libBulkProgress', n(work.done), n(work.total))}</p>}
      {work?.state === 'done' && <p class="bulk-status" role="status">{t('libBulkDone', n(work.changed))}</p>}
      {work?.state === 'failed' && <ErrorMessage message={t('libBulkFailed', n(work.done), n(work.total))} detail={work.reason} />}
    </div>
  );
}
