import { liveQuery } from 'dexie';
import { forgetKeptAnswerStates } from '@/lib/db/library-state';
import { openLibrary } from '@/lib/db/schema';
import { syncAllSitesScript } from './capture-scope';
import { syncProxyScripts } from './proxy-scope';
import { handleMessage, ranking } from './messages';

export default defineBackground(() => {
  // Returning true keeps the channel open for the asynchronous reply.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  // The answers kept with captures were ranked by the previous version: no longer known current.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') forgetKeptAnswerStates(openLibrary()).catch((error: unknown) => console.warn('simlit: could not reset the kept answers', error));
  });

  // Load the similarity index now, so that the popup's first question finds it warm.
  ranking.warm();

  const sync = () => Promise.all([syncAllSitesScript(), syncProxyScripts()]).catch((error: unknown) => console.warn('simlit: could not update where capture runs', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  // Settings are written by the options page; follow them from here.
  liveQuery(() => openLibrary().settings.get('captureMode')).subscribe({ next: sync });
  liveQuery(() => openLibrary().settings.get('proxySites')).subscribe({ next: sync });
});
