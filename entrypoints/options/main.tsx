import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { LocaleProvider } from '@/components/LocaleProvider';
import { openLibrary } from '@/lib/db/schema';
import { notifyLibraryChanged } from '../library/library-changed';
import { FileTasksContext, inPageFileTasks } from '@/components/files/file-tasks';
import { workerFileTasks } from '../library/file-client';
import '@/assets/ui.css';
import '@/assets/library.css';

const ALL_SITES = { origins: ['<all_urls>'] };

const db = openLibrary();
const fileTasks = workerFileTasks(inPageFileTasks(db));
render(
  <LocaleProvider db={db}>
    <FileTasksContext.Provider value={fileTasks}>
      <OptionsApp
        db={db}
        allSitesPermission={{
          // Called straight from the click handler: browsers grant permissions only during a user gesture.
          request: () => browser.permissions.request(ALL_SITES),
          remove: () => browser.permissions.remove(ALL_SITES),
          granted: () => browser.permissions.contains(ALL_SITES),
        }}
        estimateStorage={() => navigator.storage.estimate()}
        libraryHref={browser.runtime.getURL('/library.html')}
        onLibraryChanged={notifyLibraryChanged}
      />
    </FileTasksContext.Provider>
  </LocaleProvider>,
  document.getElementById('app')!,
);
