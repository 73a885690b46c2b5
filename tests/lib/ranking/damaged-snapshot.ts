import type { SnapshotData } from '@/lib/ranking/similarity-index';

/**
 * A snapshot's data damaged as storage could leave it: its last re-ranking term gone, so that the
 * article holding it has a term number beyond them (its key numbers left out: they would no
 * longer fit the terms, and the load would refuse the snapshot).
 */
export function withDamagedVectors(data: SnapshotData): SnapshotData {
  const { vectorKeyNumbers: _, ...rest } = data;
  return { ...rest, vectorTerms: rest.vectorTerms.split(' ').slice(0, -1).join(' ') };
}
