import { createProject, listProjects } from '@/lib/api/operations/projects';
import { route } from '@/server/http/route';
import { createProject as create } from '@/server/projects/create-project';
import { listProjects as list } from '@/server/projects/list-projects';

export const GET = route(listProjects, async ({ ctx }) => ({ projects: await list(ctx) }));
export const POST = route(createProject, ({ ctx, body }) => create(ctx, body));
