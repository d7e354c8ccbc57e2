import type { TPeakLevel } from '@/lib/schemas/workflow';

// One waveform level's file (make-audio-derivatives.ts): { duration, length, data: [[min, max, …] per
// channel] } in -1…1. Fetched once per page: zooming back and forth swaps between levels already here.

export interface PeaksFile {
  duration: number;
  data: number[][];
}

const cache = new Map<string, Promise<PeaksFile>>();

export function loadPeaks(level: TPeakLevel): Promise<PeaksFile> {
  let file = cache.get(level.url);
  if (!file) {
    file = fetch(level.url, { credentials: 'same-origin' }).then(async (res) => {
      if (!res.ok) throw new Error(`The waveform could not be loaded (HTTP ${res.status})`);
      const body = (await res.json()) as Partial<PeaksFile>;
      if (!Array.isArray(body.data) || typeof body.duration !== 'number') throw new Error('The waveform file is malformed');
      return { duration: body.duration, data: body.data };
    });
    // A failed fetch is not kept: the next zoom tries again.
    file.catch(() => cache.delete(level.url));
    cache.set(level.url, file);
  }
  return file;
}
