import { describe, expect, it } from 'vitest';
import { httpUrl } from '@/lib/text/urls';

describe('httpUrl', () => {
  it('resolves relative addresses against the page', () => {
    expect(httpUrl('/ch/reader/view_abstract.aspx?file_no=1', 'http://j.cn/ch/reader/x.aspx')).toBe('http://j.cn/ch/reader/view_abstract.aspx?file_no=1');
    expect(httpUrl(' https://doi.org/10.1000/x ')).toBe('https://doi.org/10.1000/x');
  });
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'not a url', '', undefined])('refuses %s', (value) => {
    expect(httpUrl(value)).toBeUndefined();
  });
});
