import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffMedia } from './sniff';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-sniff-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileWith(name: string, bytes: Buffer | string) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('sniffMedia', () => {
  it('goes by the bytes, not the name: a PNG called .mp4 is an image', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await expect(sniffMedia(await fileWith('clip.mp4', png))).resolves.toEqual({
      family: 'IMAGE',
      mime: 'image/png',
      ext: 'png',
    });
  });

  it('sends a WAV to the audio/video prober', async () => {
    const header = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(32)]);
    await expect(sniffMedia(await fileWith('a.bin', header))).resolves.toMatchObject({ family: 'TIMED', mime: 'audio/wav' });
  });

  it.each([
    ['empty.jpg', '', /^zero_length: /],
    ['page.jpg', '<!doctype html><html><script>alert(1)</script></html>', /^unsupported_type: /],
    ['icon.png', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', /^unsupported_type: application\/xml/],
    ['notes.wav', 'just some text', /^unsupported_type: /],
  ])('refuses %s', async (name, bytes, reason) => {
    const error = await sniffMedia(await fileWith(name, bytes)).catch((e: unknown) => e);
    expect((error as { reason: string }).reason).toMatch(reason);
  });
});
