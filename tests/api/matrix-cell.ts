import type { Role } from '@/server/generated/prisma/enums';
import type { projectWithEveryRole, userWithToken } from './api-users';
import type { CallOptions } from './call-api';

// The access matrix's vocabulary (access-matrix.int.test.ts): the world it runs in, a cell per
// operation, and the usual expectations per role.

export type World = Awaited<ReturnType<typeof projectWithEveryRole>> & { admin: Awaited<ReturnType<typeof userWithToken>> };
export type Caller = { userId: string; token: string | undefined };
export interface Cell {
  /** Builds the request for a caller on a project; may create what the call consumes. */
  request: (w: World, projectId: string, caller: Caller) => Promise<{ path: string } & Omit<CallOptions, 'token'>>;
  /** Status per role on the caller's own project; outsiders always get 404, anonymous 401. */
  roles?: Record<Role, number>;
  /** For operations outside projects: status for a signed-in non-admin and for a site admin. */
  account?: { member: number; admin: number; anonymous?: number };
}

export const ALL = (status: number): Record<Role, number> => ({
  OWNER: status,
  DATA_LEAD: status,
  REVIEWER: status,
  ANNOTATOR: status,
});
export const OWNER_ONLY = (status: number): Record<Role, number> => ({
  OWNER: status,
  DATA_LEAD: 403,
  REVIEWER: 403,
  ANNOTATOR: 403,
});
export const LEADS = (status: number): Record<Role, number> => ({
  OWNER: status,
  DATA_LEAD: status,
  REVIEWER: 403,
  ANNOTATOR: 403,
});
// Requests address a project by id or slug; fixtures need its id and its owner.
export const idOf = (w: World, ref: string) => (ref === w.project.slug ? w.project.id : ref);
export const ownerOf = (w: World, ref: string) => (idOf(w, ref) === w.project.id ? w.members.OWNER.user : w.outsider.user);
