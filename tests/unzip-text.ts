import type { Readable } from 'node:stream';
import { fromBufferPromise, type Entry } from 'yauzl';

/**
 * A zip's entries as text, in the archive's order, read with yauzl: an unzip of its own (the archive
 * is written with fflate), which also checks every entry's CRC and sizes against its headers.
 */
export async function unzipText(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  const next = () =>
    new Promise<Entry | null>((resolve, reject) => {
      const settle = (value: Entry | null, error?: Error) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        if (error) reject(error);
        else resolve(value);
      };
      const onEntry = (entry: Entry) => settle(entry);
      const onEnd = () => settle(null);
      const onError = (error: Error) => settle(null, error);
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
  const files: Record<string, string> = {};
  for (let entry = await next(); entry; entry = await next()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zip.openReadStreamPromise(entry)) as Readable) chunks.push(chunk as Buffer);
    files[entry.fileName] = Buffer.concat(chunks).toString('utf8');
  }
  return files;
}
