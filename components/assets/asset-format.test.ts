import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatMs } from './asset-format';
import { probeFacts } from './probe-facts';

describe('asset formatting', () => {
  it('shows sizes in powers of 1024 with one decimal under ten', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 ** 3)).toBe('20 GB');
    expect(formatBytes(null)).toBe('—');
  });

  it('shows short clips in seconds and long media as h:mm:ss', () => {
    expect(formatDuration(4.24)).toBe('4.2 s');
    expect(formatDuration(83.4)).toBe('1:23');
    expect(formatDuration(3 * 3600 + 5)).toBe('3:00:05');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(1234)).toBe('1.23 s');
  });

  it('reads the VFR flag and format from a probe without trusting its shape', () => {
    const video = { container: 'mov,mp4', video: { codec: 'h264', variableFrameRate: true }, audio: { codec: 'aac' } };
    expect(probeFacts(video)).toMatchObject({ vfr: true, format: 'h264 + aac in mov,mp4', silent: false });
    expect(probeFacts({ format: 'png', orientation: 6 })).toMatchObject({ vfr: null, format: 'png', orientation: 6 });
    expect(probeFacts({ video: { variableFrameRate: 'yes' } }).vfr).toBeNull();
    expect(probeFacts(null)).toEqual({ vfr: null, format: null, silent: false, orientation: null });
  });
});
