import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import type { DerivativeKind } from '../generated/prisma/enums';
import type { ServedBlob } from '../http/serve-blob';
import { authorizeProject } from '../permissions';

const EXTENSIONS: Record<string, string> = {
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/json': 'json',
  'video/mp4': 'mp4',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
};

/**
 * A derivative made by our pipeline (its type is ours). Without `variant`, the only one of that kind,
 * or the smallest size (the 256 thumbnail before the 1024 one).
 */
export async function getAssetDerivative(
  ctx: Ctx,
  input: { projectId: string; assetId: string; kind: DerivativeKind; variant?: string },
): Promise<ServedBlob> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const candidates = await db().assetDerivative.findMany({
    where: {
      asset: { id: input.assetId, projectId: access.projectId },
      kind: input.kind,
      ...(input.variant !== undefined ? { variant: input.variant } : {}),
    },
    select: { mime: true, variant: true, asset: { select: { filename: true } }, blob: { select: { sha256: true, bytes: true } } },
  });
  const derivative = candidates.sort((a, b) => (Number(a.variant) || 0) - (Number(b.variant) || 0))[0];
  if (!derivative) throw notFound('Derivative');
  const stem = derivative.asset.filename.replace(/\.[^.]*$/, '');
  const suffix = [input.kind.toLowerCase(), derivative.variant].filter(Boolean).join('-');
  return {
    sha256: derivative.blob.sha256,
    bytes: Number(derivative.blob.bytes),
    mime: derivative.mime,
    filename: `${stem}.${suffix}.${EXTENSIONS[derivative.mime] ?? 'bin'}`,
  };
}
