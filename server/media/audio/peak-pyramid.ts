/** One zoom level: per channel, interleaved [min, max, min, max, ...] as 16-bit sample values. */
export interface PeakLevel {
  samplesPerPixel: number;
  /** Buckets per channel (each contributes a min and a max). */
  length: number;
  data: Int16Array[];
}

class GrowableInt16 {
  private buffer = new Int16Array(1024);
  length = 0;

  push(a: number, b: number): void {
    if (this.length + 2 > this.buffer.length) {
      const bigger = new Int16Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = a;
    this.buffer[this.length++] = b;
  }

  values(): Int16Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * Min/max per bucket at several zoom levels in one pass over interleaved 16-bit samples. Only the
 * finest level looks at samples; each coarser level folds whole buckets of the level below, so the
 * cost barely grows with the number of levels and memory holds only the peaks, never the audio.
 */
export class PeakPyramid {
  private readonly mins: Int16Array[];
  private readonly maxs: Int16Array[];
  private readonly counts: number[];
  private readonly stores: GrowableInt16[][];
  /** How many buckets of level i-1 make one bucket of level i (level 0: samples). */
  private readonly fold: number[];

  constructor(
    private readonly channels: number,
    private readonly samplesPerPixel: readonly number[],
  ) {
    samplesPerPixel.forEach((spp, i) => {
      const finer = i === 0 ? 1 : (samplesPerPixel[i - 1] ?? 1);
      if (spp % finer !== 0 || spp <= finer) throw new Error('each level must be a multiple of the finer one');
    });
    this.fold = samplesPerPixel.map((spp, i) => (i === 0 ? spp : spp / (samplesPerPixel[i - 1] ?? 1)));
    this.mins = samplesPerPixel.map(() => new Int16Array(channels).fill(32767));
    this.maxs = samplesPerPixel.map(() => new Int16Array(channels).fill(-32768));
    this.counts = samplesPerPixel.map(() => 0);
    this.stores = samplesPerPixel.map(() => Array.from({ length: channels }, () => new GrowableInt16()));
  }

  /** Whole frames only: `samples.length` must be a multiple of the channel count. */
  push(samples: Int16Array): void {
    const { channels } = this;
    const min = this.mins[0]!;
    const max = this.maxs[0]!;
    const fold0 = this.fold[0]!;
    let count = this.counts[0]!;
    for (let i = 0; i < samples.length; i += channels) {
      for (let c = 0; c < channels; c++) {
        const v = samples[i + c]!;
        if (v < min[c]!) min[c] = v;
        if (v > max[c]!) max[c] = v;
      }
      if (++count === fold0) {
        this.counts[0] = count;
        this.close(0);
        count = 0;
      }
    }
    this.counts[0] = count;
  }

  finish(): PeakLevel[] {
    // Partial buckets at the end still show: the last half-second of audio must not vanish.
    for (let level = 0; level < this.samplesPerPixel.length; level++) if (this.counts[level]! > 0) this.close(level);
    return this.samplesPerPixel.map((samplesPerPixel, level) => {
      const data = this.stores[level]!.map((s) => s.values());
      return { samplesPerPixel, length: (data[0]?.length ?? 0) / 2, data };
    });
  }

  private close(level: number): void {
    const min = this.mins[level]!;
    const max = this.maxs[level]!;
    const store = this.stores[level]!;
    const coarser = level + 1 < this.samplesPerPixel.length ? level + 1 : -1;
    for (let c = 0; c < this.channels; c++) {
      store[c]!.push(min[c]!, max[c]!);
      if (coarser >= 0) {
        if (min[c]! < this.mins[coarser]![c]!) this.mins[coarser]![c] = min[c]!;
        if (max[c]! > this.maxs[coarser]![c]!) this.maxs[coarser]![c] = max[c]!;
      }
    }
    min.fill(32767);
    max.fill(-32768);
    this.counts[level] = 0;
    if (coarser >= 0 && ++this.counts[coarser]! === this.fold[coarser]) this.close(coarser);
  }
}
