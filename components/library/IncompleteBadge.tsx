import { formatList } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import type { MissingField } from '@/lib/model/completeness';
import { useI18n } from '../i18n-context';

const MISSING_LABELS: Record<MissingField, MessageKey> = {
  title: 'libraryMissingTitle',
  author: 'libraryMissingAuthor',
  issued: 'libraryMissingYear',
};

/** What a record lacks, in words: "title, authors and year", "标题、作者和年份". */
export function useMissingList(): (missing: readonly MissingField[]) => string {
  const { t, tag } = useI18n();
  return (missing) => formatList(missing.map((field) => t(MISSING_LABELS[field])), tag);
}

/** Marks a record that lacks its title, authors or year, and says which. */
export function IncompleteBadge({ missing }: { missing: readonly MissingField[] }) {
  const { t } = useI18n();
  const list = useMissingList()(missing);
  return (
    <span class="badge badge-incomplete" title={t('libraryMissing', list)}>
      {t('libraryIncomplete')}
      <span class="visually-hidden">{`: ${t('libraryMissing', list)}`}</span>
    </span>
  );
}
