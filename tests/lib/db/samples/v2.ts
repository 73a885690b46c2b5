/**
 * A library as schema version 2 wrote it (articles indexed by seenAt, with the reader's fields
 * and alternative versions). Never edit: it stands for data readers already have.
 */
export const v2 = {
  articles: [
    {
      id: 'sl-v2-one',
      type: 'article-journal',
      title: 'Deep learning for protein folding',
      author: [{ family: 'Jumper', given: 'J' }],
      'container-title': 'Nature',
      issued: { 'date-parts': [[2021, 7, 15]] },
      DOI: '10.1038/s41586-021-03819-2',
      abstract: 'We present a method that predicts protein structures from sequence alone.',
      language: 'en',
      platform: 'meta',
      ids: ['url:https://www.nature.com/articles/s41586-021-03819-2'],
      titleKey: 'deeplearningforproteinfolding',
      fingerprint: 'fedcba9876543210',
      sightings: [{ pageUrl: 'https://www.nature.com/articles/s41586-021-03819-2', platform: 'meta', capturedAt: 1_720_000_000_000 }],
      capturedAt: 1_720_000_000_000,
      updatedAt: 1_720_000_500_000,
      seenAt: 1_720_000_000_000,
      savedAt: 1_720_000_100_000,
      collections: ['col-1'],
      tags: [],
      readerFields: ['title'],
      alternatives: [
        {
          source: { pageUrl: 'http://evil.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1', platform: 'qinyun', capturedAt: 1_720_000_400_000 },
          fields: { title: 'Deep learning for protein folding - RETRACTED' },
        },
      ],
    },
    {
      id: 'sl-v2-two',
      type: 'article-journal',
      title: '基层治理中的形式主义',
      platform: 'qinyun',
      ids: ['qinyun:20230001'],
      titleKey: '基层治理中的形式主义',
      fingerprint: '',
      sightings: [{ pageUrl: 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001', platform: 'qinyun', position: 1, capturedAt: 1_720_000_200_000 }],
      capturedAt: 1_720_000_200_000,
      updatedAt: 1_720_000_200_000,
      seenAt: 1_720_000_300_000,
      collections: [],
      tags: [],
    },
  ],
  captures: [
    { id: 1, pageUrl: 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001', platform: 'qinyun', kind: 'list', tabId: 4, capturedAt: 1_720_000_200_000, items: [{ articleId: 'sl-v2-two', status: 'new', position: 1 }] },
  ],
  collections: [{ id: 'col-1', name: '蛋白质', createdAt: 1_720_000_000_000, updatedAt: 1_720_000_000_000 }],
  settings: [{ key: 'storageCap', value: { articles: 50_000, megabytes: 500 } }],
  indexSnapshots: [],
};
