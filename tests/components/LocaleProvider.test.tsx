// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/preact';
import { resolveLocale } from '@/components/LocaleProvider';
import { useI18n } from '@/components/i18n-context';
import { formatNumber } from '@/lib/format';
import { writeSetting } from '@/lib/db/settings';
import { testDb } from '../lib/db/test-db';
import { renderWithDb } from './render-with-db';

afterEach(cleanup);

function Probe() {
  const { t, tag } = useI18n();
  return <p data-testid="probe">{`${t('libraryTitle')} ${formatNumber(1234.5, tag)}`}</p>;
}

describe('resolveLocale', () => {
  it('follows the browser unless the reader chose a language', () => {
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh_CN');
    expect(resolveLocale(undefined, 'fr-FR')).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh_CN', 'en-US')).toBe('zh_CN');
  });
});

describe('LocaleProvider', () => {
  it('uses the browser language by default', async () => {
    renderWithDb(testDb(), <Probe />, 'zh-CN');
    expect(screen.getByTestId('probe').textContent).toBe('Simlit 文献库 1,234.5');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches when the stored choice changes', async () => {
    const db = testDb();
    renderWithDb(db, <Probe />, 'zh-CN');
    await writeSetting(db, 'uiLanguage', 'en');
    await screen.findByText('Simlit library 1,234.5');
    expect(document.documentElement.lang).toBe('en');
  });
});
