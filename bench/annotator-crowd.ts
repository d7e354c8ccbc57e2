import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Ctx } from '../server/context';
import { db } from '../server/db';

// Simulated annotators shared by the benchmarks that measure the claim path (claim.bench.ts, and
// taxonomy-migration.bench.ts while labels migrate): accounts, and one child process of them.

export interface AnnotatorRun {
  claimMs: number[];
  claims: number;
  submits: number;
  errors: Record<string, number>;
}

/** Users without passwords (no argon2 hashing for hundreds of accounts), all ANNOTATOR members of the project. */
export async function createAnnotators(projectId: string, count: number): Promise<Ctx[]> {
  const users = await db().user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `annotator-${i}@bench.loupe.test`, name: `Annotator ${i}` })),
  });
  await db().membership.createMany({ data: users.map((u) => ({ projectId, userId: u.id, role: 'ANNOTATOR' as const })) });
  return users.map((u) => ({ actor: { id: u.id, email: u.email, name: u.name, isSiteAdmin: false }, via: 'session' }));
}

/** One child process of annotators looping claim → think → submit (`claim-annotators.ts`); its claim times and counts. */
export async function runAnnotators(input: {
  projectId: string;
  passId: string;
  userIds: string[];
  thinkMs: string;
  seconds?: number;
}): Promise<AnnotatorRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'claim-annotators.ts')],
    {
      env: {
        ...process.env,
        BENCH_PROJECT_ID: input.projectId,
        BENCH_PASS_ID: input.passId,
        BENCH_USER_IDS: input.userIds.join(','),
        BENCH_THINK_MS: input.thinkMs,
        ...(input.seconds ? { BENCH_SECONDS: String(input.seconds) } : {}),
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as AnnotatorRun;
}
