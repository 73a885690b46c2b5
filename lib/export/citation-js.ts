/**
 * The one place that loads and configures citation-js 0.8 (core + BibTeX, RIS and CSL plugins).
 * Settings changed from the library's defaults, and why:
 * - BibTeX `asciiOnly: false`: the default drops every character it cannot write as a LaTeX
 *   command, which removes Chinese titles, journal names and abstracts entirely. With it off,
 *   citation-js escapes nothing at all, so `texEscape` (bibtex.ts) does the escaping.
 * - BibTeX `checkLabel: true` stays on: it is given placeholder keys, which bibtex.ts replaces
 *   with the real ones (an imported key may hold punctuation that the check would refuse).
 * - Two GB/T 7714-2015 styles (Chinese and other items differ only in the et-al term).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { gbt7714Style } from './styles/gbt7714-2015-numeric';

export const GBT7714_ZH = 'simlit-gbt7714-zh';
export const GBT7714_OTHER = 'simlit-gbt7714-other';

let configured = false;

function configure(): void {
  if (configured) return;
  const bibtex = plugins.config.get('@bibtex');
  bibtex.format.asciiOnly = false;
  bibtex.format.useIdAsLabel = false;
  const csl = plugins.config.get('@csl');
  csl.styles.add(GBT7714_ZH, gbt7714Style('等'));
  csl.styles.add(GBT7714_OTHER, gbt7714Style('et al.'));
  configured = true;
}

/** A citation-js `Cite` over CSL-JSON items, with Simlit's configuration applied. */
export function cite(items: object[]): Cite {
  configure();
  return new Cite(items);
}

/** Parses a BibTeX, RIS or CSL-JSON text into CSL-JSON items (citation-js input plugins). */
export function parseWithCitationJs(text: string, forceType?: string): Record<string, unknown>[] {
  configure();
  return plugins.input.chain(text, forceType ? { forceType, generateGraph: false } : { generateGraph: false });
}

/** The locales citation-js can format bibliographies in. */
export function hasCslLocale(locale: string): boolean {
  configure();
  return plugins.config.get('@csl').locales.has(locale);
}
