import type { TInvitation, TMember } from '@/lib/schemas/project';
import type { Role } from '../generated/prisma/enums';

export const MEMBER_SELECT = {
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

export function presentMember(row: { role: Role; createdAt: Date; user: { id: string; email: string; name: string } }): TMember {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    joinedAt: row.createdAt.toISOString(),
  };
}

export function presentInvitation(row: { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date }): TInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
