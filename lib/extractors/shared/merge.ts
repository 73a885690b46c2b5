import type { ExtractedItem } from '../../model/article';

/** No value: absent, blank or an empty list. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** `base` with its empty fields taken from `extras`, in order: page DOM over meta tags, etc. */
export function fillMissing(base: ExtractedItem, ...extras: (ExtractedItem | undefined)[]): ExtractedItem {
  const merged: Record<string, unknown> = { ...base };
  for (const extra of extras) {
    if (!extra) continue;
    for (const [key, value] of Object.entries(extra)) {
      if (isEmpty(merged[key]) && !isEmpty(value)) merged[key] = value;
    }
  }
  for (const key of Object.keys(merged)) if (isEmpty(merged[key])) delete merged[key];
  return merged as ExtractedItem;
}

/** Whether an item says anything that makes it an article (normalizeItem drops the rest). */
export function hasSubstance(item: ExtractedItem): boolean {
  return Boolean(item.title?.trim() || item.abstract?.trim() || item.doi?.trim());
}
