/**
 * The few extension APIs the background's message handler touches, recorded instead of acted
 * on, so that the real handler (entrypoints/background/messages.ts) runs in Node on
 * fake-indexeddb.
 */
export const OWN_ID = 'simlitfuzzextensionid';
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;

export interface FakeBrowser {
  runtime: { id: string; getURL(path: string): string; getPlatformInfo(): Promise<{ os: string }> };
  /** No tab is open: the background's round over open tabs' kept answers finds none. */
  tabs: { query(filter: unknown): Promise<never[]> };
  i18n: { getMessage(key: string): string };
  action: {
    setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: unknown): Promise<void>;
    setTitle(details: { tabId?: number; title: string }): Promise<void>;
    getTitle(details: { tabId?: number }): Promise<string>;
  };
  scripting: { executeScript(details: unknown): Promise<unknown[]> };
  /** Badge texts and titles set, and scripts injected, in order. */
  calls: { api: string; details: unknown }[];
  /** What the injected content script does in the tab (by default: nothing). */
  onExecuteScript?: (tabId: number) => Promise<void>;
}

export function installFakeBrowser(): FakeBrowser {
  const calls: FakeBrowser['calls'] = [];
  const record = (api: string) => async (details: unknown) => {
    calls.push({ api, details });
  };
  const fake: FakeBrowser = {
    // Its long work keeps itself alive by asking for the platform (ranking-service.ts).
    runtime: { id: OWN_ID, getURL: (path) => new URL(path, OWN_ORIGIN).href, getPlatformInfo: async () => ({ os: 'linux' }) },
    tabs: { query: async () => [] },
    i18n: { getMessage: (key) => key },
    action: { setBadgeText: record('action.setBadgeText'), setBadgeBackgroundColor: record('action.setBadgeBackgroundColor'), setTitle: record('action.setTitle'), getTitle: async () => 'Simlit' },
    scripting: {
      async executeScript(details) {
        calls.push({ api: 'scripting.executeScript', details });
        const tabId = (details as { target?: { tabId?: number } }).target?.tabId;
        if (tabId !== undefined) await fake.onExecuteScript?.(tabId);
        return [];
      },
    },
    calls,
  };
  (globalThis as { browser?: unknown }).browser = fake;
  return fake;
}
