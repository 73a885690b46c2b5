import { hostIs } from '../dom';

/**
 * General web search engines: their result lists repeat "title link + text" and quote DOIs from
 * the pages they index, so the generic extractors must stay off them. Scholarly search on the
 * same domains (Google Scholar, Baidu Xueshu) is not excluded.
 */
const SEARCH_ENGINES = [
  'google.com',
  'google.com.hk',
  'bing.com',
  'baidu.com',
  'duckduckgo.com',
  'sogou.com',
  'so.com',
  'yandex.ru',
  'yandex.com',
  'search.yahoo.com',
  'sm.cn',
  'naver.com',
  'ecosia.org',
  'startpage.com',
];
const SCHOLARLY_SEARCH = ['xueshu.baidu.com', 'scholar.google.com', 'scholar.google.com.hk'];

export function isWebSearchEngine(url: URL): boolean {
  if (/^scholar\.google\./i.test(url.hostname) || hostIs(url, ...SCHOLARLY_SEARCH)) return false;
  return hostIs(url, ...SEARCH_ENGINES) || /^(?:www\.)?google\.[a-z.]+$/i.test(url.hostname);
}
