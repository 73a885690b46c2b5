import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWeightedCounts } from '@/lib/ranking/article-terms';
import { DocumentVectors, TermSpace, VectorPool, type TermVector } from '@/lib/ranking/vectors';

const WEIGHTS = { title: 2, keywords: 2, abstract: 1 };
const term = fc.constantFrom('graph', 'pebble', 'rigid', '高血压', '治疗', 'soil', 'photon', 'matroid', 'lhc');
const terms = fc.record({ title: fc.array(term, { maxLength: 8 }), keywords: fc.array(term, { maxLength: 4 }), abstract: fc.array(term, { maxLength: 30 }) });
/** idf as the index gives it: 0 for terms no article holds. */
const idfOf = (word: string) => (word === 'lhc' ? 0 : 1 + (word.charCodeAt(0) % 7) / 3);

describe('DocumentVectors', () => {
  it('gives the very vector TermSpace.vector() makes from the same terms, after a snapshot round trip too', () => {
    fc.assert(
      fc.property(fc.array(terms, { minLength: 1, maxLength: 6 }), (documents) => {
        const space = new TermSpace();
        const vectors = new DocumentVectors();
        // Short ids with gaps, as after discards.
        documents.forEach((document, i) => vectors.set(i * 3, space, addWeightedCounts(new Map(), document, WEIGHTS)));
        const idf = (id: number) => idfOf(space.term(id));
        const restored = DocumentVectors.deserialize(structuredClone(vectors.serialize(documents.map((_, i) => i * 3))), space.size);
        documents.forEach((document, i) => {
          const expected = space.vector(document, WEIGHTS, idfOf);
          expect(vectors.vector(i * 3, idf)).toEqual(expected);
          expect(restored.vector(i * 3, idf)).toEqual(expected);
        });
      }),
    );
  });

  it('replaces a document\'s terms, and has none for a document never set', () => {
    const space = new TermSpace();
    const vectors = new DocumentVectors();
    vectors.set(0, space, new Map([['graph', 2]]));
    vectors.set(0, space, new Map([['soil', 1]]));
    expect([...vectors.vector(0, () => 1).ids].map((id) => space.term(id))).toEqual(['soil']);
    expect(vectors.vector(5000, () => 1).ids.length).toBe(0);
  });

  it('takes documents set after a build is sealed or a snapshot is loaded, and replaced ones, into the next snapshot', () => {
    const space = new TermSpace();
    const vectors = new DocumentVectors();
    vectors.set(0, space, new Map([['graph', 2], ['pebble', 1]]));
    vectors.set(1, space, new Map([['soil', 3]]));
    vectors.seal();
    vectors.set(2, space, new Map([['photon', 1], ['graph', 1]]));
    const restored = DocumentVectors.deserialize(structuredClone(vectors.serialize([0, 1, 2])), space.size);
    restored.set(1, space, new Map([['matroid', 4]]));
    restored.set(3, space, new Map([['rigid', 1]]));
    const again = DocumentVectors.deserialize(restored.serialize([0, 1, 2, 3]), space.size);
    const terms = (from: DocumentVectors, docId: number) => [...from.vector(docId, () => 1).ids].map((id) => space.term(id));
    for (const from of [restored, again]) {
      expect([0, 1, 2, 3].map((docId) => terms(from, docId))).toEqual([['graph', 'pebble'], ['matroid'], ['photon', 'graph'], ['rigid']]);
    }
    expect(again.vector(1, () => 1)).toEqual(space.vector({ title: [], keywords: [], abstract: Array(4).fill('matroid') }, WEIGHTS, () => 1));
  });

  it('refuses arrays that do not fit together', () => {
    const space = new TermSpace();
    const vectors = new DocumentVectors();
    vectors.set(0, space, new Map([['graph', 2]]));
    const data = vectors.serialize([0]);
    expect(() => DocumentVectors.deserialize({ ...data, documents: Uint32Array.from([0, 9]) }, space.size)).toThrow();
    // Bytes cut short, or bytes left over past the last document.
    expect(() => DocumentVectors.deserialize({ ...data, terms: data.terms.subarray(0, data.terms.length - 1) }, space.size)).toThrow();
    expect(() => DocumentVectors.deserialize({ ...data, terms: Uint8Array.from([...data.terms, 1]) }, space.size)).toThrow();
  });

  describe('a loaded snapshot whose bytes are damaged: a term number beyond the snapshot\'s terms (in one byte or two), a count or a term number cut off', () => {
    const space = new TermSpace();
    const vectors = new DocumentVectors();
    vectors.set(0, space, new Map([['graph', 2], ['pebble', 1]]));
    vectors.set(1, space, new Map([['soil', 3]]));
    vectors.set(2, space, new Map([['photon', 1]]));
    const data = vectors.serialize([0, 1, 2]);
    // Document 1's bytes are [2, 12]: its term number is replaced.
    const damagedDocument1 = [
      Uint8Array.from([...data.terms.subarray(0, 4), 9, 12, ...data.terms.subarray(6)]),
      Uint8Array.from([...data.terms.subarray(0, 4), 0x82, 12, ...data.terms.subarray(6)]),
      Uint8Array.from([...data.terms.subarray(0, 4), 2, 0x8c, ...data.terms.subarray(6)]),
      Uint8Array.from([...data.terms.subarray(0, 4), 0x82, 0x8c, ...data.terms.subarray(6)]),
    ];
    const terms = (from: DocumentVectors, docId: number) => [...from.vector(docId, () => 1).ids].map((id) => space.term(id));

    it('loads it, and the check after the load finds it damaged, a slice at a time', () => {
      expect(data.terms.subarray(4, 6)).toEqual(Uint8Array.from([2, 12]));
      for (const bytes of damagedDocument1) {
        const loaded = DocumentVectors.deserialize({ ...data, terms: bytes }, space.size);
        expect(loaded.checkSome(1)).toBe(false);
        expect(loaded.damaged).toBe(false);
        expect(loaded.checkSome(1)).toBe(true);
        expect(loaded.damaged).toBe(true);
      }
      const whole = DocumentVectors.deserialize(data, space.size);
      expect([whole.checkSome(2), whole.checkSome(2), whole.damaged]).toEqual([false, true, false]);
    });

    it('reads a damaged document as one without terms before the check, and the others as they are', () => {
      for (const bytes of damagedDocument1) {
        const loaded = DocumentVectors.deserialize({ ...data, terms: bytes }, space.size);
        expect(terms(loaded, 0)).toEqual(['graph', 'pebble']);
        expect(loaded.damaged).toBe(false);
        expect(terms(loaded, 1)).toEqual([]);
        expect(loaded.damaged).toBe(true);
        expect([terms(loaded, 2), loaded.checkSome(0)]).toEqual([['photon'], true]);
      }
    });
  });
});

