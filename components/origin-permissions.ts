import { browser } from 'wxt/browser';

/**
 * The browser's host permission for one proxy origin (a match pattern), as the popup and the
 * options page ask for, check and give back. The tests pass their own.
 */
export interface OriginPermissions {
  /** Must be the first thing a click does: browsers grant permissions only during a user gesture. */
  request(pattern: string): Promise<boolean>;
  contains(pattern: string): Promise<boolean>;
  remove(pattern: string): Promise<boolean>;
}

export const browserOriginPermissions: OriginPermissions = {
  request: async (pattern) => browser.permissions.request({ origins: [pattern] }),
  contains: async (pattern) => browser.permissions.contains({ origins: [pattern] }),
  remove: async (pattern) => browser.permissions.remove({ origins: [pattern] }),
};
