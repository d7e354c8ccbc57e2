import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Role } from '@/server/generated/prisma/enums';

export interface AddMemberInput {
  projectId: string;
  userId: string;
  role: Role;
}

// Sets the user's role in the project, adding the membership when missing.
export async function addMember(db: PrismaClient, input: AddMemberInput) {
  return db.membership.upsert({
    where: { projectId_userId: { projectId: input.projectId, userId: input.userId } },
    create: input,
    update: { role: input.role },
  });
}
