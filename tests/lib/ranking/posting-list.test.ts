import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { EncodedPostings, PostingList } from '@/lib/ranking/posting-list';
import { VarintWriter } from '@/lib/ranking/varint';
import { deserializeIndex, serializeIndex } from '@/lib/ranking/snapshot';
import { internalsOf } from '@/lib/ranking/minisearch-internals';

type Operation = ['set', number, number] | ['delete', number] | ['get', number] | ['has', number] | ['addOccurrence', number];

const operation = fc.oneof(
  fc.tuple(fc.constant('set' as const), fc.nat(40), fc.integer({ min: 1, max: 9 })),
  fc.tuple(fc.constant('delete' as const), fc.nat(40)),
  fc.tuple(fc.constant('get' as const), fc.nat(40)),
  fc.tuple(fc.constant('has' as const), fc.nat(40)),
  fc.tuple(fc.constant('addOccurrence' as const), fc.nat(40)),
);

/** A Map kept in ascending key order, as MiniSearch's are (documents arrive with growing ids). */
function sortedMap(map: Map<number, number>): [number, number][] {
  return [...map].sort((a, b) => a[0] - b[0]);
}

/** Lists of postings (id, frequency), as a snapshot holds them. */
const postingPairs = fc.array(fc.tuple(fc.nat(2 ** 32 - 1), fc.integer({ min: 1, max: 300 })), { maxLength: 30 });

/** The pairs as Maps, and as PostingLists left in varint bytes with the bytes they share. */
function encodedLists(pairLists: [number, number][][]) {
  const maps = pairLists.map((pairs) => new Map(pairs.sort((a, b) => a[0] - b[0])));
  const lists = maps.map((map) => new PostingList(map));
  return { maps, lists, bytes: PostingList.encode(lists) };
}

/** Applies the operations to the list and to its Map, checking that every answer is the Map's. */
function replay(list: PostingList, map: Map<number, number>, operations: Operation[]): void {
  for (const [name, id, frequency] of operations) {
    if (name === 'set') {
      map.set(id, frequency!);
      list.set(id, frequency!);
    } else if (name === 'addOccurrence') {
      list.addOccurrence(id);
      map.set(id, (map.get(id) ?? 0) + 1);
    } else expect(list[name](id)).toBe(map[name](id));
  }
}

