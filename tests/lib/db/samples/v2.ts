/**
 * A library as schema version 2 wrote it (articles may carry a citation key, indexed). Never
 * edit: it stands for data readers already have.
 */
export const v2 = {
  articles: [
    {
      id: 'sl-v2-one',
      type: 'article-journal',
      title: '问责压力下基层干部避责行为的生成机制',
      author: [{ literal: '王建军' }, { family: 'Li', given: 'Xiaomei' }],
      'container-title': '公共管理学报',
      issued: { 'date-parts': [[2024, 1, 20]] },
      DOI: '10.16149/j.cnki.sample.2024.01.003',
      abstract: '问责是压力型体制下推动基层政策执行的重要手段。',
      keyword: '问责; 避责',
      language: 'zh',
      platform: 'import',
      ids: ['qinyun:20240117'],
      titleKey: '问责压力下基层干部避责行为的生成机制',
      fingerprint: '',
      sightings: [],
      capturedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_200_000,
      savedAt: 1_700_000_000_000,
      collections: ['col-1'],
      tags: [],
      readerFields: ['title'],
      citationKey: 'wang2024wenze',
    },
  ],
  captures: [],
  collections: [{ id: 'col-1', name: '问责', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 }],
  settings: [{ key: 'uiLanguage', value: 'zh_CN' }],
  indexSnapshots: [],
};
