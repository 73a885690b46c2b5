import { describe, expect, it, vi } from 'vitest';
import * as exportModule from '@/lib/export';
import { runFormatRequest, runInPage } from '@/components/library/formatter';

vi.mock('@/lib/export', async (original) => ({ ...(await original<typeof import('@/lib/export')>()), prepareCitationStyle: vi.fn() }));

describe('format requests', () => {
  it('get a citation style ready where they run in a worker', () => {
    expect(runFormatRequest(exportModule, { kind: 'prepare', style: 'apa' })).toBe('');
    expect(exportModule.prepareCitationStyle).toHaveBeenCalledExactlyOnceWith('apa');
  });

  it('leave a style to its first citation on the page\'s own thread, which must not freeze for it', async () => {
    vi.mocked(exportModule.prepareCitationStyle).mockClear();
    expect(await runInPage({ kind: 'prepare', style: 'apa' })).toBe('');
    expect(exportModule.prepareCitationStyle).not.toHaveBeenCalled();
  });
});
