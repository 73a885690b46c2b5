import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, find, findAll } from '../dom';
import { MAX_ITEMS_PER_PAGE } from '../limits';

/**
 * COinS: an OpenURL ContextObject in the title of `<span class="Z3988">`. Library catalogues and
 * repositories put one per record, so a page can carry several items; article pages also use
 * them for their reference lists, which is why they count only where no article tags exist.
 */
const MAX_SPANS = MAX_ITEMS_PER_PAGE;

function itemFromContext(context: string): ExtractedItem | undefined {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(context);
  } catch {
    return undefined;
  }
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const authors = params.getAll('rft.au').filter((name) => name.trim());
  const last = get('rft.aulast');
  if (!authors.length && last) authors.push([last, get('rft.aufirst') ?? get('rft.auinit')].filter(Boolean).join(', '));
  const ids = params.getAll('rft_id');
  const doi = ids.find((id) => /^info:doi\//i.test(id) || /doi\.org\//i.test(id));
  const genre = get('rft.genre');
  const item: ExtractedItem = {
    title: get('rft.atitle') ?? get('rft.title') ?? get('rft.btitle'),
    authors,
    containerTitle: get('rft.jtitle') ?? (get('rft.atitle') ? get('rft.title') : undefined),
    containerTitleShort: get('rft.stitle'),
    date: get('rft.date'),
    volume: get('rft.volume'),
    issue: get('rft.issue'),
    firstPage: get('rft.spage'),
    lastPage: get('rft.epage'),
    pages: get('rft.pages'),
    issn: get('rft.issn') ?? get('rft.eissn'),
    doi: doi?.replace(/^info:doi\//i, ''),
    url: ids.find((id) => /^https?:\/\//i.test(id) && !/doi\.org\//i.test(id)),
    type: genre === 'book' ? 'book' : genre === 'bookitem' ? 'chapter' : genre === 'proceeding' || genre === 'conference' ? 'paper-conference' : undefined,
  };
  return item.title || item.doi ? item : undefined;
}

export function readCoins(doc: Document, base: URL): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  const spans = findAll(doc, 'span.Z3988[title]');
  for (let i = 0; i < spans.length && i < MAX_SPANS; i++) {
    const span = spans[i];
    const item = itemFromContext(span.getAttribute('title') ?? '');
    if (!item) continue;
    // The record's own link sits beside its span in catalogue and repository lists.
    const link = find(span.parentElement, 'a[href]')?.getAttribute('href') ?? undefined;
    items.push({ ...item, url: item.url ?? (link ? absoluteUrl(link, base) : undefined), position: items.length + 1 });
  }
  return items;
}
