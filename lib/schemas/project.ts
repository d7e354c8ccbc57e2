import { z } from 'zod';

export const ROLES = ['OWNER', 'DATA_LEAD', 'REVIEWER', 'ANNOTATOR'] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

export const ZProjectRefSchema = z.object({ projectId: z.string().min(1).max(100) });

export const ZProjectCreateSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(100),
  slug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'slugs are lowercase letters, digits and inner dashes (max 48)')
    .optional(),
  description: z.string().max(2000).default(''),
});
export type TProjectCreate = z.infer<typeof ZProjectCreateSchema>;

export const ZProjectUpdateSchema = z
  .object({ name: ZProjectCreateSchema.shape.name.optional(), description: z.string().max(2000).optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, 'change the name or the description');

export const ZProjectSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  role: ZRoleSchema,
  memberCount: z.number().int(),
  assetCount: z.number().int(),
  createdAt: z.string(),
});
export type TProject = z.infer<typeof ZProjectSchema>;

export const ZMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRoleSchema,
  joinedAt: z.string(),
});
export type TMember = z.infer<typeof ZMemberSchema>;

export const ZInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type TInvitation = z.infer<typeof ZInvitationSchema>;

export const ZInviteCreateSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('a valid email is required')),
  role: ZRoleSchema,
});

/** Inviting a registered user adds them at once; anyone else gets a one-time link (shown once). */
export const ZInviteResultSchema = z.object({
  status: z.enum(['added', 'invited']),
  member: ZMemberSchema.optional(),
  invitation: ZInvitationSchema.optional(),
  acceptUrl: z.string().optional(),
});

export const ZMemberUpdateSchema = z.object({ role: ZRoleSchema });
