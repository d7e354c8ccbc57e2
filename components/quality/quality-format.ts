import type { TEstimate, TQualityFamily } from '@/lib/schemas/quality';

export const FAMILY_LABELS: Record<TQualityFamily, string> = {
  classification: 'Classification',
  regions: 'Boxes & polygons',
  keypoints: 'Keypoints',
  audio_segments: 'Audio segments',
  video_tracks: 'Video tracks',
  events: 'Video events',
};

/** One word per family, for a column. */
export const FAMILY_SHORT: Record<TQualityFamily, string> = {
  classification: 'class',
  regions: 'region',
  keypoints: 'keypoints',
  audio_segments: 'segment',
  video_tracks: 'track',
  events: 'event',
};

/** What the "score" of a matched pair is in each family. */
export const SCORE_LABELS: Record<TQualityFamily, string | null> = {
  classification: null,
  regions: 'IoU',
  keypoints: 'OKS',
  audio_segments: 'temporal IoU',
  video_tracks: 'per-frame IoU',
  events: 'temporal IoU',
};

export const formatAlpha = (e: Pick<TEstimate, 'value'>) => (e.value === null ? '—' : e.value.toFixed(2));

export const formatInterval = (e: TEstimate) =>
  e.low === null || e.high === null ? 'no interval' : `95 % CI ${e.low.toFixed(2)} – ${e.high.toFixed(2)}`;

export const formatShare = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/**
 * Krippendorff's (2004) guidance for α: below 0.667 the data are not reliable, 0.667–0.8 allow only
 * tentative conclusions, 0.8 and up are reliable.
 */
export function alphaVerdict(value: number | null): { tone: 'red' | 'amber' | 'green' | 'neutral'; label: string } {
  if (value === null) return { tone: 'neutral', label: 'undefined' };
  if (value < 0.667) return { tone: 'red', label: 'unreliable' };
  return value < 0.8 ? { tone: 'amber', label: 'tentative' } : { tone: 'green', label: 'reliable' };
}

/** A heat-map fill for α from −0.2 (red) through 0.667 (amber) to 1 (green). */
export function alphaFill(value: number | null): string {
  if (value === null) return '#f4f4f5';
  const t = Math.max(0, Math.min(1, (value + 0.2) / 1.2));
  const hue = Math.round(t * t * 130);
  return `hsl(${hue} 70% ${88 - t * 18}%)`;
}

/** Monday of an ISO week as "Nov 16". */
const WEEK = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
export const formatWeek = (monday: string) => WEEK.format(new Date(`${monday}T00:00:00Z`));
