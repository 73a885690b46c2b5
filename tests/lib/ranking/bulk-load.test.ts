import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { BulkIndexWriter } from '@/lib/ranking/bulk-load';

const FIELDS = ['title', 'body'];
const OPTIONS = { fields: FIELDS, storeFields: ['title', 'year'], tokenize: (text: string) => (text ? text.split(' ') : []) };

interface Doc {
  id: string;
  title: string;
  body: string;
  year?: number;
}

const DOCS: Doc[] = [
  { id: 'a', title: 'graph pebble', body: 'pebble game pebble sparse graph', year: 2008 },
  { id: 'b', title: 'soil', body: 'soil wheat yield soil', year: 2019 },
  { id: 'c', title: '', body: 'graph tree decomposition' },
  { id: 'd', title: 'wheat yield graph', body: '', year: 2020 },
  { id: 'e', title: 'tree', body: 'sparse tree tree tree graph game', year: 2001 },
];

function writerOf(docs: Doc[]): BulkIndexWriter {
  const writer = new BulkIndexWriter(FIELDS);
  for (const doc of docs) {
    writer.add({ id: doc.id, fieldTerms: [OPTIONS.tokenize(doc.title), OPTIONS.tokenize(doc.body)], stored: { title: doc.title, year: doc.year } });
  }
  return writer;
}

const bulk = (docs: Doc[]): MiniSearch<Doc> => writerOf(docs).load<Doc>(OPTIONS);

function incremental(docs: Doc[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>(OPTIONS);
  mini.addAll(docs);
  return mini;
}

describe('BulkIndexWriter', () => {
  it('builds the index add() builds: same documents, postings, field lengths, averages and stored fields', () => {
    expect(JSON.stringify(bulk(DOCS))).toBe(JSON.stringify(incremental(DOCS)));
  });

  it('loads in steps, pausing every thousand documents of each pass over the postings, into the index load() makes at once', () => {
    const many = Array.from({ length: 2_500 }, (_, i) => ({ ...DOCS[i % DOCS.length], id: `doc${i}` }));
    const steps = writerOf(many).loadSteps<Doc>(OPTIONS);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(4);
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(bulk(many)));
  });

  it('answers searches exactly as the index built by add()', () => {
    const [built, added] = [bulk(DOCS), incremental(DOCS)];
    for (const query of ['graph', 'pebble sparse', 'tree game', 'gra', 'wheet']) {
      const options = { prefix: true, fuzzy: 0.2, boost: { title: 2 } };
      expect(built.search(query, options)).toEqual(added.search(query, options));
    }
  });

  it('takes further documents, and discards, like any index', () => {
    const [built, added] = [bulk(DOCS.slice(0, 3)), incremental(DOCS.slice(0, 3))];
    for (const mini of [built, added]) {
      mini.addAll(DOCS.slice(3));
      mini.discard('b');
    }
    expect(built.search('soil wheat graph')).toEqual(added.search('soil wheat graph'));
    expect(built.documentCount).toBe(4);
  });

  it('builds the index add() builds on random documents: repeats, empty fields, stored or not, thousands of terms', () => {
    // A few common words (repeats, ties) and many rare ones (every array of the writer grows).
    const word = fc.oneof(fc.constantFrom('graph', 'tree', 'soil'), fc.nat(3000).map((n) => `w${n}`));
    const text = fc.array(word, { maxLength: 30, size: 'max' }).map((words) => words.join(' '));
    const doc = fc.record({ title: text, body: text, year: fc.option(fc.nat(2030), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 200, size: 'max' }), (docs) => {
        const withIds = docs.map((fields, i): Doc => ({ id: `d${i}`, ...fields }));
        expect(JSON.stringify(bulk(withIds))).toBe(JSON.stringify(incremental(withIds)));
      }),
      // Large failing cases shrink slowly: report the first one as it is.
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('refuses a second document with the same id', () => {
    const writer = new BulkIndexWriter(FIELDS);
    writer.add({ id: 'a', fieldTerms: [['x'], []], stored: {} });
    expect(() => writer.add({ id: 'a', fieldTerms: [['y'], []], stored: {} })).toThrow(/duplicate/);
  });

  it('loads an empty index', () => {
    const mini = new BulkIndexWriter(FIELDS).load<Doc>(OPTIONS);
    expect(mini.documentCount).toBe(0);
    expect(mini.search('graph')).toEqual([]);
  });
});
