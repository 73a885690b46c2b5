import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LocaleProvider } from '@/components/LocaleProvider';
import { openLibrary } from '@/lib/db/schema';
import '@/assets/ui.css';
import '@/assets/library.css';

const db = openLibrary();
render(
  <LocaleProvider db={db}>
    <LibraryApp db={db} optionsHref={browser.runtime.getURL('/options.html')} />
  </LocaleProvider>,
  document.getElementById('app')!,
);
