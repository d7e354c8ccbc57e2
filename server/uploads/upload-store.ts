import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { MemoryLocker } from '@tus/server';
import { env } from '../env';

// Partial tus uploads live in DATA_DIR/uploads as `<id>` (the bytes so far) and `<id>.json` (length
// and metadata). Shared by every request of this process: the locker serialises PATCHes of one
// upload. It is in memory, so with several web replicas a load balancer must keep an upload on one
// replica (or swap in a Redis locker) — see README.md. An unfinished upload expires UPLOAD_EXPIRY_HOURS
// after its creation (tus's expiration extension: clients see Upload-Expires; `sweep-expired-uploads.ts`
// deletes the bytes).
interface UploadStore {
  directory: string;
  store: FileStore;
  locker: MemoryLocker;
}

const holder = globalThis as unknown as { loupeUploadStore?: UploadStore };

export function uploadStore(): UploadStore {
  const directory = path.resolve(env().DATA_DIR, 'uploads');
  if (holder.loupeUploadStore?.directory !== directory) {
    const expirationPeriodInMilliseconds = env().UPLOAD_EXPIRY_HOURS * 3600_000;
    holder.loupeUploadStore = {
      directory,
      store: new FileStore({ directory, expirationPeriodInMilliseconds }),
      locker: new MemoryLocker(),
    };
  }
  return holder.loupeUploadStore;
}
