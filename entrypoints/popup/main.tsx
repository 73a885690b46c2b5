import { render } from 'preact';
import { LocaleProvider } from '@/components/LocaleProvider';
import type { PopupApi } from '@/components/popup/api';
import { PopupApp } from '@/components/popup/PopupApp';
import { openLibrary } from '@/lib/db/schema';
import '@/assets/ui.css';
import '@/assets/popup.css';
import { notifyLibraryChanged } from '../library/library-changed';
import { resolveTargetTab } from './target-tab';

const api: PopupApi = {
  requestCapture: (tabId) => browser.runtime.sendMessage({ type: 'ui/capture-tab', tabId }),
  similar: (articleIds, limit) => browser.runtime.sendMessage({ type: 'ui/similar', articleIds, limit }),
  search: (text, limit) => browser.runtime.sendMessage({ type: 'ui/search', text, limit }),
  openPage(page) {
    if (page === 'options') void browser.runtime.openOptionsPage();
    else void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    window.close();
  },
  libraryChanged: notifyLibraryChanged,
};

// Opened from the toolbar (not in a tab with ?tabId=): the browser sizes the popup to its content.
if (!new URLSearchParams(location.search).has('tabId')) document.documentElement.classList.add('in-toolbar');

// Opened while the tab is looked up: after a cold start opening IndexedDB is the longest wait of all.
const db = openLibrary();
db.open().catch(() => undefined); // a failure shows where the popup reads, with its message

resolveTargetTab().then((tab) => {
  render(
    <LocaleProvider db={db}>
      <PopupApp db={db} tab={tab} api={api} />
    </LocaleProvider>,
    document.getElementById('app')!,
  );
});
