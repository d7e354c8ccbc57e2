import { describe, expect, it } from 'vitest';
import { jobKey } from './job-key';

describe('jobKey', () => {
  it('keeps plain ids readable and deterministic', () => {
    expect(jobKey('ingest', 'ckasset1')).toBe('ingest-ckasset1');
    expect(jobKey('preprocess', 'ckasset1', 'THUMBNAIL')).toBe(jobKey('preprocess', 'ckasset1', 'THUMBNAIL'));
  });

  it('never contains a colon, the separator BullMQ refuses', () => {
    const id = jobKey('embed', 'ckasset1', 'openai:clip/vit-b', '1.0');
    expect(id).not.toContain(':');
    expect(id).toMatch(/^embed-h[0-9a-f]{32}$/);
  });

  it('does not let two different part lists collide by joining', () => {
    expect(jobKey('embed', 'a-b', 'c')).not.toBe(jobKey('embed', 'a', 'b-c'));
  });
});
