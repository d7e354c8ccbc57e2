import { getMe } from '@/lib/api/operations/me';
import { route } from '@/server/http/route';

export const GET = route(getMe, async ({ ctx }) => ctx.actor);
