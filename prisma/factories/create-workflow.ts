import type { PrismaClient } from '@/server/generated/prisma/client';
import type { AssetKind, Pass, Role, TaskStatus } from '@/server/generated/prisma/enums';
import type { TPassScope } from '@/lib/schemas/workflow';

// Rows per INSERT. The bulk inserts are SQL over arrays: Prisma's createMany costs about 0.7 ms of
// query compilation per row, which made 100,000 tasks take minutes.
const CHUNK = 5_000;

const ALL_ROLES: Role[] = ['OWNER', 'DATA_LEAD', 'REVIEWER', 'ANNOTATOR'];

// The status a task has while it waits in a pass of each kind, as entering a pass in the app sets it.
const STATUS_IN_PASS: Record<Pass, TaskStatus> = { LABEL: 'OPEN', REVIEW: 'IN_REVIEW', ADJUDICATE: 'ESCALATED' };

export interface WorkflowPassInput {
  kind: Pass;
  name: string;
  overlap?: number;
  sampleRate?: number;
  roles?: Role[];
  scope?: TPassScope;
}

// The project's passes in the order given (positions 0..n-1); every role may work a pass unless told.
export async function createWorkflowPasses(db: PrismaClient, input: { projectId: string; passes: WorkflowPassInput[] }) {
  return db.$transaction(
    input.passes.map((pass, position) =>
      db.workflowPass.create({
        data: {
          projectId: input.projectId,
          position,
          kind: pass.kind,
          name: pass.name,
          overlap: pass.overlap ?? 1,
          sampleRate: pass.sampleRate ?? 1,
          roles: pass.roles ?? ALL_ROLES,
          ...(pass.scope ? { scope: pass.scope } : {}),
        },
      }),
    ),
  );
}

export interface TasksInPassInput {
  projectId: string;
  passId: string;
  assetIds: string[];
  overlap: number;
  priority?: number;
}

// One task per asset, queued in the pass: a LABEL pass opens `overlap` slots, a review or adjudication
// pass one. Returns the new tasks' ids.
export async function createTasksInPass(db: PrismaClient, input: TasksInPassInput): Promise<string[]> {
  const pass = await db.workflowPass.findUniqueOrThrow({ where: { id: input.passId }, select: { kind: true } });
  const openSlots = pass.kind === 'LABEL' ? input.overlap : 1;
  const ids: string[] = [];
  for (const assetIds of chunks(input.assetIds)) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "Task" (id, "projectId", "assetId", overlap, priority, status, "passId", "openSlots", "updatedAt")
      SELECT gen_random_uuid()::text, ${input.projectId}, asset_id, ${input.overlap}, ${input.priority ?? 0},
             ${STATUS_IN_PASS[pass.kind]}::"TaskStatus", ${input.passId}, ${openSlots}, now()
      FROM unnest(${assetIds}::text[]) AS asset_id
      RETURNING id`;
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

// READY assets with no stored bytes, for tests and benchmarks that need many tasks and never open the
// media. Each has its own Blob row (an asset is unique per project and content hash), with a made-up
// hash derived from the project and the asset's number (numbers start at `first`, 0 by default: a
// second call for the same project needs numbers of its own).
export async function createStubAssets(
  db: PrismaClient,
  input: { projectId: string; count: number; kind?: AssetKind; first?: number },
): Promise<string[]> {
  const numbers = Array.from({ length: input.count }, (_, i) => i + (input.first ?? 0));
  const ids: string[] = [];
  for (const part of chunks(numbers)) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      WITH stub AS (
        SELECT n, encode(sha256(convert_to(${`stub:${input.projectId}:`} || n, 'UTF8')), 'hex') AS sha256
        FROM unnest(${part}::int[]) AS n
      ), blob AS (
        INSERT INTO "Blob" (sha256, bytes, mime, "storageKey")
        SELECT sha256, 1, 'image/png', 'stub/' || sha256 FROM stub
        ON CONFLICT DO NOTHING
      )
      INSERT INTO "Asset" (id, "projectId", kind, "blobSha256", filename, mime, bytes, width, height, source, stage, "readyAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${input.projectId}, ${input.kind ?? 'IMAGE'}::"AssetKind", sha256, 'stub-' || n || '.png',
             'image/png', 1, 640, 480, 'SEED', 'READY', now(), now()
      FROM stub
      RETURNING id`;
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}
