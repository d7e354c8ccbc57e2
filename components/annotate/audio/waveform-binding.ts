import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import { followTime, zoomLens, type Lens } from '@/lib/annotate/audio/lens';
import { levelFor } from '@/lib/annotate/audio/peak-level';
import type { TPeakLevel } from '@/lib/schemas/workflow';
import { loadPeaks, type PeaksFile } from './peaks-cache';

// The thin layer between wavesurfer.js 8 and the audio editor. wavesurfer plays the media element
// (never decoding the file: a three-hour recording stays a stream) and draws server-computed peaks,
// swapping to a finer level as the zoom needs it; its regions plugin shows the segments and reports
// drags, resizes and drag-to-create, which the editor turns into commands on its document. Nothing
// here owns the segments: `sync` makes the regions match what the editor says.

export interface WaveSegment {
  id: string;
  start: number;
  end: number;
  color: string;
  label: string;
  selected: boolean;
  flagged: boolean;
  editable: boolean;
  /** Review: how the segment differs from the other version. */
  diff?: 'added' | 'changed' | 'removed' | null;
}

export interface WaveformEvents {
  onCreate: (start: number, end: number) => void;
  onTimes: (id: string, start: number, end: number, side: 'start' | 'end' | null) => void;
  onSelect: (id: string | null, additive: boolean) => void;
  onOpen: (id: string) => void;
  onTime: (t: number) => void;
  onPlaying: (playing: boolean) => void;
  onView: (view: WaveformView) => void;
}

/** What is in view: the waveform's window, and the sample lens's own zoom once it is past the waveform's deepest. */
export interface WaveformView {
  start: number;
  pxPerSec: number;
  width: number;
  lens: Lens | null;
}

/** Chrome lays out elements up to ~33 M px wide; past this the waveform would not scroll to its end. */
const MAX_WIDTH_PX = 16_000_000;
/** About four pixels per sample at 48 kHz: the deepest zoom of a short file, where the sample view shows each sample. */
const MAX_PX_PER_SEC = 200_000;

