// The samples of a short window of a recording, as the editor's sample view draws them: every
// sample when there are few enough to see one by one (at most two per pixel), else the min and max
// of each pixel's samples: the same picture a waveform gives, but from the original's own samples
// instead of the 16 kHz peaks (which stop at 2 ms per bucket).

export interface SampleWindow {
  sampleRate: number;
  /** Seconds of the first sample. */
  start: number;
  /** 'samples': data[i] is sample i; 'minmax': data[2i], data[2i+1] are the min and max of point i. */
  kind: 'samples' | 'minmax';
  /** How many samples each point covers (1 for 'samples'). */
  samplesPerPoint: number;
  data: number[];
}

/** Enough decimals for 16-bit audio (1/32768 ≈ 3e-5) without sending float noise. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;

export function sampleWindow(samples: Float32Array, sampleRate: number, start: number, width: number): SampleWindow {
  if (samples.length <= 2 * width)
    return { sampleRate, start, kind: 'samples', samplesPerPoint: 1, data: Array.from(samples, round) };
  const per = samples.length / width;
  const data: number[] = new Array<number>(width * 2);
  for (let point = 0; point < width; point++) {
    const from = Math.floor(point * per);
    const to = Math.min(samples.length, Math.floor((point + 1) * per));
    let min = Infinity;
    let max = -Infinity;
    for (let i = from; i < to; i++) {
      const v = samples[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    data[2 * point] = round(min);
    data[2 * point + 1] = round(max);
  }
  return { sampleRate, start, kind: 'minmax', samplesPerPoint: per, data };
}

/** Quieter than this (-60 dBFS), a window is drawn at its own level: silence is not blown up into noise. */
const QUIET = 0.001;

/**
 * The gain that makes the window's loudest sample fill the view, as the waveform above is scaled to
 * the file's loudest: a quiet stretch still shows its shape. 1 for a window already near full scale.
 */
export function sampleGain(samples: SampleWindow): number {
  let peak = 0;
  for (const v of samples.data) peak = Math.max(peak, Math.abs(v));
  return peak < QUIET ? 1 : Math.max(1, 0.9 / peak);
}
