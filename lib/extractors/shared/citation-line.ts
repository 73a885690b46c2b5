/**
 * Reads the bibliographic line Chinese journal sites print under a title or as "引用本文"
 * (GB/T 7714 style): "刘杰，王超娜. 题名[J]. 农业经济问题, 2018, 14(4): 24-42" or just
 * "2023,44(5):1-10". Returns raw strings: cleaning happens in normalizeItem.
 */
export interface CitationParts {
  containerTitle?: string;
  date?: string;
  volume?: string;
  issue?: string;
  pages?: string;
}

// year, then optional volume, optional (issue), optional :pages
const YEAR_VOLUME_ISSUE_PAGES =
  /((?:19|20)\d{2})\s*[,，]?\s*(?:(?:vol\.?|v\.?)\s*)?(\d{1,4})?\s*(?:[(（]\s*([^)）]{1,20}?)\s*[)）])?\s*(?:[:：]\s*(?:pp?\.?\s*)?([a-z]?\d+[a-z]?(?:\s*[-–—~～]\s*[a-z]?\d+[a-z]?)?))?/i;

export function parseIssueLine(line: string | undefined): CitationParts {
  if (!line) return {};
  const match = YEAR_VOLUME_ISSUE_PAGES.exec(line);
  if (!match) return {};
  const [, year, volume, issue, pages] = match;
  // A bare year followed by nothing else is only a date; volume without issue or pages is
  // ambiguous ("2018, 14" is fine, "2018 12" is more likely a month), so require the comma form.
  return {
    date: year,
    volume: volume && (issue || pages || /[,，]/.test(match[0])) ? volume : undefined,
    issue: issue || undefined,
    pages: pages || undefined,
  };
}

/** A full GB/T 7714 reference: authors. title[J]. container, year, volume(issue): pages. */
export function parseReference(reference: string | undefined): CitationParts {
  if (!reference) return {};
  const typeMark = /\[(?:J|J\/OL|C|D|M|N)\]\s*[.．]?\s*/i.exec(reference);
  if (!typeMark) return parseIssueLine(reference);
  const rest = reference.slice(typeMark.index + typeMark[0].length);
  const parts = parseIssueLine(rest);
  const yearAt = rest.search(/(?:19|20)\d{2}/);
  const container = (yearAt > 0 ? rest.slice(0, yearAt) : '').replace(/[\s,，.．]+$/u, '').trim();
  return { ...parts, containerTitle: container || undefined };
}
