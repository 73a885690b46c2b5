import { describe, expect, it } from 'vitest';
import { decodePage, UnknownEncodingError } from '@/lib/text/decode-page';

// "中文摘要" in GBK (and GB2312, which it extends), byte for byte.
const GBK_TEXT = [0xd6, 0xd0, 0xce, 0xc4, 0xd5, 0xaa, 0xd2, 0xaa];

function bytes(...parts: (string | number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
}

describe('decodePage', () => {
  it('reads a page declared GBK by <meta charset>', () => {
    const page = decodePage(bytes('<html><head><meta charset="gbk"><title>', GBK_TEXT, '</title>'));
    expect(page).toEqual({ text: '<html><head><meta charset="gbk"><title>中文摘要</title>', encoding: 'GBK' });
  });

  it('reads a page declared GB2312 by an http-equiv Content-Type (as GBK, as browsers do)', () => {
    const html = bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312"><p>', GBK_TEXT);
    expect(decodePage(html)).toMatchObject({ text: expect.stringContaining('<p>中文摘要'), encoding: 'GBK' });
  });

  it('looks for the declaration in the first 1024 bytes only, past comments', () => {
    const late = bytes(`<!--${' '.repeat(1100)}--><meta charset="gbk"><p>`, GBK_TEXT);
    expect(decodePage(late).encoding).toBe('UTF-8');
    const commented = bytes('<!-- <meta charset="big5"> --><meta charset="gbk"><p>', GBK_TEXT);
    expect(decodePage(commented)).toMatchObject({ encoding: 'GBK', text: expect.stringContaining('中文摘要') });
  });

  it('follows a byte-order mark, which it does not keep, over any declaration and the flag', () => {
    const withBom = bytes([0xef, 0xbb, 0xbf], '<meta charset="gbk"><p>', [...Buffer.from('中文')]);
    expect(decodePage(withBom)).toEqual({ text: '<meta charset="gbk"><p>中文', encoding: 'UTF-8' });
    expect(decodePage(withBom, 'gbk').encoding).toBe('UTF-8');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('<p>中文', 'utf16le')]);
    expect(decodePage(utf16)).toEqual({ text: '<p>中文', encoding: 'UTF-16LE' });
  });

  it('reads UTF-8 when nothing says otherwise', () => {
    expect(decodePage(Buffer.from('<p>增材制造 – WAAM</p>'))).toEqual({ text: '<p>增材制造 – WAAM</p>', encoding: 'UTF-8' });
  });

  it('lets the encoding the reader names win over the page\'s declaration', () => {
    const mislabelled = Buffer.from('<meta charset="gb2312"><p>中文摘要');
    expect(decodePage(mislabelled).text).not.toContain('中文摘要');
    expect(decodePage(mislabelled, 'utf-8')).toEqual({ text: '<meta charset="gb2312"><p>中文摘要', encoding: 'UTF-8' });
    expect(decodePage(bytes('<p>', GBK_TEXT), ' GB18030 ')).toMatchObject({ text: '<p>中文摘要', encoding: 'gb18030' });
    expect(decodePage(bytes('<p>', [0xa4, 0xa4, 0xa4, 0xe5]), 'big5').text).toBe('<p>中文');
  });

  it('refuses an encoding it does not know, naming it', () => {
    expect(() => decodePage(Buffer.from('<p>x'), 'klingon')).toThrow(UnknownEncodingError);
    expect(() => decodePage(Buffer.from('<p>x'), 'klingon')).toThrow(/unknown encoding "klingon"/);
  });
});
