import { keywordList, type CslItem } from '../model/article';
import { cite } from './citation-js';
import { mapStrings, oneLine } from './csl-items';

/** RIS lines end in CR LF (the RIS specification; EndNote and Zotero write them so). */
const EOL = '\r\n';
const RECORD_END = /^ER {2}-.*$/;

/**
 * RIS through citation-js, with two corrections: every value is folded onto one line first
 * (citation-js writes line breaks inside a field raw, and RIS readers take the next line for a
 * new tag or drop it), and keywords are written one `KW` line each, as the specification asks
 * (citation-js writes Simlit's "a; b" keyword string as one keyword).
 */
export function formatRis(items: CslItem[]): string {
  if (!items.length) return '';
  const prepared = items.map((item) => {
    const { keyword: _keyword, ...rest } = mapStrings(item, oneLine);
    return rest as CslItem;
  });
  const lines = cite(prepared).format('ris').split(/\r?\n/);
  const out: string[] = [];
  let record = 0;
  for (const line of lines) {
    if (RECORD_END.test(line)) {
      for (const keyword of keywordList(items[record] ?? {})) out.push(`KW  - ${oneLine(keyword)}`);
      record++;
    }
    out.push(line);
  }
  while (out.length && !out.at(-1)!.trim()) out.pop();
  return `${out.join(EOL)}${EOL}`;
}