export class WaveformBinding {
  readonly ws: WaveSurfer;
  private readonly regions: ReturnType<typeof RegionsPlugin.create>;
  private readonly byId = new Map<string, Region>();
  private syncing = false;
  private level: TPeakLevel;
  private zoomTarget = 0;
  private ready = false;
  private stopCreate: (() => void) | null = null;
  private loopRegion: Region | null = null;
  private lens: Lens | null = null;
  private sampleRate: number | null = null;
  private createdAt = 0;
  private regionClickedAt = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly media: HTMLMediaElement,
    private readonly options: {
      playUrl: string;
      duration: number;
      levels: readonly TPeakLevel[];
      overview: { level: TPeakLevel; file: PeaksFile };
      events: WaveformEvents;
    },
  ) {
    this.level = options.overview.level;
    this.regions = RegionsPlugin.create();
    this.ws = WaveSurfer.create({
      container: host,
      media,
      url: options.playUrl,
      peaks: options.overview.file.data,
      duration: options.duration,
      height: 'auto',
      waveColor: '#71717a',
      progressColor: '#4f46e5',
      cursorColor: '#dc2626',
      cursorWidth: 2,
      // Quiet speech still shows: the loudest peak of the level in view fills the height.
      normalize: true,
      autoScroll: true,
      dragToSeek: false,
      plugins: [this.regions],
    });
    this.wire(options.events);
    // The media pipeline starts its decoder on the first seek: made here, once the metadata is in, it
    // spares the annotator's first seek that cost (0.2-1 s, the later ones ~50 ms).
    media.addEventListener('loadedmetadata', () => this.seek(media.currentTime), { once: true });
  }

  private wire(events: WaveformEvents): void {
    const { ws, regions, host } = this;
    ws.on('redrawcomplete', () => {
      host.dataset.pxPerSec = String(Math.round(this.pxPerSec() * 1000) / 1000);
      if (!this.ready) {
        this.ready = true;
        host.dataset.ready = 'true';
        performance.mark('loupe:waveform-interactive');
      }
      events.onView(this.view());
    });
    ws.on('scroll', () => events.onView(this.view()));
    ws.on('timeupdate', (t) => {
      host.dataset.currentTime = t.toFixed(3);
      events.onTime(t);
      // A seek or skip outside what the lens shows takes the lens along.
      const followed = this.lens && followTime(this.lens, t, this.ws.getWidth(), this.options.duration);
      if (followed && followed !== this.lens) {
        this.lens = followed;
        events.onView(this.view());
      }
    });
    // Ctrl (⌘) + wheel zooms, as in the image and video editors; a plain wheel still scrolls the page.
    host.addEventListener(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        this.zoomBy(wheelFactor(e));
      },
      { passive: false },
    );
    ws.on('play', () => events.onPlaying(true));
    ws.on('pause', () => events.onPlaying(false));
    regions.on('region-created', (region) => {
      if (this.syncing) return;
      // A drag on the waveform: the editor makes the segment (with an id and a class), sync then draws it.
      const { start, end } = region;
      region.remove();
      this.createdAt = performance.now();
      events.onCreate(start, end);
    });
    regions.on('region-updated', (region, side) => events.onTimes(region.id, region.start, region.end, side ?? null));
    // A click on a segment selects it and seeks there too (segments may cover most of a zoomed-out waveform).
    regions.on('region-clicked', (region, e) => {
      this.regionClickedAt = performance.now();
      events.onSelect(region.id, e.shiftKey || e.ctrlKey || e.metaKey);
    });
    regions.on('region-double-clicked', (region, e) => {
      e.stopPropagation();
      events.onOpen(region.id);
    });
    // A loop plays on past the end (no stop there: turned off mid-pass, playback simply goes on) and is sent back here.
    regions.on('region-out', (region) => {
      if (region === this.loopRegion) region.play(false);
    });
    // A click on the waveform seeks and clears the selection; the click that ends a drag-to-create does neither to the new segment.
    ws.on('click', () => {
      const now = performance.now();
      if (now - this.createdAt > 300 && now - this.regionClickedAt > 50) events.onSelect(null, false);
    });
  }

  /** Makes the regions match the segments: added, moved, restyled, removed. A region being dragged is left to the drag. */
  sync(segments: readonly WaveSegment[], editable: boolean): void {
    this.syncing = true;
    try {
      const seen = new Set<string>();
      for (const s of segments) {
        seen.add(s.id);
        const region = this.byId.get(s.id);
        const movable = editable && s.editable;
        const color = fill(s);
        if (!region) {
          const created = this.regions.addRegion({
            id: s.id,
            start: s.start,
            end: s.end,
            color,
            drag: movable,
            resize: movable,
            content: s.label,
          });
          this.byId.set(s.id, created);
          style(created, s);
          continue;
        }
        if (region.isDragging || region.updatingSide) continue;
        if (region.start !== s.start || region.end !== s.end || region.color !== color || region.drag !== movable)
          region.setOptions({ start: s.start, end: s.end, color, drag: movable, resize: movable });
        if (region.getContent() !== s.label) region.setContent(s.label);
        style(region, s);
      }
      for (const [id, region] of this.byId) {
        if (seen.has(id)) continue;
        if (region === this.loopRegion) this.loopRegion = null;
        region.remove();
        this.byId.delete(id);
      }
    } finally {
      this.syncing = false;
    }
    this.setCreating(editable);
  }

  private setCreating(on: boolean): void {
    if (on && !this.stopCreate) this.stopCreate = this.regions.enableDragSelection({ color: 'rgba(79, 70, 229, 0.25)' });
    if (!on && this.stopCreate) {
      this.stopCreate();
      this.stopCreate = null;
    }
  }

  /** The zoom in CSS pixels per second as drawn (the whole file fits the width at the widest). */
  pxPerSec(): number {
    // The zoom asked for, not the wrapper's scroll width: a segment's label may stick out past the end.
    return Math.max(this.zoomTarget, this.fitPxPerSec());
  }

  private fitPxPerSec(): number {
    return this.ws.getWidth() / this.options.duration;
  }

  private maxPxPerSec(): number {
    return Math.max(this.fitPxPerSec(), Math.min(MAX_PX_PER_SEC, MAX_WIDTH_PX / this.options.duration));
  }

  /**
   * Zooms by `factor` about the playhead, from the whole file to the waveform's deepest zoom; past
   * that, the sample lens zooms on (about `anchor`, else its centre, which opens on the playhead).
   */
  zoomBy(factor: number, anchor?: number): void {
    if (this.lens || (factor > 1 && this.zoomTarget >= this.maxPxPerSec() * 0.999)) {
      const from = this.lens ?? { center: this.media.currentTime, pxPerSec: this.pxPerSec() };
      this.lens = zoomLens(from, factor, anchor ?? from.center, this.pxPerSec());
      this.options.events.onView(this.view());
      return;
    }
    const fit = this.fitPxPerSec();
    const next = Math.min(Math.max(Math.max(this.zoomTarget, fit) * factor, fit), this.maxPxPerSec());
    this.zoomTo(next <= fit * 1.001 ? 0 : next);
  }

  /** The recording's own rate, once the sample view has read some of it. */
  setSampleRate(rate: number): void {
    this.sampleRate = rate;
  }

  /** While the lens is open, the rate its samples are at: edges then move a sample at a time. */
  lensSampleRate(): number | null {
    return this.lens ? this.sampleRate : null;
  }

  /** The whole file in view (the lens closed). */
  fit(): void {
    this.lens = null;
    this.zoomTo(0);
    this.options.events.onView(this.view());
  }

  private zoomTo(pxPerSec: number): void {
    if (pxPerSec === this.zoomTarget) return;
    this.zoomTarget = pxPerSec;
    this.ws.zoom(pxPerSec);
    void this.sharpen();
  }

  /** Draws the level the zoom needs once it is here; until then the current one, stretched. */
  private async sharpen(): Promise<void> {
    const want = levelFor(this.options.levels, Math.max(this.zoomTarget, this.fitPxPerSec()), window.devicePixelRatio);
    if (!want || want.url === this.level.url) return;
    const file = await loadPeaks(want).catch(() => null);
    const still = levelFor(this.options.levels, Math.max(this.zoomTarget, this.fitPxPerSec()), window.devicePixelRatio);
    if (!file || still?.url !== want.url || this.level.url === want.url) return;
    this.level = want;
    this.ws.setOptions({ peaks: file.data, duration: this.options.duration, minPxPerSec: this.zoomTarget });
  }

  view(): WaveformView {
    return {
      start: this.ws.getScroll() / this.pxPerSec(),
      pxPerSec: this.pxPerSec(),
      width: this.ws.getWidth(),
      lens: this.lens,
    };
  }

  /**
   * Moves the playhead to `t` (kept inside the file) on the media element itself. wavesurfer's
   * setTime defers a seek asked while an earlier one is still loading, and that earlier seek's
   * 'seeking' event then drops it: the second of two quick skips was lost.
   */
  seek(t: number): void {
    this.media.currentTime = Math.min(Math.max(t, 0), this.options.duration);
  }

  /** Moves the playhead by `delta` seconds from where the media is, or is already seeking to. */
  skip(delta: number): void {
    this.seek(this.media.currentTime + delta);
  }

  /** Plays [start, end) once, or over and over until `stopLoop` or another play. */
  playSpan(id: string, loop: boolean): void {
    const region = this.byId.get(id);
    if (!region) return;
    this.loopRegion = loop ? region : null;
    region.play(!loop);
  }

  stopLoop(): void {
    this.loopRegion = null;
  }

  destroy(): void {
    this.stopCreate?.();
    this.ws.destroy();
  }
}

/** A wheel notch (~100 px) zooms ×2 in or out; a trackpad's small deltas zoom smoothly. */
export function wheelFactor(e: WheelEvent): number {
  const pixels = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 33 : e.deltaY;
  return 2 ** Math.min(Math.max(-pixels / 100, -1), 1);
}

function fill(s: WaveSegment): string {
  if (s.diff === 'removed') return 'rgba(220, 38, 38, 0.12)';
  return hexToRgba(s.color, s.selected ? 0.42 : 0.2);
}

function style(region: Region, s: WaveSegment): void {
  const el = region.element;
  if (!el) return;
  el.dataset.segmentId = s.id;
  el.dataset.selected = String(s.selected);
  el.style.overflow = 'hidden';
  el.style.whiteSpace = 'nowrap';
  el.style.outline = s.selected ? `2px solid ${s.color}` : s.flagged ? '2px dashed #dc2626' : '';
  el.style.outlineOffset = '-2px';
  el.style.borderTop = s.diff ? `3px ${s.diff === 'removed' ? 'dashed' : 'solid'} ${DIFF_COLORS[s.diff]}` : '';
}

const DIFF_COLORS = { added: '#16a34a', changed: '#d97706', removed: '#dc2626' } as const;

function hexToRgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
