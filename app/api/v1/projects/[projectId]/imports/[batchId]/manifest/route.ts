import { importManifest } from '@/lib/api/operations/imports';
import { route } from '@/server/http/route';
import { importManifest as queueManifest } from '@/server/imports/import-manifest';

export const POST = route(importManifest, ({ ctx, params, req }) =>
  queueManifest(ctx, { ...params, contentType: req.headers.get('content-type'), body: req.body }),
);
