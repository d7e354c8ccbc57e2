import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { AssetKind, Pass, Role, TaskStatus } from '@/server/generated/prisma/enums';

// Rows per createMany: large enough that 100,000 rows take a few round trips, small enough to stay
// far below PostgreSQL's 65,535 bind parameters per statement.
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
  const row = {
    projectId: input.projectId,
    passId: input.passId,
    overlap: input.overlap,
    openSlots: pass.kind === 'LABEL' ? input.overlap : 1,
    priority: input.priority ?? 0,
    status: STATUS_IN_PASS[pass.kind],
  };
  const ids: string[] = [];
  for (const assetIds of chunks(input.assetIds)) {
    const created = await db.task.createManyAndReturn({ data: assetIds.map((assetId) => ({ ...row, assetId })), select: { id: true } });
    ids.push(...created.map((task) => task.id));
  }
  return ids;
}

// READY assets with no stored bytes, for tests and benchmarks that need many tasks and never open the
// media. Each has its own Blob row: an asset is unique per (project, content hash).
export async function createStubAssets(db: PrismaClient, input: { projectId: string; count: number; kind?: AssetKind }): Promise<string[]> {
  const indexes = Array.from({ length: input.count }, (_, i) => i);
  const ids: string[] = [];
  for (const part of chunks(indexes)) {
    const blobs = part.map((i) => ({
      sha256: createHash('sha256').update(`stub:${input.projectId}:${i}`).digest('hex'),
      bytes: 1n,
      mime: 'image/png',
      storageKey: `stub/${input.projectId}/${i}`,
    }));
    await db.blob.createMany({ data: blobs, skipDuplicates: true });
    const created = await db.asset.createManyAndReturn({
      data: blobs.map((blob, n) => ({
        projectId: input.projectId,
        kind: input.kind ?? 'IMAGE',
        blobSha256: blob.sha256,
        filename: `stub-${part[n]}.png`,
        mime: blob.mime,
        bytes: blob.bytes,
        width: 640,
        height: 480,
        source: 'SEED' as const,
        stage: 'READY' as const,
        readyAt: new Date(),
      })),
      select: { id: true },
    });
    ids.push(...created.map((asset) => asset.id));
  }
  return ids;
}

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}
