import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from './db-url';

// Defaults make a fresh clone run with no configuration; production refuses the dev secret.
export const DEV_SECRET = 'loupe-dev-secret-change-me-in-production';

const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    NEXTAUTH_SECRET: z.string().min(16).default(DEV_SECRET),
    NEXTAUTH_URL: z.string().url().default('http://localhost:3000'),
    DATA_DIR: z.string().default('./data'),
    QUEUE_PREFIX: z.string().default('loupe'),
    MAX_JSON_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
    /** Saves and adjudications carry a whole annotation: 10,000 boxes are about 1.3 MB of JSON. */
    MAX_ANNOTATION_BODY_BYTES: z.coerce.number().int().positive().default(25_000_000),
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 ** 3),
    /** An unfinished resumable upload older than this is expired (tus Upload-Expires) and its bytes deleted. */
    UPLOAD_EXPIRY_HOURS: z.coerce.number().positive().default(24),
    /** Uploads and imports answer 429 while more than this many ingest/preprocess jobs wait. */
    MAX_PIPELINE_BACKLOG: z.coerce.number().int().positive().default(20_000),
    /** Images with more pixels than this (width × height, from the header) are decompression bombs. */
    PIPELINE_MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(100_000_000),
    /** Wall-clock limit for an image's thumbnail pass (sharp); ffmpeg runs set theirs from the duration. */
    PIPELINE_IMAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_NAME: z.string().default('Single sign-on'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.NEXTAUTH_SECRET !== DEV_SECRET, {
    message: 'NEXTAUTH_SECRET must be set to a secret of your own in production',
    path: ['NEXTAUTH_SECRET'],
  });

export type TEnv = z.infer<typeof ZEnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function oidcEnabled(e: TEnv = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
