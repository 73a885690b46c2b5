import type { Capture } from '@/lib/db/schema';
import { formatNumber } from '@/lib/format';
import { useI18n } from '../i18n-context';

/** Tells the reader that this page's site was slowed: it kept yielding new articles too fast, and some were not kept. */
export function FloodNote({ capture }: { capture: Capture | null | undefined }) {
  const { t, tag } = useI18n();
  if (!capture?.dropped) return null;
  return (
    <p class="notice flood-note" role="status">
      {t('securityFloodNote', formatNumber(capture.dropped, tag))}
    </p>
  );
}
