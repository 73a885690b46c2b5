import { useEffect, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { latestCapture, setSaved } from '@/lib/db/library';
import { ArticleRow } from './ArticleRow';
import { useI18n } from './i18n-context';
import { useLiveQuery } from './use-live-query';

interface Props {
  db: SimlitDB;
  tab: { id: number; url?: string } | undefined;
  requestCapture(tabId: number): Promise<{ ok: boolean; error?: string }>;
}

/** The toolbar popup: the articles captured from the current tab. */
export function PopupApp({ db, tab, requestCapture }: Props) {
  const { t } = useI18n();
  const [requested, setRequested] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { value: captured } = useLiveQuery(
    async () => (tab ? ((await latestCapture(db, tab)) ?? null) : null),
    [db, tab?.id, tab?.url],
  );

  async function capture() {
    if (!tab) return;
    setRequested(true);
    setFailure(undefined);
    const reply = await requestCapture(tab.id).catch((error: unknown) => ({ ok: false, error: String(error) }));
    if (!reply.ok) setFailure(reply.error ?? 'unknown error');
  }

  // Opening the popup on a page not captured yet (a site outside the known list) captures it:
  // the click on the toolbar button is the reader's consent (activeTab).
  useEffect(() => {
    if (captured === null && !requested) void capture();
  }, [captured, requested]);

  if (!tab) return <main class="popup"><p class="empty">{t('popupNoTab')}</p></main>;

  const articles = captured?.articles ?? [];
  const statusOf = new Map(captured?.capture.items.map((item) => [item.articleId, item.status]));
  return (
    <main class="popup">
      <header>
        <h1>{t('popupThisPage')}</h1>
        {captured && articles.length > 0 && (
          <p class="summary">{t('popupCount', articles.length, captured.capture.items.filter((item) => item.status === 'new').length)}</p>
        )}
      </header>
      {failure && <p class="error" role="alert">{t('captureFailed', failure)}</p>}
      {captured === undefined || (captured === null && !failure) ? (
        <p class="status" role="status">{t('popupCapturing')}</p>
      ) : articles.length === 0 ? (
        <div class="empty">
          <p>{t('popupNothingFound')}</p>
          <button type="button" onClick={() => void capture()}>{t('popupCaptureTab')}</button>
        </div>
      ) : (
        <ul class="article-list" aria-label={t('popupThisPage')}>
          {articles.map((article) => (
            <ArticleRow
              key={article.id}
              article={article}
              status={statusOf.get(article.id)}
              onSave={(target) => void setSaved(db, [target.id], true)}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
