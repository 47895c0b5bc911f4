import { getHeapStatistics } from 'node:v8';

/** The JS heap now: what is in use (the served index, mostly) and the most it may grow to. */
export interface HeapRoom {
  usedBytes: number;
  limitBytes: number;
}

export function heapRoom(): HeapRoom {
  const { used_heap_size: usedBytes, heap_size_limit: limitBytes } = getHeapStatistics();
  return { usedBytes, limitBytes };
}

/**
 * A full rebuild runs beside the index being served, and at its peak the new index and what builds it
 * take more heap than the served one (a million passages served in 1.7 GB ran out of a 3 GB heap and
 * crashed the process; with 4.3 GB it finished). Room for it: two and a half times what is in use,
 * within nine tenths of the limit.
 */
const REBUILD_FACTOR = 2.5;

export function rebuildFits(heap: HeapRoom): boolean {
  return heap.usedBytes * REBUILD_FACTOR <= heap.limitBytes * 0.9;
}

const MB = 1024 * 1024;

/** Why a full rebuild is not started, in words for a moderator or an operator. */
export function rebuildRefusal(heap: HeapRoom, passages: number): string {
  const need = Math.ceil((heap.usedBytes * REBUILD_FACTOR) / 0.9 / MB);
  const limit = Math.round(heap.limitBytes / MB);
  return (
    `a full rebuild beside the ${passages.toLocaleString('en')} passages being served needs about ` +
    `${need.toLocaleString('en')} MB of heap and this process may use ${limit.toLocaleString('en')} MB, ` +
    'so it was not started (it would run out of memory); raise --max-old-space-size in the start script ' +
    'to about that much, or reindex only the changed documents'
  );
}
