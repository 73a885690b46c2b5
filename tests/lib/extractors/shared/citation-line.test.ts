import { describe, expect, it } from 'vitest';
import { parseIssueLine, parseReference, stripTitleMarks } from '@/lib/extractors/shared/citation-line';

describe('citation lines', () => {
  it('reads "year, volume(issue): pages"', () => {
    expect(parseIssueLine('2023,44(5):1-10 [摘要](215)')).toEqual({ date: '2023', volume: '44', issue: '5', pages: '1-10' });
    expect(parseIssueLine('2023, 42(04): 1870-1884. DOI: 10.1/x')).toEqual({ date: '2023', volume: '42', issue: '4', pages: '1870-1884' });
    expect(parseIssueLine('2019, 12: e100')).toEqual({ date: '2019', volume: '12', issue: undefined, pages: 'e100' });
  });

  it('reads Chinese issue lines of CQVIP and Wanfang', () => {
    expect(parseIssueLine('《化工进展》 2023年第4期1870-1884,共15页')).toEqual({ date: '2023', volume: undefined, issue: '4', pages: '1870-1884' });
    expect(parseIssueLine('《电脑编程技巧与维护》2017年 第15期 30-31页\u3000共3页')).toEqual({ date: '2017', volume: undefined, issue: '15', pages: '30-31' });
    expect(parseIssueLine('2023年第42卷第4期')).toEqual({ date: '2023', volume: '42', issue: '4', pages: undefined });
    expect(parseIssueLine('2023年4期')).toMatchObject({ date: '2023', issue: '4' });
  });

  it('reads nothing from text without a year', () => {
    expect(parseIssueLine('第3期 目录')).toEqual({});
    expect(parseIssueLine(undefined)).toEqual({});
  });

  it('reads the container of a GB/T 7714 reference', () => {
    expect(parseReference('刘杰，李秀英，王超娜. 补肾活血汤的影响[J]. 农业经济问题, 2018, 14(4): 24-42')).toEqual({
      containerTitle: '农业经济问题',
      date: '2018',
      volume: '14',
      issue: '4',
      pages: '24-42',
    });
    expect(parseReference('王立志,李芳.太湖沉积物[J].环境科学,2012,33(4):1130-1136.').containerTitle).toBe('环境科学');
  });

  it('strips Chinese title marks', () => {
    expect(stripTitleMarks('《化工进展》')).toBe('化工进展');
    expect(stripTitleMarks('  ')).toBeUndefined();
  });
});
