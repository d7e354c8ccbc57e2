import { z } from 'zod';

/** Ids of classes, attributes and keypoints: stable across taxonomy versions, so labels can follow them. */
export const ZStableIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'ids are 1–64 lowercase letters, digits, - or _');