/** The shared terms as the ranker first listed them: every pair, sorted, then cut (the reference for sharedTerms()). */
function sharedByFullSort(space: TermSpace, query: TermVector, candidate: TermVector): string[] {
  const weights = new Map([...query.ids].map((id, i) => [id, query.values[i]]));
  const pairs: [string, number][] = [];
  candidate.ids.forEach((id, i) => {
    if (weights.has(id)) pairs.push([space.term(id), candidate.values[i] * weights.get(id)!]);
  });
  return pairs.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}

/** Rocchio feedback as the ranker first computed it, with arrays of its own (the reference for withFeedback()). */
function feedbackByArrays(query: TermVector, neighbours: TermVector[], share: number): TermVector {
  const dense = new Map<number, number>();
  const ids = [...query.ids];
  query.ids.forEach((id, i) => dense.set(id, query.values[i]));
  const each = share / neighbours.length;
  for (const neighbour of neighbours) {
    neighbour.ids.forEach((id, i) => {
      if (!dense.has(id)) ids.push(id);
      dense.set(id, (dense.get(id) ?? 0) + each * neighbour.values[i]);
    });
  }
  const values = ids.map((id) => dense.get(id)!);
  let norm = 0;
  for (const value of values) norm += value * value;
  return { ids: Int32Array.from(ids), values: Float64Array.from(values, (value) => value * (1 / Math.sqrt(norm))) };
}

