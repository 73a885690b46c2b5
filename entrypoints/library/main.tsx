import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LocaleProvider } from '@/components/LocaleProvider';
import { runInPage } from '@/components/library/formatter';
import type { RankingReply } from '@/lib/messages';
import { openLibrary } from '@/lib/db/schema';
import { LibrarySearch } from '@/lib/search/library-search';
import { workerFormatter } from './format-client';
import { notifyLibraryChanged } from './library-changed';
import { workerSearch } from './search-client';
import { FileTasksContext, inPageFileTasks } from '@/components/files/file-tasks';
import { workerFileTasks } from './file-client';
import '@/assets/ui.css';
import '@/assets/library.css';

const db = openLibrary();
const formatter = workerFormatter(runInPage);
const search = workerSearch(() => new LibrarySearch(db));
const fileTasks = workerFileTasks(inPageFileTasks(db));
const ask = (message: object): Promise<RankingReply> => browser.runtime.sendMessage(message);
const similar = (articleId: string, limit: number) => ask({ type: 'ui/similar', articleIds: [articleId], limit });
render(
  <LocaleProvider db={db}>
    <FileTasksContext.Provider value={fileTasks}>
      <LibraryApp
        db={db}
        search={search}
        similar={similar}
        optionsHref={browser.runtime.getURL('/options.html')}
        formatter={formatter}
        onLibraryChanged={notifyLibraryChanged}
      />
    </FileTasksContext.Provider>
  </LocaleProvider>,
  document.getElementById('app')!,
);
