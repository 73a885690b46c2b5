import { v6 } from './v6';

/**
 * A library as schema version 7 wrote it: version 6's rows and, in the counters, how many articles
 * have each filter value (lib/db/facet-counts). Never edit: it stands for data readers already have.
 */
export const v7 = {
  ...v6,
  counters: [
    ...v6.counters,
    { key: 'facet/language/en', value: 1 },
    { key: 'facet/language/zh', value: 1 },
    { key: 'facet/platform/import', value: 1 },
    { key: 'facet/platform/meta', value: 1 },
    { key: 'facet/platform/qinyun', value: 1 },
    { key: 'facet/year/2021', value: 1 },
    { key: 'facet/year/2024', value: 1 },
  ],
};