describe('vectors of one query in a VectorPool', () => {
  it('are the vectors made without one, and stay so while the pool grows past them, until it is emptied', () => {
    fc.assert(
      fc.property(fc.array(terms, { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), (documents, capacity) => {
        const space = new TermSpace();
        const vectors = new DocumentVectors();
        documents.forEach((document, i) => vectors.set(i, space, addWeightedCounts(new Map(), document, WEIGHTS)));
        const idf = (id: number) => idfOf(space.term(id));
        const pool = new VectorPool(capacity);
        for (let round = 0; round < 2; round++) {
          pool.empty();
          const pooled = documents.map((document, i) => [vectors.vector(i, idf, pool), space.vector(document, WEIGHTS, idfOf, pool)]);
          const feedback = space.withFeedback(pooled[0][1], pooled.slice(1).map(([vector]) => vector), 1, pool);
          documents.forEach((document, i) => {
            const expected = space.vector(document, WEIGHTS, idfOf);
            expect(pooled[i][0]).toEqual(expected);
            expect(pooled[i][1]).toEqual(expected);
          });
          const neighbours = documents.slice(1).map((document) => space.vector(document, WEIGHTS, idfOf));
          expect(feedback).toEqual(feedbackByArrays(space.vector(documents[0], WEIGHTS, idfOf), neighbours, 1));
        }
      }),
    );
  });

  it('withFeedback() adds the neighbours\' mean to the query and scales back to unit length, as with arrays of its own', () => {
    fc.assert(
      fc.property(terms, fc.array(terms, { minLength: 1, maxLength: 5 }), fc.double({ min: 0.1, max: 3, noNaN: true }), (query, neighbours, share) => {
        const space = new TermSpace();
        const vector = space.vector(query, WEIGHTS, idfOf);
        fc.pre(vector.ids.length > 0);
        const others = neighbours.map((document) => space.vector(document, WEIGHTS, idfOf));
        expect(space.withFeedback(vector, others, share)).toEqual(feedbackByArrays(vector, others, share));
      }),
    );
  });
});

describe('TermSpace.sharedTerms', () => {
  it('lists shared terms by their part of the similarity, then by spelling; keeps those `keep` takes, at most `limit`', () => {
    // Few weights, so that parts tie and spelling decides.
    const idfTied = (word: string) => 1 + (word.length % 2);
    fc.assert(
      fc.property(terms, terms, fc.integer({ min: 0, max: 10 }), fc.boolean(), (a, b, limit, filtered) => {
        const space = new TermSpace();
        const query = space.vector(a, WEIGHTS, idfTied);
        const candidate = space.vector(b, WEIGHTS, idfTied);
        const keep = filtered ? (t: string) => t !== 'graph' && t !== '治疗' : undefined;
        const expected = sharedByFullSort(space, query, candidate).filter((t) => !keep || keep(t)).slice(0, limit);
        expect(space.sharedTerms(query, candidate, limit, keep)).toEqual(expected);
        // The scratch dense vector is left clean: the next call sees no stale weights.
        expect(space.sharedTerms(space.vector({ title: [], keywords: [], abstract: ['wave'] }, WEIGHTS, idfTied), candidate, 10)).toEqual([]);
      }),
    );
  });
});

describe('TermSpace loaded with its sorted order', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', '高', '血', '治'), minLength: 1, maxLength: 3 });

  it('numbers every term as a space that puts them all in a Map, before, during and after the warm-up puts them in, new terms too', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), fc.array(word, { maxLength: 20 }), fc.nat(50), (loaded, asked, mappedFirst) => {
        const eager = TermSpace.of(loaded)!;
        const lazy = TermSpace.of(loaded, eager.sortedOrder())!;
        expect(lazy.mapSome(mappedFirst)).toBe(mappedFirst >= loaded.length);
        for (const [i, term] of asked.entries()) {
          expect(lazy.number(term)).toBe(eager.number(term));
          if (i === 5) lazy.mapSome(Number.POSITIVE_INFINITY);
        }
        expect(lazy.size).toBe(eager.size);
        expect(lazy.mapSome(Number.POSITIVE_INFINITY)).toBe(true);
        for (const term of [...loaded, ...asked]) expect(lazy.number(term)).toBe(eager.number(term));
        expect(lazy.allTerms()).toEqual(eager.allTerms());
        // The next snapshot's order: the loaded one merged with the terms added since.
        const sorted = [...lazy.allTerms()].sort();
        expect([...lazy.sortedOrder()].map((n) => lazy.term(n))).toEqual(sorted);
        expect([...eager.sortedOrder()].map((n) => eager.term(n))).toEqual(sorted);
      }),
    );
  });

  it('refuses an order that is not the terms\' ascending order', () => {
    const terms = ['graph', 'pebble', 'rigid'];
    for (const wrong of [[0, 2, 1], [0, 1], [0, 1, 1], [0, 1, 3]]) expect(TermSpace.of(terms, Uint32Array.from(wrong))).toBeUndefined();
    expect(TermSpace.of(terms, Uint32Array.from([0, 1, 2]))?.number('rigid')).toBe(2);
  });
});
