import { z } from 'zod';
import { runAvTool } from './run-av-tool';

const ZFfprobeStream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  nb_frames: z.string().optional(),
  nb_read_packets: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  duration: z.string().optional(),
  start_time: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
});

const ZFfprobeInfo = z.object({
  streams: z.array(ZFfprobeStream).default([]),
  format: z.object({ format_name: z.string().default(''), duration: z.string().optional() }),
});

export type TFfprobeStream = z.infer<typeof ZFfprobeStream>;
export type TFfprobeInfo = z.infer<typeof ZFfprobeInfo> & { stderr: string };

/**
 * Container and streams, with every packet counted (a demux pass, no decoding): a file cut short
 * reads fewer packets than its header promises.
 */
export async function readFfprobeInfo(filePath: string, timeoutMs: number): Promise<TFfprobeInfo> {
  const { stdout, stderr } = await runAvTool(
    'ffprobe',
    ['-v', 'error', '-count_packets', '-show_format', '-show_streams', '-of', 'json', filePath],
    { timeoutMs },
  );
  return { ...ZFfprobeInfo.parse(JSON.parse(stdout)), stderr };
}

/** "30000/1001" → 29.97; 0 for ffprobe's "0/0" (unknown). */
export function parseRate(rate: string | undefined): number {
  const [num, den] = (rate ?? '').split('/').map(Number);
  return num && den ? num / den : 0;
}
