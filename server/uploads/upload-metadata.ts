import { Metadata } from '@tus/server';
import { z } from 'zod';
import { ZCaptureMetadataSchema } from '@/lib/schemas/asset';
import { AppError } from '../errors';

// What a browser sends in `Upload-Metadata` (tus: `key base64(value)` pairs). batchId and filename
// are required; the capture fields are optional and validated like the raw upload's query.
export const ZUploadMetadataSchema = ZCaptureMetadataSchema.omit({ metadata: true }).extend({
  batchId: z.string().min(1).max(100),
  filename: z.string().min(1).max(255),
  filetype: z.string().max(200).optional(),
});
export type TUploadMetadata = z.infer<typeof ZUploadMetadataSchema>;

export function parseUploadMetadata(input: string | null | Record<string, string | null> | undefined): TUploadMetadata {
  let pairs: Record<string, string | null>;
  try {
    pairs = typeof input === 'string' ? Metadata.parse(input) : (input ?? {});
  } catch {
    throw new AppError('VALIDATION', 'Upload-Metadata is not valid tus metadata');
  }
  const values = Object.fromEntries(
    Object.entries(pairs).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== ''),
  );
  const result = ZUploadMetadataSchema.safeParse(values);
  if (!result.success) {
    const errors = result.error.issues.map((i) => ({
      in: 'header',
      path: `Upload-Metadata.${i.path.join('.')}`,
      message: i.message,
    }));
    throw new AppError('VALIDATION', `Upload-Metadata is invalid: ${errors[0]?.path} ${errors[0]?.message}`, errors);
  }
  return result.data;
}
