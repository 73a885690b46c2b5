import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { LocaleProvider } from '@/components/LocaleProvider';
import { openLibrary } from '@/lib/db/schema';
import { notifyLibraryChanged } from '../library/library-changed';
import '@/assets/ui.css';
import '@/assets/library.css';

const ALL_SITES = { origins: ['<all_urls>'] };

const db = openLibrary();
render(
  <LocaleProvider db={db}>
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
  </LocaleProvider>,
  document.getElementById('app')!,
);
