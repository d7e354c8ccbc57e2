import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { uploadFile } from '@/lib/api/operations/imports';
import { uploadFile as upload } from '@/server/assets/upload-file';
import { route } from '@/server/http/route';

export const PUT = route(uploadFile, async ({ ctx, params, query, req }) => {
  const { name, ...capture } = query;
  const declared = req.headers.get('content-type')?.split(';')[0]?.trim();
  const result = await upload(ctx, {
    ...params,
    name,
    capture,
    declaredMime: declared && declared !== 'application/octet-stream' ? declared : undefined,
    bytes: req.body ? Readable.fromWeb(req.body as NodeWebStream<Uint8Array>) : new Uint8Array(0),
  });
  return Response.json(result, { status: 201, headers: { 'cache-control': 'no-store' } });
});
