/** What the browser and the asset list call a container, from ffprobe's `format_name` and codecs. */
export function describeFormat(
  formatName: string,
  kind: 'AUDIO' | 'VIDEO',
  codecs: readonly string[],
): { container: string; mime: string } {
  const names = formatName.split(',');
  const has = (name: string) => names.includes(name);
  const media = kind === 'AUDIO' ? 'audio' : 'video';
  if (has('mp4') || has('mov')) return { container: 'mp4', mime: `${media}/mp4` };
  if (has('matroska') || has('webm')) {
    const webm = codecs.every((c) => ['vp8', 'vp9', 'av1', 'opus', 'vorbis'].includes(c));
    return webm ? { container: 'webm', mime: `${media}/webm` } : { container: 'matroska', mime: `${media}/x-matroska` };
  }
  const fixed: Record<string, { container: string; mime: string }> = {
    ogg: { container: 'ogg', mime: `${media}/ogg` },
    mp3: { container: 'mp3', mime: 'audio/mpeg' },
    wav: { container: 'wav', mime: 'audio/wav' },
    flac: { container: 'flac', mime: 'audio/flac' },
    aac: { container: 'aac', mime: 'audio/aac' },
    aiff: { container: 'aiff', mime: 'audio/aiff' },
    avi: { container: 'avi', mime: 'video/x-msvideo' },
    mpegts: { container: 'mpegts', mime: 'video/mp2t' },
    asf: { container: 'asf', mime: `${media}/x-ms-asf` },
  };
  const known = names.map((n) => fixed[n]).find(Boolean);
  return known ?? { container: names[0] ?? 'unknown', mime: 'application/octet-stream' };
}
