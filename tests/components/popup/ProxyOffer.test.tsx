// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import type { OriginPermissions } from '@/components/origin-permissions';
import { ProxyOffer } from '@/components/popup/ProxyOffer';
import { allowProxySite, readProxySites } from '@/lib/db/proxy-sites';
import { writeSetting } from '@/lib/db/settings';
import { toWebvpn } from '@/lib/urls/proxy';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

const EZPROXY_CNKI = 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/defaultresult/index?kw=x';
const PATTERN = 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/*';

function permissions(answer: boolean, held = false): OriginPermissions & { [K in keyof OriginPermissions]: ReturnType<typeof vi.fn> } {
  let holds = held;
  return {
    request: vi.fn(async () => {
      holds = holds || answer;
      return answer;
    }),
    contains: vi.fn(async () => holds),
    remove: vi.fn(async () => true),
  };
}

describe('ProxyOffer', () => {
  it("offers to keep capturing on a proxied journal site, asks for that proxy's origin only, and remembers it", async () => {
    const db = testDb();
    const browser = permissions(true);
    renderWithDb(db, <ProxyOffer db={db} pageUrl={EZPROXY_CNKI} found={20} permissions={browser} />);
    expect((await screen.findByText(/came through your library's proxy/)).textContent).toBe(
      "This page came through your library's proxy kns-cnki-net.ezproxy.xjtu.edu.cn (kns.cnki.net). Keep capturing journal pages there?",
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep capturing here' }));
    expect(browser.request).toHaveBeenCalledWith(PATTERN);
    expect((await screen.findByRole('status')).textContent).toMatch(/capture kns\.cnki\.net pages at kns-cnki-net\.ezproxy\.xjtu\.edu\.cn/);
    expect(await readProxySites(db)).toEqual([
      expect.objectContaining({ origin: 'https://kns-cnki-net.ezproxy.xjtu.edu.cn', scheme: 'hostname', publisherHosts: ['kns.cnki.net'] }),
    ]);
  });

  it('changes nothing and says so when the browser refuses', async () => {
    const db = testDb();
    const browser = permissions(false);
    renderWithDb(db, <ProxyOffer db={db} pageUrl={EZPROXY_CNKI} found={20} permissions={browser} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep capturing here' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not grant access to kns-cnki-net\.ezproxy\.xjtu\.edu\.cn/);
    expect(await readProxySites(db)).toEqual([]);
  });

  it('says nothing where capture already runs, where the reader chose clicks only, or once dismissed', async () => {
    const db = testDb();
    await allowProxySite(db, EZPROXY_CNKI);
    const held = permissions(true, true);
    renderWithDb(db, <ProxyOffer db={db} pageUrl={EZPROXY_CNKI} found={20} permissions={held} />);
    await waitFor(() => expect(held.contains).toHaveBeenCalled());
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();

    // Allowed once, but the browser's permission is gone: offered again.
    const lost = permissions(true, false);
    renderWithDb(db, <ProxyOffer db={db} pageUrl={EZPROXY_CNKI} found={20} permissions={lost} />);
    expect(await screen.findByRole('button', { name: 'Keep capturing here' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
    cleanup();

    const other = testDb();
    await writeSetting(other, 'captureMode', 'on-click');
    const clicksOnly = permissions(true);
    renderWithDb(other, <ProxyOffer db={other} pageUrl={EZPROXY_CNKI} found={20} permissions={clicksOnly} />);
    await waitFor(() => expect(clicksOnly.contains).toHaveBeenCalled());
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a WebVPN gateway again for a publisher it was not allowed for', async () => {
    const db = testDb();
    await allowProxySite(db, toWebvpn('https://kns.cnki.net/kns8s/', 'https://webvpn.fudan.edu.cn'));
    const browser = permissions(true, true);
    renderWithDb(db, <ProxyOffer db={db} pageUrl={toWebvpn('https://www.webofscience.com/wos/alldb/summary/x', 'https://webvpn.fudan.edu.cn')} found={10} permissions={browser} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep capturing here' }));
    await screen.findByRole('status');
    expect((await readProxySites(db))[0].publisherHosts).toEqual(['kns.cnki.net', 'webofscience.com']);
  });

  it('offers nothing for pages that came through no proxy, or for a proxied page that is no journal site', async () => {
    const db = testDb();
    const browser = permissions(true);
    renderWithDb(db, <ProxyOffer db={db} pageUrl="https://kns.cnki.net/kns8s/defaultresult/index" found={20} permissions={browser} />);
    renderWithDb(db, <ProxyOffer db={db} pageUrl={toWebvpn('https://portal.fudan.edu.cn/news', 'https://webvpn.fudan.edu.cn')} found={0} permissions={browser} />);
    // A known publisher through the proxy is offered even before it yielded articles.
    renderWithDb(db, <ProxyOffer db={db} pageUrl="https://www-sciencedirect-com.ezproxy.xjtu.edu.cn/" found={0} permissions={browser} />);
    expect(await screen.findAllByRole('button', { name: 'Keep capturing here' })).toHaveLength(1);
    expect(screen.getByText(/\(sciencedirect\.com\)/)).toBeTruthy();
  });
});
