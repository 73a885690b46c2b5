import { describe, expect, it } from 'vitest';
import { metaIndex } from '@/lib/extractors/dom';
import { isScholarly, readMetaTags } from '@/lib/extractors/metadata/meta-tags';
import { parse } from '../fixtures';

const tags = (html: string) => metaIndex(parse(`<head>${html}</head>`, 'https://example.org/'));

describe('meta tag reader', () => {
  it('splits PubMed\'s citation_authors and keeps Highwire over Dublin Core', () => {
    const item = readMetaTags(
      tags('<meta name="citation_authors" content="Powell DJ;Moss-Morris R;"><meta name="DC.creator" content="Other"><meta name="citation_title" content="T"><meta name="DC.title" content="DC T">'),
    );
    expect(item.authors).toEqual(['Powell DJ', 'Moss-Morris R']);
    expect(item.title).toBe('T');
  });

  it('keeps the other-language title and abstract of bilingual tags', () => {
    const item = readMetaTags(
      tags('<meta name="citation_title" content="中文题名"><meta name="DC.title" content="English title"><meta name="DC.description" content="中文摘要"><meta name="DC.description" content="English abstract">'),
    );
    expect(item).toMatchObject({ title: '中文题名', altTitle: 'English title', abstract: '中文摘要', altAbstract: 'English abstract' });
  });

  it('takes a DOI only from a value that holds one', () => {
    expect(readMetaTags(tags('<meta name="DC.identifier" content="urn:isbn:123"><meta name="DC.identifier" content="doi:10.1000/x">')).doi).toBe('doi:10.1000/x');
    expect(readMetaTags(tags('<meta name="citation_doi" content="n/a">')).doi).toBeUndefined();
  });

  it('counts Dublin Core as scholarly only with a DOI, PRISM or citation tags beside it', () => {
    expect(isScholarly(tags('<meta name="DC.title" content="x">'))).toBe(false);
    expect(isScholarly(tags('<meta name="DC.title" content="x"><meta name="prism.volume" content="3">'))).toBe(true);
    expect(isScholarly(tags('<meta name="eprints.title" content="x">'))).toBe(true);
    expect(isScholarly(tags('<meta property="og:title" content="x"><meta property="og:type" content="article">'))).toBe(false);
  });

  it('types the item by what the tags say it is', () => {
    const type = (html: string) => readMetaTags(tags(`<meta name="citation_title" content="T">${html}`)).type;
    expect(type('<meta name="citation_dissertation_institution" content="Tsinghua University">')).toBe('thesis');
    expect(type('<meta name="citation_conference_title" content="CHI 2020">')).toBe('paper-conference');
    expect(type('<meta name="citation_technical_report_institution" content="NBER">')).toBe('report');
    expect(type('<meta name="citation_inbook_title" content="Handbook">')).toBe('chapter');
    expect(type('<meta name="citation_patent_number" content="US1234567">')).toBe('patent');
    expect(type('<meta name="DC.type" content="Text.Thesis.Doctoral">')).toBe('thesis');
    expect(type('<meta name="citation_article_type" content="Preprint">')).toBe('article');
    expect(type('<meta name="DC.type" content="Dataset">')).toBe('dataset');
    expect(type('<meta name="citation_journal_title" content="medRxiv">')).toBe('article');
    expect(type('<meta name="citation_arxiv_id" content="2101.00001">')).toBe('article');
    // A case report or research article is a journal article; og:type "article" says nothing.
    expect(type('<meta name="citation_article_type" content="Case Report">')).toBeUndefined();
    expect(type('<meta name="citation_article_type" content="Research Article"><meta property="og:type" content="article">')).toBeUndefined();
  });

  it('keeps an entity whole when splitting author and keyword lists at ";"', () => {
    const item = readMetaTags(tags('<meta name="citation_authors" content="M&amp;uuml;ller A;Smith B"><meta name="citation_keywords" content="caf&amp;eacute;; tea">'));
    expect(item.authors).toEqual(['M&uuml;ller A', 'Smith B']);
    expect(item.keywords).toEqual(['caf&eacute;', 'tea']);
  });
});
