import type { TProject, TProjectCreate } from '@/lib/schemas/project';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { PROJECT_SELECT, presentProject } from '../presenters/project';
import { firstFree, slugify } from '@/lib/slug';

export async function createProject(ctx: Ctx, input: TProjectCreate): Promise<TProject> {
  const slug = input.slug ?? (await freeSlug(slugify(input.name, 40, 'project')));
  try {
    return await db().$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          slug,
          name: input.name,
          description: input.description,
          createdById: ctx.actor.id,
          memberships: { create: { userId: ctx.actor.id, role: 'OWNER' } },
        },
        select: PROJECT_SELECT,
      });
      await recordAudit(tx, ctx, {
        action: 'project.create',
        projectId: project.id,
        subjectType: 'Project',
        subjectId: project.id,
        after: { slug, name: input.name },
      });
      return presentProject(project, 'OWNER');
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', `The slug "${slug}" is taken; choose another`, [
        { in: 'body', path: 'slug', message: 'taken' },
      ]);
    }
    throw error;
  }
}

/** The name's slug, or the first free `slug-2`, `slug-3`… when taken. */
async function freeSlug(base: string): Promise<string> {
  const taken = await db().project.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFree(base, new Set(taken.map((p) => p.slug)));
}
