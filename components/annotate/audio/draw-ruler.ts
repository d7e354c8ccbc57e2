import { rulerFor, ticksBetween } from '@/lib/annotate/audio/ruler';
import { formatTime } from '@/lib/annotate/audio/time-format';

/** The time ruler for the visible part of the waveform: only what is in view is drawn, at any zoom. */
export function drawRuler(canvas: HTMLCanvasElement, view: { start: number; pxPerSec: number; width: number }): void {
  const dpr = window.devicePixelRatio || 1;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(view.width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(view.width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, view.width, height);
  const ruler = rulerFor(view.pxPerSec);
  const end = view.start + view.width / view.pxPerSec;
  ctx.fillStyle = '#71717a';
  ctx.font = '10px ui-sans-serif, system-ui, sans-serif';
  ctx.textBaseline = 'top';
  for (const tick of ticksBetween(ruler, view.start, end)) {
    const x = Math.round((tick.t - view.start) * view.pxPerSec) + 0.5;
    ctx.fillRect(x, tick.labeled ? height - 8 : height - 4, 1, tick.labeled ? 8 : 4);
    if (tick.labeled) ctx.fillText(formatTime(tick.t, ruler.decimals), x + 3, 1);
  }
}
