import { getQualitySettings, saveQualitySettings } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { getQualitySettings as get, saveQualitySettings as save } from '@/server/quality/quality-settings';

export const GET = route(getQualitySettings, ({ ctx, params }) => get(ctx, params));
export const PUT = route(saveQualitySettings, ({ ctx, params, body }) => save(ctx, { ...params, settings: body }));
