import { vi } from 'vitest';
import type { SimlitDB } from '@/lib/db/schema';

/** The articles table's `method` fails its n-th call with a full quota; the calls before and after it go through. */
export function quotaFullAtCall(db: SimlitDB, method: 'bulkDelete' | 'bulkPut', n: number): void {
  const original = db.articles[method].bind(db.articles) as (...args: unknown[]) => unknown;
  let calls = 0;
  vi.spyOn(db.articles, method).mockImplementation(((...args: unknown[]) => {
    if (++calls === n) throw new DOMException('full', 'QuotaExceededError');
    return original(...args);
  }) as never);
}
