import { describe, expect, it } from 'vitest';
import { innermost, listEntries, listTableRows, looksLikeTitle, outermost } from '@/lib/extractors/shared/list-rows';
import { parse } from '../fixtures';

describe('list rows', () => {
  it('tells titles from action links', () => {
    expect(looksLikeTitle('玉米籽粒直收割台损失检测')).toBe(true);
    for (const label of ['摘要', 'PDF', '[HTML]', 'Abstract', '相似文献', 'Full text', 'PDF 1.2 M']) expect(looksLikeTitle(label)).toBe(false);
  });

  it('groups a title row with the rows after it, up to the next title row', () => {
    const doc = parse(
      `<table><tr><td><a href="v?id=1">First article title</a></td></tr><tr><td>authors 1</td></tr><tr><td><a href="v?id=1">摘要</a></td></tr>
       <tr><td><a href="v?id=2">Second article title</a></td></tr><tr><td>authors 2</td></tr></table>`,
      'https://example.org/',
    );
    const entries = listEntries(doc.querySelectorAll('a'), 'tr', (a) => a.getAttribute('href') ?? undefined);
    expect(entries.map((e) => e.link.textContent)).toEqual(['First article title', 'Second article title']);
    expect(entries.map((e) => e.nodes.length)).toEqual([3, 2]);
  });

  it('reads an item and the card inside it once, as the item (outermost)', () => {
    const doc = parse('<ul><li id="a"><div class="card" id="a1"></div></li><li id="b"><div class="card" id="b1"></div></li></ul><div class="card" id="c"></div>', 'https://example.org/');
    expect(outermost([...doc.querySelectorAll('li, .card')]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out entries that hold other entries, as a page left open nests them (innermost)', () => {
    // Entry 1 was never closed: 2 and 3 sit inside it, and 3 inside 2.
    const doc = parse('<div class="e" id="e1">one<div class="e" id="e2">two<div class="e" id="e3">three</div></div></div><div class="e" id="e4">four</div>', 'https://example.org/');
    expect(innermost([...doc.querySelectorAll('.e')]).map((e) => e.id)).toEqual(['e3', 'e4']);
  });

  it('counts the parts an entry is read from (a term and its description)', () => {
    const doc = parse('<dl><dt id="t1">1</dt><dd><dl><dt id="t2">2</dt><dd>two</dd></dl></dd><dt id="t3">3</dt><dd>three</dd></dl>', 'https://example.org/');
    const terms = [...doc.querySelectorAll('dt')];
    expect(innermost(terms).map((e) => e.id)).toEqual(['t1', 't2', 't3']);
    expect(innermost(terms, (dt) => [dt, dt.nextElementSibling]).map((e) => e.id)).toEqual(['t2', 't3']);
  });

  it('leaves out a table row that holds another list table, whose rows are read as its own', () => {
    const doc = parse(
      '<table class="list" id="outer"><tr id="r1"><td>1</td></tr><tr id="r2"><td><table class="list" id="inner"><tr id="s1"><td>2</td></tr></table></td></tr><tr id="r3"><td><table><tr><td>layout</td></tr></table></td></tr></table>',
      'https://example.org/',
    );
    expect(listTableRows(doc.getElementById('outer')!, 'table.list').map((row) => row.id)).toEqual(['r1', 'r3']);
    expect(listTableRows(doc.getElementById('inner')!, 'table.list').map((row) => row.id)).toEqual(['s1']);
  });
});
