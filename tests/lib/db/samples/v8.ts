import { v7 } from './v7';

/**
 * A library as schema version 8 wrote it: version 7's rows, the listing rows of articles with a
 * note or an edited field marked `edited`, and in the counters how many articles are saved and how
 * many untouched (lib/db/facet-counts). Never edit: it stands for data readers already have.
 */
export const v8 = {
  ...v7,
  listing: v7.listing.map((row) => (row.id === 'sl-v4-one' || row.id === 'sl-v4-wang' ? { ...row, edited: 1 } : row)),
  counters: [...v7.counters, { key: 'facet/saved/1', value: 2 }, { key: 'facet/untouched/1', value: 1 }],
};
