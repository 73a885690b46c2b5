import { v10 } from './v10';

/**
 * A library as schema version 11 wrote it: version 10's rows and a citation key a BibTeX export
 * gave one of its articles. Never edit: it stands for data readers already have.
 */
export const v11 = { ...v10, citationKeys: [{ id: (v10.articles as { id: string }[])[1].id, key: 'li2023jiceng' }] };
