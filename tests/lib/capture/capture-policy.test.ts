import { describe, expect, it } from 'vitest';
import { isPausedSite, shouldCapture, wantsAllSites } from '@/lib/capture/capture-policy';
import { DEFAULT_SETTINGS } from '@/lib/db/settings';

const known = 'https://kns.cnki.net/kns8s/defaultresult/index?kw=x';
const other = 'https://blog.example.org/post/1';

describe('shouldCapture', () => {
  it('reads known journal sites by default and nothing else', () => {
    expect(shouldCapture(DEFAULT_SETTINGS, known, false)).toBe(true);
    expect(shouldCapture(DEFAULT_SETTINGS, other, false)).toBe(false);
  });
  it('reads every site when the reader opted in, and none until clicked in on-click mode', () => {
    expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'all-sites' }, other, false)).toBe(true);
    expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'on-click' }, known, false)).toBe(false);
    expect(shouldCapture({ ...DEFAULT_SETTINGS, captureMode: 'on-click' }, other, true)).toBe(true);
  });
  it('never reads a paused site (or its subdomains) on its own, but does when clicked', () => {
    const settings = { captureMode: 'all-sites' as const, pausedSites: ['cnki.net'] };
    expect(shouldCapture(settings, known, false)).toBe(false);
    expect(shouldCapture(settings, 'https://www.cnki.net/', false)).toBe(false);
    expect(shouldCapture(settings, 'https://notcnki.net/', false)).toBe(true);
    expect(shouldCapture(settings, known, true)).toBe(true);
  });
  it('refuses what is not a page URL', () => {
    expect(shouldCapture(DEFAULT_SETTINGS, 'not a url', true)).toBe(false);
    expect(isPausedSite(['x.org'], '::')).toBe(false);
  });
  it('registers the all-sites script only in all-sites mode', () => {
    expect(wantsAllSites({ captureMode: 'all-sites' })).toBe(true);
    expect(wantsAllSites(DEFAULT_SETTINGS)).toBe(false);
  });
});
