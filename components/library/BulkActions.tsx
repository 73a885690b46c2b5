import { useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { addToCollection, removeFromCollection, type CollectionWithCount } from '@/lib/db/collections';
import { addTags, setSaved } from '@/lib/db/article-edits';
import { formatNumber } from '@/lib/format';
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
}

/** What can be done to the selected articles at once. */
export function BulkActions({ db, selected, collections, current, formatter = inPageFormatter, onClear, onDelete }: Props) {
  const { t, tag } = useI18n();
  const [target, setTarget] = useState('');
  const chosen = collections.some((c) => c.id === target) ? target : collections[0]?.id ?? '';
  return (
    <div class="bulk-actions" role="region" aria-label={t('libBulkActions')}>
      <span class="bulk-count" aria-live="polite">{t('libSelectedCount', formatNumber(selected.length, tag))}</span>
      <button type="button" class="secondary" onClick={onClear}>{t('libClearSelection')}</button>
      <button type="button" onClick={() => void setSaved(db, selected, true)}>{t('save')}</button>
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
          <button type="button" onClick={() => void addToCollection(db, chosen, selected)}>{t('libAddToCollection')}</button>
        </span>
      )}
      {current && (
        <button type="button" class="secondary" onClick={() => void removeFromCollection(db, current.id, selected)}>
          {t('libRemoveFromCollection', current.name)}
        </button>
      )}
      <TagAddForm class="bulk-group" onAdd={(tags) => addTags(db, selected, tags)} />
      <CopyCitation
        key={selected.join('\n')}
        db={db}
        formatter={formatter}
        label={t('libCopyReferences')}
        load={async () => (await db.articles.bulkGet(selected)).filter((article) => article !== undefined)}
      />
      <button type="button" class="danger" onClick={() => onDelete(selected)}>{t('libDelete')}</button>
    </div>
  );
}
