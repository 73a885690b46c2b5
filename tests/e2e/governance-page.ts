/**
 * An article page written for the end-to-end tests (constructed: no real page shows this case):
 * its topic is the seed list's (accountability, blame avoidance), so that the seed's articles are
 * its neighbours, and 问责 occurs in its title, abstract and keywords.
 */
export const GOVERNANCE_URL = 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20240117&flag=1';
export const GOVERNANCE_TITLE = '问责压力下基层干部避责行为的生成机制';
export const GOVERNANCE_DOI = '10.16149/j.cnki.sample.2024.01.003';
export const GOVERNANCE_ABSTRACT =
  '问责是压力型体制下推动基层政策执行的重要手段,但问责泛化也诱发了基层干部的避责行为。基于对两个县的田野调查,研究发现:上级问责压力与基层治理资源不足之间的张力,使基层干部通过留痕管理、责任转移和形式主义应对来规避问责风险。避责行为削弱了基层治理效能,应完善问责制度,合理划分权责,为基层减负。';
export const GOVERNANCE_KEYWORDS = '问责; 避责; 基层治理; 形式主义; 基层干部';

export const GOVERNANCE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${GOVERNANCE_TITLE}</title>
<meta name="citation_title" content="${GOVERNANCE_TITLE}">
<meta name="citation_author" content="王建军"><meta name="citation_author" content="李晓梅">
<meta name="citation_journal_title" content="公共管理学报"><meta name="citation_publication_date" content="2024/01/20">
<meta name="citation_volume" content="21"><meta name="citation_issue" content="1"><meta name="citation_firstpage" content="33"><meta name="citation_lastpage" content="47">
<meta name="citation_doi" content="${GOVERNANCE_DOI}">
<meta name="citation_abstract" content="${GOVERNANCE_ABSTRACT}">
<meta name="citation_keywords" content="${GOVERNANCE_KEYWORDS}">
</head><body><h1>${GOVERNANCE_TITLE}</h1></body></html>`;
