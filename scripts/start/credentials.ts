import { DEMO_PASSWORD, DEMO_USERS } from '../../prisma/seed';

export function credentialsLines(url: string): string[] {
  const password = process.env.SEED_PASSWORD || DEMO_PASSWORD;
  return [
    `Loupe is running at ${url}`,
    `Sign in with any of these demo users, password "${password}":`,
    ...DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.role}${u.isSiteAdmin ? ' + site admin' : ''}`),
  ];
}