describe('PostingList', () => {
  it('answers every sequence of set, delete, get and has as a Map does, and stays sorted by id', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), (operations: Operation[]) => {
        const map = new Map<number, number>();
        const list = new PostingList();
        for (const [name, id, frequency] of operations) {
          if (name === 'set') {
            map.set(id, frequency!);
            list.set(id, frequency!);
          } else if (name === 'addOccurrence') {
            expect(list.addOccurrence(id)).toBe(!map.has(id));
            map.set(id, (map.get(id) ?? 0) + 1);
          } else expect(list[name](id)).toBe(map[name](id));
          expect(list.size).toBe(map.size);
        }
        expect([...list]).toEqual(sortedMap(map));
        expect([...list.keys()]).toEqual(sortedMap(map).map(([id]) => id));
        const visited: [number, number][] = [];
        list.forEach((frequency, id) => visited.push([id, frequency]));
        expect(visited).toEqual(sortedMap(map));
      }),
    );
  });

  it('answers the same left in varint bytes (as loaded or built), decoded on first use, and encodes again to the same bytes', () => {
    fc.assert(
      fc.property(fc.array(postingPairs, { maxLength: 6 }), fc.array(operation, { maxLength: 40 }), (pairLists, operations: Operation[]) => {
        const { maps, lists, bytes } = encodedLists(pairLists);
        lists.forEach((list, i) => {
          expect(list.isEncoded).toBe(true);
          expect(list.size).toBe(maps[i].size);
        });
        // The bytes as a snapshot writes them, list after list.
        const writer = new VarintWriter();
        for (const map of maps) new PostingList(map).writeTo(writer);
        expect(bytes).toEqual(writer.finish());
        lists.forEach((list, i) => {
          replay(list, maps[i], operations);
          // Written as a list made from the Map, whether the operations left it in bytes or not.
          const again = new VarintWriter();
          list.writeTo(again);
          const fromMap = new VarintWriter();
          new PostingList(sortedMap(maps[i])).writeTo(fromMap);
          expect([list.size, again.finish()]).toEqual([maps[i].size, fromMap.finish()]);
          expect([...list]).toEqual(sortedMap(maps[i]));
          expect(list.isEncoded).toBe(false);
        });
      }),
    );
  });

  it('takes documents after the last of a list still in bytes without decoding them: answered, written and decoded as a Map would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(fc.tuple(fc.constant('addOccurrence' as const), fc.nat(40)), fc.tuple(fc.constant('set' as const), fc.nat(40), fc.integer({ min: 1, max: 9 })), fc.tuple(fc.constant('get' as const), fc.nat(40))), { maxLength: 30 }),
        (pairs, later) => {
          const { maps, lists } = encodedLists([pairs]);
          const [map, list] = [maps[0], lists[0]];
          const last = Math.max(...map.keys());
          // Documents indexed after the load: ids past the list's last, in any order.
          const operations = later.map(([name, offset, frequency]) => [name, last + 1 + offset, frequency] as Operation);
          replay(list, map, operations);
          expect(list.isEncoded).toBe(true);
          expect(list.size).toBe(map.size);
          const written = new VarintWriter();
          list.writeTo(written);
          const fromMap = new VarintWriter();
          new PostingList(sortedMap(map)).writeTo(fromMap);
          expect(written.finish()).toEqual(fromMap.finish());
          // Decoded whole or on a lookup before the last: the same postings.
          if (later.length % 2) list.toFlat();
          else expect(list.get(pairs[0][0])).toBe(map.get(pairs[0][0]));
          expect([list.isEncoded, [...list]]).toEqual([false, sortedMap(map)]);
        },
      ),
    );
  });

  it('decodes bytes that storage damaged to no postings, marking their source damaged, and never writes them again', () => {
    // (3, 1), (9, 2) as gaps; then a bit flipped that runs two numbers into one; then a list cut off inside its last number;
    // then one whose ids reach the bound its source gives (100): past it come documents added since.
    const bytes = Uint8Array.from([3, 1, 6, 2, 0x83, 1, 6, 2, 3, 1, 6, 0x82, 3, 1, 97, 2]);
    const listsOver = (source: EncodedPostings) => [0, 4, 8, 12].map((start) => PostingList.fromEncoded(source, start, start + 4, 2));
    const decodedAlone = new EncodedPostings(bytes, 100);
    const [whole, merged, cutOff] = listsOver(decodedAlone);
    expect([...whole]).toEqual([[3, 1], [9, 2]]);
    expect(decodedAlone.damaged).toBe(false);
    expect([merged.size, cutOff.size]).toEqual([2, 2]);
    expect(merged.get(3)).toBeUndefined();
    expect(decodedAlone.damaged).toBe(true);
    expect([[...merged], [...cutOff], merged.size, cutOff.size]).toEqual([[], [], 0, 0]);
    const beyondBound = new EncodedPostings(bytes, 100);
    const [, , , pastBound] = listsOver(beyondBound);
    expect([[...pastBound], beyondBound.damaged]).toEqual([[], true]);

    // Checked in place (the warm-up), each range as decoding it would find it.
    const checked = new EncodedPostings(bytes, 100);
    expect(PostingList.bytesHold(checked, 0, 4, 2)).toBe(true);
    expect(checked.damaged).toBe(false);
    expect([4, 8, 12].map((start) => PostingList.bytesHold(new EncodedPostings(bytes, 100), start, start + 4, 2))).toEqual([false, false, false]);
    expect([PostingList.bytesHold(checked, 12, 16, 2), checked.damaged]).toEqual([false, true]);
    expect(PostingList.bytesHold(new EncodedPostings(bytes, 101), 12, 16, 2)).toBe(true);

    const warmed = new EncodedPostings(bytes, 100);
    const lists = listsOver(warmed);
    lists.forEach((list) => list.toFlat());
    expect([warmed.damaged, lists.map((list) => [...list])]).toEqual([true, [[[3, 1], [9, 2]], [], [], []]]);
    // A damaged list took in no postings: one appended later is its only one.
    lists[1].set(4, 1);
    expect([...lists[1]]).toEqual([[4, 1]]);

    // A document added after the bytes' last finds them damaged too, and is the list's only posting.
    const appendedTo = new EncodedPostings(bytes, 100);
    const [, mergedThenAdded] = listsOver(appendedTo);
    expect(mergedThenAdded.addOccurrence(50)).toBe(true);
    expect([appendedTo.damaged, [...mergedThenAdded]]).toEqual([true, [[50, 1]]]);

    const written = new EncodedPostings(bytes, 100, true);
    const [intact, , damaged] = listsOver(written);
    const writer = new VarintWriter();
    intact.writeTo(writer);
    expect([written.damaged, [...writer.finish()]]).toEqual([false, [3, 1, 6, 2]]);
    expect(() => damaged.writeTo(new VarintWriter())).toThrow(/damaged/);
    expect([written.damaged, damaged.isEncoded]).toEqual([true, true]);
    // Damaged bytes with a document added beside them: not written either, and the added one kept.
    const [, mergedThenAppended] = listsOver(new EncodedPostings(bytes, 100, true));
    mergedThenAppended.set(150, 3);
    expect(() => mergedThenAppended.writeTo(new VarintWriter())).toThrow(/damaged/);
    expect([...mergedThenAppended]).toEqual([[150, 3]]);
  });

  it('takes documents appended to a decoded list in a typed array of its own that grows, frequencies changed in place, as a Map does', () => {
    const pairs = fc.array(fc.tuple(fc.nat(10_000), fc.integer({ min: 1, max: 300 })), { maxLength: 40 });
    // Per step: the gap to the next document's id (0: the last one again, as MiniSearch counts a repeated term), its frequency.
    const steps = fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 9 })), { maxLength: 80 });
    fc.assert(
      fc.property(fc.array(pairs, { minLength: 2, maxLength: 2 }), steps, fc.boolean(), (pairLists, appended, decodedFirst) => {
        const { maps, lists } = encodedLists(pairLists);
        if (decodedFirst) lists.forEach((list) => list.toFlat());
        const [list, other] = lists;
        const map = maps[0];
        let id = Math.max(-1, ...map.keys());
        for (const [gap, frequency] of appended) {
          id = gap === 0 && id >= 0 ? id : id + Math.max(1, gap);
          list.set(id, frequency);
          map.set(id, frequency);
          list.addOccurrence(id);
          map.set(id, frequency + 1);
        }
        expect([...list]).toEqual(sortedMap(map));
        expect([...other]).toEqual(sortedMap(maps[1]));
        expect((list as unknown as { data: unknown }).data).toBeInstanceOf(Uint32Array);
      }),
    );
  });

  it('can be emptied while it is iterated, as MiniSearch vacuums', () => {
    const list = new PostingList([[1, 1], [4, 2], [9, 1]]);
    for (const [id] of list) list.delete(id);
    expect(list.size).toBe(0);
    expect(Object.fromEntries(new PostingList([[2, 3], [5, 1]]))).toEqual({ 2: 3, 5: 1 });
  });
});

describe('PostingList in a MiniSearch index', () => {
  it('gives the answers of the Maps it replaces, and takes additions, discards and vacuuming', async () => {
    const documents = [
      { id: 'a', text: 'pebble game sparse graph pebble' },
      { id: 'b', text: 'soil wheat yield' },
      { id: 'c', text: 'graph tree game' },
    ];
    const options = { fields: ['text'] };
    const withMaps = new MiniSearch(options);
    withMaps.addAll(documents);
    const before = withMaps.search('graph game wheet', { fuzzy: 0.2, prefix: true });
    // A snapshot loads every posting list as a PostingList.
    const mini = deserializeIndex(serializeIndex(withMaps), options);
    expect(mini.search('graph game wheet', { fuzzy: 0.2, prefix: true })).toEqual(before);
    // Adding, discarding and vacuuming go on working on the compact lists.
    mini.add({ id: 'd', text: 'graph pebble' });
    mini.discard('a');
    await mini.vacuum();
    expect(mini.search('pebble').map(({ id }) => id)).toEqual(['d']);
    const tree = internalsOf(mini)._index;
    expect(tree.get('graph')!.get(0)).toBeInstanceOf(PostingList);
  });
});
