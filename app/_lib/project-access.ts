import { notFound } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/server/db';
import { AppError } from '@/server/errors';
import { authorizeProject, can, type Capability } from '@/server/permissions';
import type { TRole } from '@/lib/schemas/project';
import { requirePageCtx } from './session';

export interface PageProjectAccess {
  slug: string;
  role: TRole;
  can: (capability: Capability) => boolean;
}

/**
 * The caller's role in a project, for deciding what a page offers (edit controls, tabs). A project the
 * caller is not a member of — or that does not exist — renders the 404 page, exactly as the API answers.
 * Cached per request so the layout and the page share one lookup.
 */
export const projectAccessOrNotFound = cache(async (ref: string): Promise<PageProjectAccess> => {
  const ctx = await requirePageCtx();
  try {
    const access = await authorizeProject(db(), ctx, ref, 'project:read');
    return { slug: access.slug, role: access.role, can: (capability) => can(access.role, capability) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
