export interface ProbeFacts {
  vfr: boolean | null;
  /** "h264 in mov,mp4,m4a,3gp,3g2,mj2", "pcm_s16le in wav", "png". */
  format: string | null;
  /** Audio whose loudest sample stays under -60 dBFS (kept, but worth a look). */
  silent: boolean;
  /** EXIF orientation the pipeline applied (1 = none). */
  orientation: number | null;
}

/**
 * A few facts out of the asset's `probe` (what sharp or ffprobe reported, see server/pipeline/probe-media.ts),
 * read defensively: it is stored JSON, and older assets may lack a field.
 */
export function probeFacts(probe: unknown): ProbeFacts {
  const p = record(probe);
  const video = record(p.video);
  const audio = record(p.audio);
  const codecs = [str(video.codec), str(audio.codec)].filter(Boolean).join(' + ');
  const container = str(p.container);
  const format = codecs ? (container ? `${codecs} in ${container}` : codecs) : (str(p.format) ?? container);
  return {
    vfr: typeof video.variableFrameRate === 'boolean' ? video.variableFrameRate : null,
    format: format || null,
    silent: p.silent === true,
    orientation: typeof p.orientation === 'number' ? p.orientation : null,
  };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}
