import type { DroppedValue } from '@/lib/backup/sanitize';
import { formatNumber } from '@/lib/format';
import { useI18n } from '../i18n-context';

/** What a restore left out of the backup, and why: nothing is dropped silently. */
export function DroppedValues({ dropped, more }: { dropped: DroppedValue[]; more: number }) {
  const { t, tag } = useI18n();
  if (!dropped.length) return <p>{t('securityDroppedNone')}</p>;
  return (
    <>
      <h3 id="restore-dropped">{t('securityDroppedHeading', formatNumber(dropped.length + more, tag))}</h3>
      <p class="help">{t('securityDroppedHelp')}</p>
      <div class="table-scroll">
        <table class="conflicts" aria-labelledby="restore-dropped">
          <thead>
            <tr>
              <th scope="col">{t('securityDroppedWhere')}</th>
              <th scope="col">{t('securityDroppedWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {dropped.map(({ where, what }, i) => (
              <tr key={i}>
                <td>{where}</td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p class="muted">{t('securityDroppedMore', formatNumber(more, tag))}</p>}
    </>
  );
}
