import type { RankingReply } from '@/lib/messages';

/** What the popup asks of the background; the tests pass their own. */
export interface PopupApi {
  requestCapture(tabId: number): Promise<{ ok: boolean; error?: string }>;
  similar(articleIds: string[], limit: number): Promise<RankingReply>;
  search(text: string, limit: number): Promise<RankingReply>;
  openPage(page: 'library' | 'options'): void;
  /**
   * Tells the background which articles the popup changed (saved, put in a collection): the
   * library's state moved with their write time, and until the background has read them, every
   * answer kept for a page looks out of date and the next popup waits for the background's.
   */
  libraryChanged(articleIds: string[]): void;
}
