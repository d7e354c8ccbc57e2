import { uploadStore } from './upload-store';

const SWEEP_EVERY_MS = 3600_000;
let lastSweep = 0;

/**
 * Deletes the bytes of unfinished uploads past their expiry (tus's expiration extension, in
 * @tus/file-store). Run from upload creation at most once an hour per process, not by a worker: the
 * partial files live on the disk of the web replica that received them.
 */
export async function sweepExpiredUploads(): Promise<number> {
  lastSweep = Date.now();
  return uploadStore().store.deleteExpired();
}

/** The hourly sweep, without holding up the request that triggered it; a failure waits for the next hour. */
export function sweepExpiredUploadsHourly(now = Date.now()): void {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  void sweepExpiredUploads().catch((error: unknown) => console.error('upload sweep failed', error));
}
