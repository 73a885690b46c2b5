import { useEffect } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { readSettings } from '@/lib/db/settings';
import { useI18n } from '../i18n-context';
import { LanguageSwitch } from '../LanguageSwitch';
import { useLiveQuery } from '../use-live-query';
import { BackupSection } from './BackupSection';
import { CaptureModeSection, type AllSitesPermission } from './CaptureModeSection';
import { PausedSitesSection } from './PausedSitesSection';
import { ProxiesSection } from './ProxiesSection';
import { StorageCapSection } from './StorageCapSection';
import { StoredDataSection, type StorageEstimator } from './StoredDataSection';

interface Props {
  db: SimlitDB;
  allSitesPermission: AllSitesPermission;
  estimateStorage: StorageEstimator;
  libraryHref?: string;
  /** Tells the ranking index about articles restored or deleted here. */
  onLibraryChanged?: (articleIds: string[]) => void;
}

const noChange = () => undefined;

/** The options page: where capture runs, paused sites, language, backup and restore, what is stored, clearing. */
export function OptionsApp({ db, allSitesPermission, estimateStorage, libraryHref = '/library.html', onLibraryChanged = noChange }: Props) {
  const { t } = useI18n();
  const { value: settings } = useLiveQuery(() => readSettings(db), [db]);
  useEffect(() => {
    document.title = t('optionsTitle');
  }, [t]);
  return (
    <div class="options">
      <header class="library-header">
        <h1>{t('optionsTitle')}</h1>
        <LanguageSwitch db={db} />
        <a class="header-link" href={libraryHref} target="_blank" rel="noopener">{t('optOpenLibrary')}</a>
      </header>
      <main class="options-main">
        {settings && (
          <>
            <CaptureModeSection db={db} mode={settings.captureMode} permission={allSitesPermission} />
            <PausedSitesSection db={db} sites={settings.pausedSites} />
          </>
        )}
        <ProxiesSection db={db} />
        <BackupSection db={db} onLibraryChanged={onLibraryChanged} />
        <StoredDataSection db={db} estimate={estimateStorage} onLibraryChanged={onLibraryChanged} />
        <StorageCapSection db={db} onLibraryChanged={onLibraryChanged} />
      </main>
    </div>
  );
}
