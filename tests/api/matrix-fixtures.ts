import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { createUser } from '@/prisma/factories/create-user';
import { addMember } from '@/prisma/factories/add-member';
import { hashTokenSecret, newTokenSecret } from '@/server/auth/token-secret';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { publishTaxonomyVersion } from '@/server/taxonomy/publish-taxonomy-version';
import { saveTaxonomyDraft } from '@/server/taxonomy/save-taxonomy-draft';
import { getTaxonomy } from '@/server/taxonomy/get-taxonomy';
import { randomBytes } from 'node:crypto';
import { ingestFile } from '@/server/assets/ingest-file';
import { createImport } from '@/server/imports/create-import';
import { blobStore } from '@/server/storage/blob-store';
import { registerBlobs } from '@/server/storage/register-blob';
import { handleUploadRequest } from '@/server/uploads/handle-upload-request';

// Objects a matrix cell consumes (a member to remove, an invitation to withdraw…), made fresh per call.

const CLASS: TTaxonomyClass = {
  id: 'car',
  name: 'Car',
  color: '#ff0000',
  hotkey: 'c',
  geometries: ['bbox'],
  attributes: [],
  description: '',
};

export function ownerCtx(owner: { id: string; email: string; name: string }): Ctx {
  return { actor: { ...owner, isSiteAdmin: false }, via: 'system' };
}

export async function freshMember(projectId: string): Promise<string> {
  const user = await createUser(db());
  await addMember(db(), { projectId, userId: user.id, role: 'ANNOTATOR' });
  return user.id;
}

export async function freshInvitation(projectId: string, invitedById: string): Promise<{ id: string; token: string }> {
  const token = newTokenSecret();
  const invitation = await db().invitation.create({
    data: {
      projectId,
      email: `invitee-${token.slice(-8).toLowerCase()}@loupe.test`,
      role: 'ANNOTATOR',
      tokenHash: hashTokenSecret(token),
      invitedById,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { id: invitation.id, token };
}

export async function freshToken(userId: string): Promise<string> {
  const token = await db().apiToken.create({
    data: { userId, name: 'matrix', prefix: 'x', tokenHash: hashTokenSecret(newTokenSecret()) },
  });
  return token.id;
}

export async function freshJobFailure(): Promise<string> {
  const failure = await db().jobFailure.create({
    data: {
      queue: 'health',
      jobId: `matrix-${Math.random().toString(36).slice(2)}`,
      jobName: 'health',
      payload: { v: 1, nonce: 'matrix' },
      reason: 'matrix',
      attemptsMade: 1,
    },
  });
  return failure.id;
}

/** The draft's updatedAt (making a draft first if there is none), as an editor would send it. */
export async function draftBase(ctx: Ctx, projectId: string): Promise<string> {
  const taxonomy = await getTaxonomy(ctx, { projectId });
  if (taxonomy.draft) return taxonomy.draft.updatedAt;
  return (await saveTaxonomyDraft(ctx, { projectId, definition: { classes: [CLASS] }, baseUpdatedAt: null })).updatedAt;
}

export async function publishedVersion1(ctx: Ctx, projectId: string): Promise<void> {
  const taxonomy = await getTaxonomy(ctx, { projectId });
  if (taxonomy.published) return;
  await draftBase(ctx, projectId);
  await publishTaxonomyVersion(ctx, { projectId });
}

export const SAMPLE_DEFINITION = { classes: [CLASS] };

export async function freshBatch(ctx: Ctx, projectRef: string): Promise<string> {
  return (await createImport(ctx, { projectId: projectRef, source: 'UPLOAD', label: 'matrix' })).id;
}

/** A RAW asset with unique bytes; `quarantined` fails it, `thumbnail` gives it a 256 thumbnail. */
export async function freshAsset(
  ctx: Ctx,
  projectRef: string,
  options: { quarantined?: boolean; thumbnail?: boolean } = {},
): Promise<string> {
  const batchId = await freshBatch(ctx, projectRef);
  const { assetId } = await ingestFile(ctx, {
    projectId: projectRef,
    batchId,
    name: 'matrix.bin',
    source: 'UPLOAD',
    bytes: randomBytes(64),
  });
  if (options.quarantined) {
    await db().asset.update({ where: { id: assetId }, data: { stage: 'QUARANTINED', failureReason: 'corrupt: matrix' } });
  }
  if (options.thumbnail) {
    const stored = await blobStore().put(randomBytes(32));
    await registerBlobs(db(), [{ ...stored, mime: 'image/webp' }]);
    await db().assetDerivative.create({
      data: {
        assetId,
        kind: 'THUMBNAIL',
        variant: '256',
        blobSha256: stored.sha256,
        mime: 'image/webp',
        tool: 'sharp',
        toolVersion: 'test',
      },
    });
  }
  return assetId;
}

/** Tus headers for a new upload of `length` bytes into a fresh batch. */
export function tusCreateHeaders(batchId: string, length: number, filename = 'matrix.bin'): Record<string, string> {
  const b64 = (v: string) => Buffer.from(v).toString('base64');
  return {
    'tus-resumable': '1.0.0',
    'upload-length': String(length),
    'upload-metadata': `batchId ${b64(batchId)},filename ${b64(filename)}`,
  };
}

/** An unfinished 10-byte tus upload in the project; returns its id. */
export async function freshUpload(ctx: Ctx, projectRef: string): Promise<string> {
  const batchId = await freshBatch(ctx, projectRef);
  const path = `/api/v1/projects/${projectRef}/uploads`;
  const req = new Request(`http://localhost${path}`, { method: 'POST', headers: tusCreateHeaders(batchId, 10) });
  const response = await handleUploadRequest(ctx, { projectId: projectRef, req, basePath: path });
  if (response.status !== 201) throw new Error(`upload fixture: ${response.status} ${await response.text()}`);
  return response.headers.get('location')!.split('/').pop()!;
}

/** A real recording (half a second of a 440 Hz tone, 16-bit mono WAV) that ffmpeg can read. */
export async function freshRecording(ctx: Ctx, projectRef: string): Promise<string> {
  const batchId = await freshBatch(ctx, projectRef);
  const { assetId } = await ingestFile(ctx, {
    projectId: projectRef,
    batchId,
    name: 'matrix.wav',
    source: 'UPLOAD',
    bytes: toneWav(),
  });
  // What the pipeline's probe would record: the editor's sample view reads the rate from it.
  await db().asset.update({
    where: { id: assetId },
    data: { probe: { kind: 'AUDIO', audio: { sampleRate: 8000, channels: 1 } } },
  });
  return assetId;
}

function toneWav(rate = 8000, seconds = 0.5): Buffer {
  const samples = Math.round(rate * seconds);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return wav;
}
