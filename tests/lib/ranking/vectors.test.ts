import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWeightedCounts } from '@/lib/ranking/article-terms';
import { DocumentVectors, TermSpace } from '@/lib/ranking/vectors';

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
    expect(() => DocumentVectors.deserialize(data, 0)).toThrow();
    // Bytes cut short, or bytes left over past the last document.
    expect(() => DocumentVectors.deserialize({ ...data, terms: data.terms.subarray(0, data.terms.length - 1) }, space.size)).toThrow();
    expect(() => DocumentVectors.deserialize({ ...data, terms: Uint8Array.from([...data.terms, 1]) }, space.size)).toThrow();
    expect(() => DocumentVectors.deserialize({ terms: Uint8Array.from([0x80]), documents: Uint32Array.from([0, 1]) }, space.size)).toThrow();
  });
});
