import { getProject, updateProject } from '@/lib/api/operations/projects';
import { route } from '@/server/http/route';
import { getProject as get } from '@/server/projects/get-project';
import { updateProject as update } from '@/server/projects/update-project';

export const GET = route(getProject, ({ ctx, params }) => get(ctx, params));
export const PATCH = route(updateProject, ({ ctx, params, body }) => update(ctx, { ...params, ...body }));
