import { createUpload } from '@/lib/api/operations/uploads';
import { route } from '@/server/http/route';
import { handleUploadRequest } from '@/server/uploads/handle-upload-request';

export const POST = route(createUpload, ({ ctx, params, req }) =>
  handleUploadRequest(ctx, { projectId: params.projectId, req, basePath: new URL(req.url).pathname.replace(/\/$/, '') }),
);
