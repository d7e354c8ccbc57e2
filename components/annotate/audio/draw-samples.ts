import type { SampleWindow } from '@/lib/annotate/audio/sample-window';

/** Past this many pixels per sample, each sample gets a dot: the annotator can count them. */
export const DOTS_FROM_PX = 6;

/**
 * Draws a window of samples, amplified by `gain`, on a canvas whose left edge is `view.start` seconds
 * at `view.pxPerSec`: a line through every sample (dots when they are far apart), or a bar from min
 * to max per pixel.
 */
export function drawSamples(
  canvas: HTMLCanvasElement,
  samples: SampleWindow,
  view: { start: number; pxPerSec: number; gain: number },
): void {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d');
  if (!g) return;
  g.scale(dpr, dpr);
  g.clearRect(0, 0, width, height);
  const mid = height / 2;
  const y = (v: number) => mid - v * view.gain * (mid - 4);
  g.strokeStyle = '#d4d4d8';
  g.beginPath();
  g.moveTo(0, mid);
  g.lineTo(width, mid);
  g.stroke();
  const step = samples.samplesPerPoint / samples.sampleRate;
  const x = (i: number) => (samples.start + i * step - view.start) * view.pxPerSec;
  g.strokeStyle = g.fillStyle = '#4f46e5';
  g.beginPath();
  if (samples.kind === 'minmax') {
    for (let i = 0; i < samples.data.length / 2; i++) {
      g.moveTo(x(i) + 0.5, y(samples.data[2 * i + 1]!));
      g.lineTo(x(i) + 0.5, y(samples.data[2 * i]!) + 1);
    }
    g.stroke();
    return;
  }
  samples.data.forEach((v, i) => (i === 0 ? g.moveTo(x(i), y(v)) : g.lineTo(x(i), y(v))));
  g.stroke();
  if (step * view.pxPerSec < DOTS_FROM_PX) return;
  samples.data.forEach((v, i) => g.fillRect(x(i) - 1.5, y(v) - 1.5, 3, 3));
}
