import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZProjectCreateSchema, ZProjectRefSchema, ZProjectSchema, ZProjectUpdateSchema } from '../../schemas/project';

export const listProjects = defineOperation({
  id: 'listProjects',
  method: 'GET',
  path: '/projects',
  tag: 'Projects',
  summary: 'Projects you are a member of',
  response: z.object({ projects: z.array(ZProjectSchema) }),
});

export const createProject = defineOperation({
  id: 'createProject',
  method: 'POST',
  path: '/projects',
  tag: 'Projects',
  summary: 'Create a project; you become its OWNER',
  body: ZProjectCreateSchema,
  response: ZProjectSchema,
  status: 201,
});

export const getProject = defineOperation({
  id: 'getProject',
  method: 'GET',
  path: '/projects/{projectId}',
  tag: 'Projects',
  summary: 'One project (by id or slug)',
  params: ZProjectRefSchema,
  response: ZProjectSchema,
});

export const updateProject = defineOperation({
  id: 'updateProject',
  method: 'PATCH',
  path: '/projects/{projectId}',
  tag: 'Projects',
  summary: 'Rename a project or change its description (OWNER)',
  params: ZProjectRefSchema,
  body: ZProjectUpdateSchema,
  response: ZProjectSchema,
});
