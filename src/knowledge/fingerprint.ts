import type { Stats } from 'node:fs';

/** What a knowledge file looked like when it was read: if it still does, it need not be read again. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * A file changed this soon before it was read may change again within the same timestamp tick
 * without its fingerprint showing it: such a file gets no fingerprint and is read (and hashed)
 * again next time, as git does with "racily clean" files. Whole-second timestamps mean a file
 * system with 1–2 s ticks (FAT, HFS+); others tick in milliseconds at most.
 */
const RACY_MS_COARSE = 2_000;
const RACY_MS_FINE = 100;

export function fingerprintOf(stats: Stats, readStartedAt: number): FileFingerprint | null {
  const coarse = stats.mtimeMs % 1000 === 0 || stats.ctimeMs % 1000 === 0;
  const racy = coarse ? RACY_MS_COARSE : RACY_MS_FINE;
  if (Math.max(stats.mtimeMs, stats.ctimeMs) >= readStartedAt - racy) return null;
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

/** `now` may be the file's fs.Stats. */
export function sameFingerprint(known: FileFingerprint | undefined, now: FileFingerprint): boolean {
  return (
    known !== undefined &&
    known.size === now.size &&
    known.mtimeMs === now.mtimeMs &&
    known.ctimeMs === now.ctimeMs
  );
}
