// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ProxiesSection } from '@/components/options/ProxiesSection';
import type { OriginPermissions } from '@/components/origin-permissions';
import { allowProxySite, readProxySites } from '@/lib/db/proxy-sites';
import { toWebvpn } from '@/lib/urls/proxy';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

function permissions(held: Set<string>): OriginPermissions & { [K in keyof OriginPermissions]: ReturnType<typeof vi.fn> } {
  return {
    request: vi.fn(async (pattern: string) => {
      held.add(pattern);
      return true;
    }),
    contains: vi.fn(async (pattern: string) => held.has(pattern)),
    remove: vi.fn(async (pattern: string) => held.delete(pattern)),
  };
}

describe('ProxiesSection', () => {
  it('says how to add a proxy when there is none', async () => {
    const db = testDb();
    renderWithDb(db, <ProxiesSection db={db} permissions={permissions(new Set())} />);
    expect((await screen.findByText(/No proxies yet/)).textContent).toMatch(/click the Simlit button/);
  });

  it('lists the proxies with their publishers, and removes one with its permission', async () => {
    const db = testDb();
    await allowProxySite(db, 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/');
    await allowProxySite(db, toWebvpn('https://www.webofscience.com/wos/', 'https://webvpn.fudan.edu.cn'));
    const held = new Set(['https://kns-cnki-net.ezproxy.xjtu.edu.cn/*', 'https://webvpn.fudan.edu.cn/*']);
    const browser = permissions(held);
    renderWithDb(db, <ProxiesSection db={db} permissions={browser} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'kns-cnki-net.ezproxy.xjtu.edu.cnfor kns.cnki.netRemove',
      'webvpn.fudan.edu.cnWebVPN, for webofscience.comRemove',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the proxy kns-cnki-net.ezproxy.xjtu.edu.cn' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(browser.remove).toHaveBeenCalledWith('https://kns-cnki-net.ezproxy.xjtu.edu.cn/*');
    expect(held.has('https://kns-cnki-net.ezproxy.xjtu.edu.cn/*')).toBe(false);
    expect((await readProxySites(db)).map((site) => site.origin)).toEqual(['https://webvpn.fudan.edu.cn']);
  });

  it('shows a proxy whose permission the browser no longer grants, and asks again on request', async () => {
    const db = testDb();
    await allowProxySite(db, 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/');
    const browser = permissions(new Set());
    renderWithDb(db, <ProxiesSection db={db} permissions={browser} />);
    const item = await screen.findByRole('listitem');
    await within(item).findByText(/no longer grants access/);
    fireEvent.click(within(item).getByRole('button', { name: 'Allow again' }));
    expect(browser.request).toHaveBeenCalledWith('https://kns-cnki-net.ezproxy.xjtu.edu.cn/*');
    await waitFor(() => expect(within(item).queryByText(/no longer grants access/)).toBeNull());
  });

  it('keeps the permission while another origin of the same host still uses it', async () => {
    const db = testDb();
    await allowProxySite(db, 'https://kns-cnki-net.ezproxy.xjtu.edu.cn/kns8s/');
    await allowProxySite(db, 'https://kns-cnki-net.ezproxy.xjtu.edu.cn:8443/kns8s/');
    const browser = permissions(new Set(['https://kns-cnki-net.ezproxy.xjtu.edu.cn/*']));
    renderWithDb(db, <ProxiesSection db={db} permissions={browser} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the proxy kns-cnki-net.ezproxy.xjtu.edu.cn:8443' }));
    await waitFor(async () => expect(await readProxySites(db)).toHaveLength(1));
    expect(browser.remove).not.toHaveBeenCalled();
  });
});
