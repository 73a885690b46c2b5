import { describe, expect, it } from 'vitest';
import { doiUrl, httpUrl, normalizeHost } from '@/lib/text/urls';

describe('httpUrl', () => {
  it('resolves relative addresses against the page', () => {
    expect(httpUrl('/ch/reader/view_abstract.aspx?file_no=1', 'http://j.cn/ch/reader/x.aspx')).toBe('http://j.cn/ch/reader/view_abstract.aspx?file_no=1');
    expect(httpUrl(' https://doi.org/10.1000/x ')).toBe('https://doi.org/10.1000/x');
  });
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'not a url', '', undefined])('refuses %s', (value) => {
    expect(httpUrl(value)).toBeUndefined();
  });
});

describe('normalizeHost', () => {
  it.each([
    ['cnki.net', 'cnki.net'],
    ['  WWW.CNKI.net ', 'cnki.net'],
    ['https://kns.cnki.net/kcms/detail?x=1', 'kns.cnki.net'],
    ['pubmed.ncbi.nlm.nih.gov/25817406/', 'pubmed.ncbi.nlm.nih.gov'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['localhost:8080', 'localhost'],
  ])('%s → %s', (input, host) => {
    expect(normalizeHost(input)).toBe(host);
  });

  it.each(['', '   ', 'not a host', 'nodot', 'http://'])('refuses %j', (input) => {
    expect(normalizeHost(input)).toBeUndefined();
  });
});

describe('doiUrl', () => {
  it('links a DOI at the resolver, encoding what a URL cannot hold', () => {
    expect(doiUrl('10.1000/182')).toBe('https://doi.org/10.1000/182');
    expect(doiUrl('10.1002/(SICI)1097-4571 <x>')).toBe('https://doi.org/10.1002/(SICI)1097-4571%20%3Cx%3E');
  });
});
