import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZApiTokenCreatedSchema, ZApiTokenCreateSchema, ZApiTokenSchema } from '../../schemas/api-token';

export const ZMeSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isSiteAdmin: z.boolean(),
});

export const getMe = defineOperation({
  id: 'getMe',
  method: 'GET',
  path: '/me',
  tag: 'Account',
  summary: 'The signed-in user (or the owner of the API token)',
  response: ZMeSchema,
});

export const listApiTokens = defineOperation({
  id: 'listApiTokens',
  method: 'GET',
  path: '/tokens',
  tag: 'Account',
  summary: 'Your API tokens (never their secrets)',
  response: z.object({ tokens: z.array(ZApiTokenSchema) }),
});

export const createApiToken = defineOperation({
  id: 'createApiToken',
  method: 'POST',
  path: '/tokens',
  tag: 'Account',
  summary: 'Create an API token; the secret is in this response only',
  body: ZApiTokenCreateSchema,
  response: ZApiTokenCreatedSchema,
  status: 201,
});

export const revokeApiToken = defineOperation({
  id: 'revokeApiToken',
  method: 'DELETE',
  path: '/tokens/{tokenId}',
  tag: 'Account',
  summary: 'Revoke one of your API tokens',
  params: z.object({ tokenId: z.string().min(1).max(100) }),
  response: z.null(),
  status: 204,
});
