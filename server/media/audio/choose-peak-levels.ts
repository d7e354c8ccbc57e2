/** Decode rate for peaks: keeps speech and most music detail (to 8 kHz) at a third of 48 kHz's cost. */
export const PEAKS_SAMPLE_RATE = 16_000;

// 2 ms to 8 s of audio per bucket, each level 4× coarser than the one before.
const LADDER = [32, 128, 512, 2048, 8192, 32768, 131072];
/** A finer level would be too big to fetch in one go (~4 MB of JSON per channel). */
export const MAX_BUCKETS = 400_000;
/** A level this small already fits a screen: the zoomed-out overview, nothing coarser is needed. */
export const OVERVIEW_BUCKETS = 2_000;

/**
 * The zoom levels (samples per bucket, finest first) worth storing for this many samples: none with
 * more than MAX_BUCKETS buckets, and nothing coarser than the first level that fits a screen.
 */
export function choosePeakLevels(totalSamples: number): number[] {
  const fitting = LADDER.filter((spp) => totalSamples / spp <= MAX_BUCKETS);
  const overview = fitting.findIndex((spp) => totalSamples / spp < OVERVIEW_BUCKETS);
  return overview === -1 ? fitting : fitting.slice(0, overview + 1);
}
