import path from 'node:path';
import { ffmpegVersion } from '../av/ffmpeg-version';
import type { AvProbe } from '../av/probe-av';
import type { DerivativeFile } from '../types';
import { makeFrameMap } from './make-frame-map';
import { makePoster, THUMBNAIL_SIZE } from './make-poster';
import { makeThumbnailStrip } from './make-thumbnail-strip';
import { makeVideoProxy } from './make-video-proxy';

/**
 * PROXY first; everything else is read from it (not the source), so the frame map, poster and strip
 * describe exactly the frames the editor plays, and seeking them is cheap (a keyframe every second).
 */
export async function makeVideoDerivatives(input: {
  filePath: string;
  probe: AvProbe;
  workDir: string;
}): Promise<DerivativeFile[]> {
  const { filePath, probe, workDir } = input;
  const made = { tool: 'ffmpeg', toolVersion: await ffmpegVersion() };
  const at = (name: string) => path.join(workDir, name);

  const proxyParams = await makeVideoProxy(filePath, probe, at('proxy.mp4'));
  const { map } = await makeFrameMap(at('proxy.mp4'), probe, at('frame-map.json'));
  const poster = await makePoster(at('proxy.mp4'), map.times, { poster: at('poster.webp'), thumbnail: at('thumbnail-256.webp') });
  const strip = await makeThumbnailStrip(at('proxy.mp4'), map.times, at('strip.webp'));
  const frame = { frame: poster.frame, time: poster.time };
  return [
    { kind: 'PROXY', variant: '', path: at('proxy.mp4'), mime: 'video/mp4', params: proxyParams, ...made },
    {
      kind: 'FRAME_MAP',
      variant: '',
      path: at('frame-map.json'),
      mime: 'application/json',
      params: {
        fps: map.fps,
        frameCount: map.frameCount,
        variableFrameRate: map.variableFrameRate,
        keyframes: map.keyframes.length,
      },
      ...made,
    },
    { kind: 'POSTER', variant: '', path: at('poster.webp'), mime: 'image/webp', params: { ...frame, ...poster.poster }, ...made },
    {
      kind: 'THUMBNAIL',
      variant: String(THUMBNAIL_SIZE),
      path: at('thumbnail-256.webp'),
      mime: 'image/webp',
      params: { ...frame, ...poster.thumbnail },
      ...made,
    },
    { kind: 'THUMBNAIL_STRIP', variant: '', path: at('strip.webp'), mime: 'image/webp', params: strip, ...made },
  ];
}
