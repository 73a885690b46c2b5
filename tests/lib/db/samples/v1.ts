/**
 * A library as schema version 1 wrote it. Never edit: it stands for data readers already have.
 * Each later version adds a file like this one, and migrations.test.ts walks them all.
 */
export const v1 = {
  articles: [
    {
      id: 'sl-v1-one',
      type: 'article-journal',
      title: '补肾活血汤对老年单纯收缩期高血压患者血管内皮功能的影响',
      author: [{ literal: '刘杰' }, { literal: '王超娜' }],
      'container-title': '农业经济问题',
      issued: { 'date-parts': [[2018, 4, 15]] },
      DOI: '10.13000/j.cnki.sample.2018.04.002',
      abstract: '目的 观察补肾活血汤治疗老年单纯收缩期高血压的临床疗效。',
      keyword: '补肾活血汤; 老年',
      language: 'zh',
      platform: 'qinyun',
      ids: ['qinyun:20230502'],
      titleKey: '补肾活血汤对老年单纯收缩期高血压患者血管内皮功能的影响',
      fingerprint: '0123456789abcdef',
      sightings: [{ pageUrl: 'http://journal.example.cn/ch/reader/view_abstract.aspx?file_no=20230502', platform: 'qinyun', capturedAt: 1_700_000_000_000 }],
      capturedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      savedAt: 1_700_000_100_000,
      collections: ['col-1'],
      tags: ['高血压'],
      note: '复习',
    },
  ],
  captures: [
    { id: 1, pageUrl: 'http://journal.example.cn/ch/reader/view_abstract.aspx?file_no=20230502', platform: 'qinyun', kind: 'article', tabId: 4, capturedAt: 1_700_000_000_000, items: [{ articleId: 'sl-v1-one', status: 'new' }] },
  ],
  collections: [{ id: 'col-1', name: '高血压', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 }],
  settings: [{ key: 'locale', value: 'zh_CN' }],
  indexSnapshots: [],
};
