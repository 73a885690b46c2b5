import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, metaValue, metaValues } from '../dom';
import type { Extractor } from '../types';

/**
 * Highwire Press `citation_*` tags: the fallback behind every site-specific extractor, carried
 * by thousands of journal sites (Google Scholar asks publishers for them).
 * Seen on: nature.com, biomedcentral.com, Qinyun/E-Tiller article pages, most OJS journals.
 */
export const embeddedMetadata: Extractor = {
  id: 'meta',
  seenOn: ['https://www.nature.com/articles/nature13322', 'http://www.biomedcentral.com/1746-6148/10/144'],

  canExtract(doc) {
    return metaValue(doc, 'citation_title') !== undefined;
  },

  kind() {
    return 'article';
  },

  extract(doc, url) {
    const keywords = metaValues(doc, 'citation_keywords', 'citation_keyword').flatMap((value) => value.split(/[;；,，]/));
    const item: ExtractedItem = {
      title: metaValue(doc, 'citation_title'),
      authors: metaValues(doc, 'citation_author').flatMap((value) => (/[;；]/.test(value) ? value.split(/[;；]/) : [value])),
      containerTitle: metaValue(doc, 'citation_journal_title', 'citation_conference_title', 'citation_book_title'),
      containerTitleShort: metaValue(doc, 'citation_journal_abbrev'),
      date: metaValue(doc, 'citation_publication_date', 'citation_date', 'citation_online_date', 'citation_year'),
      volume: metaValue(doc, 'citation_volume'),
      issue: metaValue(doc, 'citation_issue'),
      firstPage: metaValue(doc, 'citation_firstpage'),
      lastPage: metaValue(doc, 'citation_lastpage'),
      doi: metaValue(doc, 'citation_doi'),
      issn: metaValue(doc, 'citation_issn', 'citation_eissn'),
      abstract: metaValue(doc, 'citation_abstract'),
      keywords,
      language: metaValue(doc, 'citation_language'),
      publisher: metaValue(doc, 'citation_publisher'),
      url: absoluteUrl(metaValue(doc, 'citation_abstract_html_url', 'citation_fulltext_html_url'), url) ?? url.href,
    };
    return [item];
  },
};
