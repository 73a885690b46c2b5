import { useI18n } from '../i18n-context';

export interface CollectionChoice {
  id: string;
  name: string;
}

const NEW = '__new__';

interface Props {
  label: string;
  collections: CollectionChoice[];
  onPick(collection: CollectionChoice): void;
  onCreate(): Promise<CollectionChoice | undefined>;
}

/** Adds to a collection in one step: pick one, or "New collection…" which names and picks it. */
export function CollectionPicker({ label, collections, onPick, onCreate }: Props) {
  const { t } = useI18n();
  async function choose(event: Event) {
    const select = event.currentTarget as HTMLSelectElement;
    const value = select.value;
    select.value = '';
    if (value === NEW) {
      const created = await onCreate();
      if (created) onPick(created);
      return;
    }
    const collection = collections.find((c) => c.id === value);
    if (collection) onPick(collection);
  }
  return (
    <select class="collection-picker" aria-label={label} onChange={(event) => void choose(event)} value="">
      <option value="" disabled>
        {t('popupChooseCollection')}
      </option>
      {collections.map((collection) => (
        <option key={collection.id} value={collection.id}>
          {collection.name}
        </option>
      ))}
      <option value={NEW}>{t('popupNewCollection')}</option>
    </select>
  );
}
