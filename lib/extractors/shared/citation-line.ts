/**
 * Reads the bibliographic line Chinese journal sites print under a title or as "引用本文"
 * (GB/T 7714 style): "刘杰，王超娜. 题名[J]. 农业经济问题, 2018, 14(4): 24-42" or just
 * "2023,44(5):1-10". Returns raw strings: cleaning happens in normalizeItem.
 */
/** "《化工进展》" → "化工进展": Chinese sites print journal names in title marks. */
export function stripTitleMarks(name: string | undefined): string | undefined {
  const value = name?.trim().replace(/^[《〈]\s*|\s*[》〉]$/gu, '').trim();
  return value || undefined;
}

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

/**
 * "2023年第4期1870-1884,共15页", "2023年4期", "2023年第42卷第4期", "2017年 第15期 30-31页 共3页":
 * CQVIP and Wanfang.
 */
const CHINESE_ISSUE = /((?:19|20)\d{2})\s*年\s*(?:第?\s*(\d{1,4})\s*卷\s*)?(?:第?\s*([\d/-]{1,8})\s*期)?\s*[:：,，]?\s*(?:p{0,2}\.?\s*(\d+\s*[-–—~～]\s*\d+|\d+)(?=\s*页?\s*[,，]?\s*共|\s*页?\s*$))?/;

export function parseIssueLine(line: string | undefined): CitationParts {
  if (!line) return {};
  const chinese = CHINESE_ISSUE.exec(line);
  if (chinese) {
    const [, year, volume, issue, pages] = chinese;
    return { date: year, volume: volume || undefined, issue: issue?.replace(/^0+(?=\d)/, '') || undefined, pages: pages || undefined };
  }
  const match = YEAR_VOLUME_ISSUE_PAGES.exec(line);
  if (!match) return {};
  const [, year, volume, issue, pages] = match;
  // A bare year followed by nothing else is only a date; volume without issue or pages is
  // ambiguous ("2018, 14" is fine, "2018 12" is more likely a month), so require the comma form.
  return {
    date: year,
    volume: volume && (issue || pages || /[,，]/.test(match[0])) ? volume : undefined,
    issue: issue?.replace(/^0+(?=\d)/, '') || undefined,
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
