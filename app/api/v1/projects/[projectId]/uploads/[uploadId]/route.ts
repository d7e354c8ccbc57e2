import { appendUpload, cancelUpload, getUploadOffset } from '@/lib/api/operations/uploads';
import { route } from '@/server/http/route';
import { handleUploadRequest } from '@/server/uploads/handle-upload-request';

type Params = { projectId: string; uploadId: string };

// tus builds its answers from the request; the upload's collection URL is this path minus the id.
const handle = ({ ctx, params, req }: { ctx: Parameters<typeof handleUploadRequest>[0]; params: Params; req: Request }) =>
  handleUploadRequest(ctx, { ...params, req, basePath: new URL(req.url).pathname.replace(/\/[^/]+\/?$/, '') });

export const HEAD = route(getUploadOffset, handle);
export const PATCH = route(appendUpload, handle);
export const DELETE = route(cancelUpload, handle);
