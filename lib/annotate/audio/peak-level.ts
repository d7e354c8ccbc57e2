// Which of the stored waveform levels (server/media/audio/make-audio-derivatives.ts: min/max pairs
// at several samples-per-bucket, finest first) to draw at a zoom. A level with fewer buckets than the
// screen has pixels looks blocky; a much finer one costs a bigger download and more to draw.

export interface PeakLevelInfo {
  samplesPerPixel: number;
  sampleRate: number;
}

/** Buckets a level has per second of audio. */
export const bucketsPerSecond = (level: PeakLevelInfo) => level.sampleRate / level.samplesPerPixel;

/**
 * The coarsest level with at least one bucket per device pixel at `pxPerSec` CSS pixels a second;
 * past the finest level's detail, the finest (drawn stretched).
 */
export function levelFor<T extends PeakLevelInfo>(levels: readonly T[], pxPerSec: number, devicePixelRatio = 1): T | null {
  const needed = pxPerSec * devicePixelRatio;
  const finestFirst = [...levels].sort((a, b) => a.samplesPerPixel - b.samplesPerPixel);
  for (let i = finestFirst.length - 1; i >= 0; i--) if (bucketsPerSecond(finestFirst[i]!) >= needed) return finestFirst[i]!;
  return finestFirst[0] ?? null;
}

/** The coarsest level: the first thing to draw, the whole file at once. */
export function overviewLevel<T extends PeakLevelInfo>(levels: readonly T[]): T | null {
  return levels.reduce<T | null>((a, b) => (a === null || b.samplesPerPixel > a.samplesPerPixel ? b : a), null);
}
