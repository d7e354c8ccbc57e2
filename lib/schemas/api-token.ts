import { z } from 'zod';

export const ZApiTokenCreateSchema = z.object({
  name: z.string().trim().min(1, 'name the token after what will use it').max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});

export const ZApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiTokenSchema>;

/** The secret is in this response only; it is never stored or shown again. */
export const ZApiTokenCreatedSchema = ZApiTokenSchema.extend({ secret: z.string() });
