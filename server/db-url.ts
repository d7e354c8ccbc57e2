// Turns a postgres URL into the object form node-postgres takes; Prisma's CLI adapter needs the
// object form (a URL string makes its shadow database point at the main one).
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/loupe';

export interface PgPoolConfig {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

export function poolConfigFromUrl(url: string): PgPoolConfig {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get('host');
  return {
    host: socketHost ?? decodeURIComponent(parsed.hostname || '127.0.0.1'),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || 'postgres'),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '') || 'postgres'),
  };
}
