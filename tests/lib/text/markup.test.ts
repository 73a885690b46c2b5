import { describe, expect, it } from 'vitest';
import { JSDOM, requestInterceptor } from 'jsdom';
import { hasMarkup, markupToText } from '@/lib/text/markup';
import { normalizeItem } from '@/lib/capture/normalize-item';
import { extractPage } from '@/lib/extractors/registry';
import { pageArticles } from '@/lib/capture/page-articles';

const squish = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('markupToText', () => {
  it('reduces an escaped HTML abstract (bioRxiv citation_abstract) to its text, without the ABSTRACT heading', () => {
    // The attribute value as the page's parser gives it: &lt;h3&gt; decoded once to <h3>.
    const value = '<h3>ABSTRACT</h3> <p>An outbreak of a novel coronavirus &amp; its spread.</p><p>Second paragraph.</p>';
    expect(squish(markupToText(value))).toBe('An outbreak of a novel coronavirus & its spread. Second paragraph.');
  });

  it('drops a leading heading in Chinese and in bold, keeps headings that are not labels', () => {
    expect(squish(markupToText('<h2>摘要</h2><p>目的 观察疗效。</p>'))).toBe('目的 观察疗效。');
    expect(squish(markupToText('<strong>Abstract:</strong> We study <i>E. coli</i>.'))).toBe('We study E. coli.');
    expect(squish(markupToText('<h3>Background</h3><p>Text.</p>'))).toBe('Background Text.');
  });

  it('keeps sub- and superscripts as Unicode characters where Unicode has them, else as plain characters', () => {
    expect(markupToText('H<sub>2</sub>O and CO<sub>2</sub>')).toBe('H₂O and CO₂');
    expect(markupToText('x<sup>2</sup> + Ca<sup>2+</sup>')).toBe('x² + Ca²⁺');
    expect(markupToText('10<sup>−3</sup> M')).toBe('10⁻³ M');
    // No subscript "b" or "q" in Unicode: plain letters.
    expect(markupToText('T<sub>bq</sub>')).toBe('Tbq');
    expect(markupToText('<i>Drosophila</i> <em>melanogaster</em>')).toBe('Drosophila melanogaster');
  });

  it('decodes entities, double-escaped ones too', () => {
    expect(markupToText('Cells &amp; tissues')).toBe('Cells & tissues');
    expect(markupToText('Cells &amp;amp; tissues')).toBe('Cells & tissues');
    expect(markupToText('&lt;p&gt;Escaped &lt;i&gt;twice&lt;/i&gt;&lt;/p&gt;')).toBe('Escaped twice');
    expect(markupToText('&amp;lt;h3&amp;gt;ABSTRACT&amp;lt;/h3&amp;gt;Text')).toBe('Text');
    expect(markupToText('Caf&eacute; &#x4E2D;&#25991; &alpha;-helix')).toBe('Café 中文 α-helix');
  });

  it('leaves text alone that only looks like markup to a careless reader', () => {
    expect(markupToText('p<0.05 and n<k>m')).toBe('p<0.05 and n<k>m');
    expect(markupToText('AT&T and R&D')).toBe('AT&T and R&D');
    expect(markupToText('p<0.05 &amp; n<k')).toBe('p<0.05 & n<k');
    expect(hasMarkup('plain title')).toBe(false);
  });

  it('turns hostile markup into text: scripts and styles are left out, handlers are attributes, never run', () => {
    const out = markupToText('<script>window.pwned = 1</script><img src="http://127.0.0.1:9/x.png" onerror="window.pwned = 2">Title<style>*{}</style>');
    expect(out).toBe('Title');
    expect(markupToText('&lt;script&gt;alert(1)&lt;/script&gt;Safe')).toBe('Safe');
    expect(markupToText('<iframe src="javascript:alert(1)"></iframe><svg onload="alert(1)"><text>x</text></svg>ok')).toBe('ok');
  });
});

describe('plain text in the capture normalization', () => {
  const context = { pageUrl: 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v1', platform: 'meta', capturedAt: 1 };

  it('cleans title, abstract, keywords, container title and author names', () => {
    const article = normalizeItem(
      {
        title: 'Binding of CO<sub>2</sub> in <i>E. coli</i>',
        abstract: '<h3>ABSTRACT</h3> <p>An outbreak of…</p>',
        keywords: ['<i>in vivo</i>; H<sub>2</sub>O'],
        containerTitle: 'Journal of X &amp;amp; Y',
        authors: ['Smith, J<sup>1</sup>', 'M&uuml;ller, A'],
      },
      context,
    );
    expect(article).toMatchObject({
      title: 'Binding of CO₂ in E. coli',
      abstract: 'An outbreak of…',
      keyword: 'in vivo; H₂O',
      'container-title': 'Journal of X & Y',
      author: [{ family: 'Smith', given: 'J' }, { family: 'Müller', given: 'A' }],
    });
  });

  it('simlit scrape and the extension read a hostile meta content as text: nothing runs, nothing is requested', () => {
    const requests: string[] = [];
    const interceptors = [
      requestInterceptor((request: Request) => {
        requests.push(request.url);
        return new Response('', { status: 404 });
      }),
    ];
    const html = `<html><head>
      <meta name="citation_title" content="&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;Title &lt;script&gt;window.pwned=2&lt;/script&gt;">
      <meta name="citation_abstract" content="&lt;img src=&quot;http://127.0.0.1:9/a.png&quot; onerror=&quot;window.pwned=3&quot;&gt;&lt;p&gt;An abstract long enough.&lt;/p&gt;">
      <meta name="citation_keywords" content="&lt;link rel=&quot;stylesheet&quot; href=&quot;http://127.0.0.1:9/s.css&quot;&gt;&lt;iframe src=&quot;http://127.0.0.1:9/f&quot;&gt;&lt;/iframe&gt;virus">
      <meta name="citation_doi" content="10.1101/2020.03.22.002386">
      </head><body></body></html>`;
    const dom = new JSDOM(html, { url: context.pageUrl, runScripts: 'dangerously', resources: { interceptors } });
    const before = dom.window.document.documentElement.outerHTML;
    const [article] = pageArticles(extractPage(dom.window.document, context.pageUrl), context.pageUrl, 1);
    expect(article.title).toBe('Title');
    expect(article.abstract).toBe('An abstract long enough.');
    expect(article.keyword).toBe('virus');
    expect((dom.window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect(requests).toEqual([]);
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
    dom.window.close();
  });
});
