import { keywordList, type CslItem } from '../model/article';
import { cite } from './citation-js';
import { mapStrings, oneLine } from './csl-items';

/** RIS lines end in CR LF (the RIS specification; EndNote and Zotero write them so). */
const EOL = '\r\n';

type RisRecord = Record<string, string | number | (string | number)[]>;

function line(tag: string, value: string | number): string {
  return `${tag}  - ${oneLine(String(value))}`;
}

/**
 * RIS types where citation-js's is not the one to write. A preprint (CSL article) would be
 * JOUR; RIS has no preprint type, and UNPB ("unpublished work") is the RIS specification's type
 * for a work not (yet) published in a journal, which EndNote and Zotero (as a manuscript) read.
 */
const RIS_TYPES: Record<string, string> = { article: 'UNPB' };

/**
 * RIS: citation-js maps CSL to RIS tags (its `format: 'object'` output); Simlit writes the lines.
 * Corrections, because RIS readers take any line without a tag for garbage or a new field:
 * - citation-js's own writer breaks every value after 70 characters (a long abstract becomes
 *   dozens of untagged lines) and writes line breaks inside a value raw; here each value is one
 *   line, its line breaks folded to spaces;
 * - keywords are one `KW` line each, as the specification asks (citation-js writes Simlit's
 *   "a; b" keyword string as one keyword).
 * `pdfLinks` (by item) are written as `L1`, which CSL has no variable for.
 */
export function formatRis(items: CslItem[], pdfLinks: (string | undefined)[] = []): string {
  if (!items.length) return '';
  const prepared = items.map((item) => {
    const { keyword: _keyword, ...rest } = mapStrings(item, oneLine);
    return rest as CslItem;
  });
  const records = cite(prepared).format('ris', { format: 'object' }) as unknown as RisRecord[];
  const lines = records.flatMap((record, index) => {
    const { TY, ...tags } = record;
    return [
      line('TY', RIS_TYPES[items[index].type] ?? String(TY ?? 'GEN')),
      ...Object.entries(tags).flatMap(([tag, value]) => [value].flat().map((v) => line(tag, v))),
      ...keywordList(items[index]).map((keyword) => line('KW', keyword)),
      // L1, "link to PDF": reference managers attach it as the full text.
      ...(pdfLinks[index] ? [line('L1', pdfLinks[index])] : []),
      'ER  - ',
    ];
  });
  return `${lines.join(EOL)}${EOL}`;
}
