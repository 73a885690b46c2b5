import { makeArticle } from '../../lib/db/library-fixtures';

/** Library articles with full bibliographic data, for export and citation tests. */
export const CHINESE = makeArticle('zh1', {
  title: '基于深度学习的肺结节检测方法',
  author: [{ literal: '张伟' }, { literal: '李娜' }, { literal: '王强' }, { literal: '赵敏' }],
  'container-title': '中国医学影像技术',
  issued: { 'date-parts': [[2018]] },
  volume: '34',
  issue: '3',
  page: '345-349',
  language: 'zh',
  DOI: '10.13929/j.1003-3289.2018.03.001',
  capturedAt: 3,
});

export const ENGLISH = makeArticle('en1', {
  title: 'Deep learning for tumour segmentation',
  author: [{ family: 'Smith', given: 'John' }, { family: 'Doe', given: 'Jane' }],
  'container-title': 'Medical Image Analysis',
  issued: { 'date-parts': [[2020]] },
  volume: '61',
  page: '101-110',
  language: 'en',
  capturedAt: 2,
});

export const OTHER = makeArticle('en2', {
  title: 'Apples and oranges',
  author: [{ family: 'Brown', given: 'Ann' }],
  'container-title': 'Fruit Studies',
  issued: { 'date-parts': [[2019]] },
  language: 'en',
  capturedAt: 1,
});

/** GB/T 7714-2015 references of CHINESE and ENGLISH, written from the standard's rules (three authors then 等, [J], year, volume(issue): pages). */
export const CHINESE_GBT =
  '张伟, 李娜, 王强, 等. 基于深度学习的肺结节检测方法[J]. 中国医学影像技术, 2018, 34(3): 345-349. DOI:10.13929/j.1003-3289.2018.03.001.';
export const ENGLISH_GBT = 'SMITH J, DOE J. Deep learning for tumour segmentation[J]. Medical Image Analysis, 2020, 61: 101-110.';
