import type { RankingReply } from '@/lib/messages';

/** What the popup asks of the background; the tests pass their own. */
export interface PopupApi {
  requestCapture(tabId: number): Promise<{ ok: boolean; error?: string }>;
  similar(articleIds: string[], limit: number): Promise<RankingReply>;
  search(text: string, limit: number): Promise<RankingReply>;
  openPage(page: 'library' | 'options'): void;
}
