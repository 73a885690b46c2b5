/** Hostile page shapes at a chosen size, for scaling tests and the benchmark. */

const ABSTRACT = '摘要：在信息不对称的委托代理格局下，下级政府要为上级政府发射信号来表明自己完成任务，从而形成过度留痕。';
/** Markup in a title: reduced to its text when captured (nothing of it is kept). */
export const SCRIPT_TITLE = '<img src=x onerror="window.__simlitPwned=1"><script>window.__simlitPwned=1</script>';
/**
 * Text that looks like markup but is no element the markup reducer knows: kept as text, and it
 * would run if it were ever rendered as HTML (an open <details> fires its toggle event).
 */
export const MARKUP_LIKE_TITLE = '<details open ontoggle="window.__simlitPwned=1">';

function page(body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title>${head}</head><body>${body}</body></html>`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One list item: a title link, authors, an abstract and a DOI line, as Qinyun lists them. Even items' titles hold markup, odd ones markup-like text. */
export function listItem(i: number, title = `${i % 2 ? MARKUP_LIKE_TITLE : SCRIPT_TITLE} 第${i}篇 形式主义的成因研究`, doiPrefix = '10.1000/test'): string {
  return `<li class="item"><div class="title"><a href="/ch/reader/view_abstract.aspx?file_no=${i}">${escape(title)}</a></div>` +
    `<div class="author">张三, 李四</div><div class="abstract">${ABSTRACT}${i}</div><p>2023, 44(5): 12-19. DOI: ${doiPrefix}.${i}</p></li>`;
}

/** `count` list items from number `first`: every list extractor bites. */
export function manyItemsPage(count: number, options: { first?: number; doiPrefix?: string; title?: (i: number) => string; script?: string } = {}): string {
  const first = options.first ?? 0;
  const items = Array.from({ length: count }, (_, k) => listItem(first + k, options.title?.(first + k), options.doiPrefix)).join('');
  return page(`<ul class="similar_list">${items}</ul>${options.script ? `<script>${options.script}</script>` : ''}`);
}

/** A link and an abstract at the bottom of `depth` nested elements. */
export function deepPage(depth: number): string {
  const open = '<div class="abstract"><span>'.repeat(depth);
  const close = '</span></div>'.repeat(depth);
  return page(`${open}<a href="/a?id=1">${escape(SCRIPT_TITLE)} title at the bottom</a><p>${ABSTRACT}</p>${close}`);
}

/** Meta tags and an abstract block whose text is `length` characters long. */
export function longFieldPage(length: number): string {
  const long = '长'.repeat(length);
  return page(
    `<h1 class="title">${long}</h1><div id="abstract" class="abstract">${ABSTRACT}${long}</div><div class="keywords">关键词：${long}</div>`,
    `<meta name="citation_title" content="${long}"><meta name="citation_abstract" content="${long}"><meta name="citation_author" content="${long}"><meta name="citation_doi" content="10.1000/${long}">`,
  );
}
