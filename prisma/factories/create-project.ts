import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { addMember } from './add-member';

export interface CreateProjectInput {
  ownerId: string;
  name?: string;
  slug?: string;
  description?: string;
}

// Upserts by slug (an existing project only takes the fields given) and makes the owner an OWNER
// member, as creating a project in the app does.
export async function createProject(db: PrismaClient, input: CreateProjectInput) {
  const slug = input.slug ?? `project-${randomUUID().slice(0, 8)}`;
  const project = await db.project.upsert({
    where: { slug },
    create: { slug, name: input.name ?? `Project ${slug}`, description: input.description ?? '', createdById: input.ownerId },
    update: { name: input.name, description: input.description },
  });
  await addMember(db, { projectId: project.id, userId: input.ownerId, role: 'OWNER' });
  return project;
}
