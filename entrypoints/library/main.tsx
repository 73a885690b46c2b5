import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LocaleProvider } from '@/components/LocaleProvider';
import { runInPage } from '@/components/library/formatter';
import { openLibrary } from '@/lib/db/schema';
import { workerFormatter } from './format-client';
import { notifyLibraryChanged } from './library-changed';
import '@/assets/ui.css';
import '@/assets/library.css';

const db = openLibrary();
const formatter = workerFormatter(runInPage);
render(
  <LocaleProvider db={db}>
    <LibraryApp
      db={db}
      optionsHref={browser.runtime.getURL('/options.html')}
      formatter={formatter}
      onLibraryChanged={notifyLibraryChanged}
    />
  </LocaleProvider>,
  document.getElementById('app')!,
);
