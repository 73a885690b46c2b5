import type { FacetValue, LibraryFacets, LibraryFilters as Filters, SavedState } from '@/lib/db/articles-query';
import type { MessageKey } from '@/lib/i18n';
import { formatNumber, languageName } from '@/lib/format';
import { useI18n } from '../i18n-context';
import { platformName } from './labels';

const STATES: [SavedState, MessageKey][] = [
  ['all', 'libStateAll'],
  ['saved', 'libStateSaved'],
  ['captured', 'libStateCaptured'],
  ['incomplete', 'libraryStateIncomplete'],
];

interface Props {
  filters: Filters;
  facets: LibraryFacets;
  onChange(filters: Filters): void;
}

/** Tag, saved state, language, year and site filters (the collection is chosen in the sidebar). */
export function LibraryFilters({ filters, facets, onChange }: Props) {
  const { t, tag } = useI18n();

  function facetSelect<T extends string | number>(
    key: 'tag' | 'language' | 'year' | 'platform',
    label: MessageKey,
    values: FacetValue<T>[],
    name: (value: T) => string,
  ) {
    const current = filters[key];
    return (
      <label class="filter">
        <span>{t(label)}</span>
        <select
          value={current === undefined ? '' : String(current)}
          onChange={(event) => {
            const raw = (event.currentTarget as HTMLSelectElement).value;
            const value = raw === '' ? undefined : key === 'year' ? Number(raw) : raw;
            onChange({ ...filters, [key]: value });
          }}
        >
          <option value="">{t('libFilterAny')}</option>
          {values.map(({ value, count }) => (
            <option key={String(value)} value={String(value)}>
              {t('libFacetOption', name(value), formatNumber(count, tag))}
            </option>
          ))}
        </select>
      </label>
    );
  }

  const active =
    filters.state !== 'all' || [filters.tag, filters.language, filters.year, filters.platform].some((value) => value !== undefined);

  return (
    <section class="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t('libFiltersHeading')}</h2>
      <label class="filter">
        <span>{t('libFilterState')}</span>
        <select value={filters.state} onChange={(event) => onChange({ ...filters, state: (event.currentTarget as HTMLSelectElement).value as SavedState })}>
          {STATES.map(([value, key]) => (
            <option key={value} value={value}>{t(key)}</option>
          ))}
        </select>
      </label>
      {facetSelect('tag', 'libFilterTag', facets.tags, (value) => value)}
      {facetSelect('language', 'libFilterLanguage', facets.languages, (value) => languageName(value, tag))}
      {facetSelect('year', 'libFilterYear', facets.years, (value) => String(value))}
      {facetSelect('platform', 'libFilterPlatform', facets.platforms, (value) => platformName(value, t))}
      {active && (
        <button type="button" class="link-button" onClick={() => onChange({ state: 'all', collection: filters.collection })}>
          {t('libClearFilters')}
        </button>
      )}
    </section>
  );
}
