import type { Article, ExtractedItem } from '@/lib/model/article';
import { normalizeItem } from '@/lib/capture/normalize-item';

export const PAGE = 'http://journal.example.cn/ch/reader/search_similar.aspx?file_no=20230001';

/** A normalized article for tests, from extractor-style fields. */
export function article(item: ExtractedItem, platform = 'qinyun', capturedAt = 1_700_000_000_000, pageUrl = PAGE): Article {
  const result = normalizeItem(item, { pageUrl, platform, capturedAt });
  if (!result) throw new Error('fixture item normalizes to nothing');
  return result;
}

export const SEED_DUPLICATE_ABSTRACT =
  '从中央和地方两个层面提出一个解释框架,对过度留痕的“形式主义”现象形成的原因进行考察。地方层面上,在信息不对称的委托代理格局下,下级政府要为上级政府发射信号来表明自己完成任务。';
