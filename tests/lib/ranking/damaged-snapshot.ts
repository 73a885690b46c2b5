import type { SnapshotData } from '@/lib/ranking/similarity-index';

/**
 * A snapshot's data damaged as storage could leave it: its last re-ranking term gone, so that the
 * article holding it has a term number beyond them (its key numbers and sorted order left out:
 * they would no longer fit the terms, and the load would refuse the snapshot).
 */
export function withDamagedVectors(data: SnapshotData): SnapshotData {
  const { vectorKeyNumbers: _, vectorSortedTerms: __, ...rest } = data;
  return { ...rest, vectorTerms: rest.vectorTerms.split(' ').slice(0, -1).join(' ') };
}

/** A snapshot's data with one bit of its posting lists flipped: the first list's first number runs into the next, so the list holds one number fewer than its size says. */
export function withDamagedPostings(data: SnapshotData): SnapshotData {
  const postings = Uint8Array.from(data.postings);
  postings[0] |= 0x80;
  return { ...data, postings };
}

/** Both kinds of damage, for tests that hold for either. */
export const DAMAGES = [
  ['re-ranking terms', withDamagedVectors],
  ['posting lists', withDamagedPostings],
] as const;
