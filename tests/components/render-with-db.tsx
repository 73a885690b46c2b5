import type { ComponentChildren } from 'preact';
import { render } from '@testing-library/preact';
import { LocaleProvider } from '@/components/LocaleProvider';
import './wait-for-states';
import type { SimlitDB } from '@/lib/db/schema';

/** Renders UI inside the locale provider (English unless the settings say otherwise). */
export function renderWithDb(db: SimlitDB, ui: ComponentChildren, browserLanguage = 'en') {
  return render(
    <LocaleProvider db={db} browserLanguage={browserLanguage}>
      {ui}
    </LocaleProvider>,
  );
}
