import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/server/generated/prisma/client';
import { hashPassword, verifyPassword } from '@/server/auth/password';

export const DEFAULT_TEST_PASSWORD = 'loupe-test-password';

export interface CreateUserInput {
  email?: string;
  name?: string;
  // null makes a user who can only sign in through OIDC.
  password?: string | null;
  isSiteAdmin?: boolean;
}

// Upserts by email, so the seed can run again; a random default email keeps test users apart.
// An existing user only takes the fields given, and the password is only re-hashed when it changed,
// which keeps a second seed run a no-op.
export async function createUser(db: PrismaClient, input: CreateUserInput = {}) {
  const email = (input.email ?? `user-${randomUUID().slice(0, 8)}@loupe.test`).toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (!existing) {
    const password = input.password === undefined ? DEFAULT_TEST_PASSWORD : input.password;
    return db.user.create({
      data: {
        email,
        name: input.name ?? email.split('@')[0] ?? email,
        passwordHash: password === null ? null : await hashPassword(password),
        isSiteAdmin: input.isSiteAdmin ?? false,
      },
    });
  }
  const changes: Prisma.UserUpdateInput = {};
  if (input.name !== undefined && input.name !== existing.name) changes.name = input.name;
  if (input.isSiteAdmin !== undefined && input.isSiteAdmin !== existing.isSiteAdmin) changes.isSiteAdmin = input.isSiteAdmin;
  if (input.password !== undefined && !(await passwordMatches(existing.passwordHash, input.password))) {
    changes.passwordHash = input.password === null ? null : await hashPassword(input.password);
  }
  return Object.keys(changes).length > 0 ? db.user.update({ where: { email }, data: changes }) : existing;
}

async function passwordMatches(passwordHash: string | null, password: string | null): Promise<boolean> {
  if (password === null || passwordHash === null) return password === passwordHash;
  return verifyPassword(passwordHash, password);
}
