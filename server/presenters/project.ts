import type { TProject } from '@/lib/schemas/project';
import type { Role } from '../generated/prisma/enums';

export const PROJECT_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  createdAt: true,
  _count: { select: { memberships: true, assets: true } },
} as const;

interface ProjectRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
  _count: { memberships: number; assets: number };
}

export function presentProject(row: ProjectRow, role: Role): TProject {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    role,
    memberCount: row._count.memberships,
    assetCount: row._count.assets,
    createdAt: row.createdAt.toISOString(),
  };
}
