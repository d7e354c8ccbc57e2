import { z } from 'zod';
import { defineOperation } from '../operation';
import {
  ZInvitationSchema,
  ZInviteCreateSchema,
  ZInviteResultSchema,
  ZMemberSchema,
  ZMemberUpdateSchema,
  ZProjectRefSchema,
  ZRoleSchema,
} from '../../schemas/project';

const ZMemberRefSchema = ZProjectRefSchema.extend({ userId: z.string().min(1).max(100) });

export const listMembers = defineOperation({
  id: 'listMembers',
  method: 'GET',
  path: '/projects/{projectId}/members',
  tag: 'Members',
  summary: 'Members and pending invitations of a project',
  params: ZProjectRefSchema,
  response: z.object({ members: z.array(ZMemberSchema), invitations: z.array(ZInvitationSchema) }),
});

export const inviteMember = defineOperation({
  id: 'inviteMember',
  method: 'POST',
  path: '/projects/{projectId}/members',
  tag: 'Members',
  summary: 'Invite someone by email with a role (OWNER)',
  params: ZProjectRefSchema,
  body: ZInviteCreateSchema,
  response: ZInviteResultSchema,
  status: 201,
});

export const updateMember = defineOperation({
  id: 'updateMember',
  method: 'PATCH',
  path: '/projects/{projectId}/members/{userId}',
  tag: 'Members',
  summary: "Change a member's role (OWNER)",
  params: ZMemberRefSchema,
  body: ZMemberUpdateSchema,
  response: ZMemberSchema,
});

export const removeMember = defineOperation({
  id: 'removeMember',
  method: 'DELETE',
  path: '/projects/{projectId}/members/{userId}',
  tag: 'Members',
  summary: 'Remove a member (OWNER); the last owner cannot be removed',
  params: ZMemberRefSchema,
  response: z.null(),
  status: 204,
});

export const revokeInvitation = defineOperation({
  id: 'revokeInvitation',
  method: 'DELETE',
  path: '/projects/{projectId}/invitations/{invitationId}',
  tag: 'Members',
  summary: 'Withdraw a pending invitation (OWNER)',
  params: ZProjectRefSchema.extend({ invitationId: z.string().min(1).max(100) }),
  response: z.null(),
  status: 204,
});

const ZInviteTokenSchema = z.object({ token: z.string().min(10).max(200) });

export const getInvitation = defineOperation({
  id: 'getInvitation',
  method: 'GET',
  path: '/invitations/{token}',
  tag: 'Members',
  summary: 'What an invitation link grants (no sign-in needed)',
  params: ZInviteTokenSchema,
  response: z.object({ projectName: z.string(), email: z.string(), role: ZRoleSchema, accountExists: z.boolean() }),
  public: true,
});

export const acceptInvitation = defineOperation({
  id: 'acceptInvitation',
  method: 'POST',
  path: '/invitations/{token}/accept',
  tag: 'Members',
  summary: 'Accept an invitation, creating the account with a name and password',
  params: ZInviteTokenSchema,
  body: z.object({
    name: z.string().trim().min(1, 'your name is required').max(100),
    password: z.string().min(10, 'use at least 10 characters').max(200),
  }),
  response: z.object({ projectSlug: z.string(), email: z.string() }),
  public: true,
});
