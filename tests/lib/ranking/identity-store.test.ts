import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_FIELDS, IdentityStore, type IdentityKeys } from '@/lib/ranking/identity-store';
import { hashHex } from '@/lib/text/hash';

const key = fc.oneof(
  fc.constant(undefined),
  fc.string().map(hashHex),
  // Keys of another form (a fingerprint stored by older code) are kept too.
  fc.string({ minLength: 1, maxLength: 20 }),
);
const identity = fc.record({ doi: key, titleKey: key, fingerprint: key });

const defined = (keys: IdentityKeys) => Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));

describe('IdentityStore', () => {
  it('gives back each document\'s keys, after a snapshot round trip too, and none for a document never set', () => {
    fc.assert(
      fc.property(fc.array(identity, { maxLength: 30 }), (identities) => {
        const store = new IdentityStore();
        // Short ids with gaps, as after discards; a document set twice keeps its last keys.
        identities.forEach((keys, i) => store.set(i * 2, { doi: 'ffffffffffffffff' }));
        identities.forEach((keys, i) => store.set(i * 2, keys));
        const restored = IdentityStore.deserialize(structuredClone(store.serialize(identities.map((_, i) => i * 2))));
        identities.forEach((keys, i) => {
          expect(store.get(i * 2)).toEqual(defined(keys));
          expect(restored.get(i * 2)).toEqual(defined(keys));
          for (const field of IDENTITY_FIELDS) {
            expect(restored.has(i * 2, field)).toBe(keys[field] !== undefined);
            if (keys[field] !== undefined) expect(restored.keyIs(i * 2, field, keys[field]!)).toBe(true);
            expect(restored.keyIs(i * 2, field, hashHex('another'))).toBe(keys[field] === hashHex('another'));
            expect(restored.keyIs(i * 2, field, 'not hex')).toBe(keys[field] === 'not hex');
          }
        });
        expect(restored.get(1)).toEqual({});
        expect(store.get(100_000)).toEqual({});
      }),
    );
  });

  it('reads a snapshot of documents 0 to n-1 from its arrays, and leaves them as they were when documents are set afterwards', () => {
    const store = new IdentityStore();
    const keys = [hashHex('a'), hashHex('b'), hashHex('c')];
    keys.forEach((key, docId) => store.set(docId, { doi: key }));
    const data = store.serialize([0, 1, 2]);
    const copy = structuredClone(data);
    const restored = IdentityStore.deserialize(data);
    restored.set(3, { titleKey: hashHex('d') });
    restored.set(4, { fingerprint: 'short' });
    expect([0, 1, 2, 3, 4].map((docId) => restored.get(docId))).toEqual([...keys.map((doi) => ({ doi })), { titleKey: hashHex('d') }, { fingerprint: 'short' }]);
    expect(data).toEqual(copy);
  });

  it('refuses arrays that do not fit together', () => {
    const store = new IdentityStore();
    store.set(0, { doi: hashHex('10.1/x') });
    store.set(1, { fingerprint: 'short' });
    const data = store.serialize([0, 1]);
    expect(() => IdentityStore.deserialize({ ...data, keys: data.keys.subarray(1) })).toThrow();
    expect(() => IdentityStore.deserialize({ ...data, present: new Uint8Array(5) })).toThrow();
    expect(() => IdentityStore.deserialize({ ...data, other: '{}' })).toThrow();
    expect(() => IdentityStore.deserialize({ ...data, other: '[[0, 3]]' })).toThrow();
    expect(() => IdentityStore.deserialize(undefined as never)).toThrow();
  });
});
