import type { TPerson } from '@/lib/schemas/workflow';

export const PERSON_SELECT = { id: true, name: true, email: true } as const;

export function presentPerson(user: { id: string; name: string; email: string }): TPerson {
  return { id: user.id, name: user.name, email: user.email };
}
