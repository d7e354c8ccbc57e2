import * as tus from 'tus-js-client';
import { describeUploadError } from './upload-errors';

export type UploadPhase = 'queued' | 'uploading' | 'waiting' | 'done' | 'failed';

export interface UploadRow {
  id: string;
  batchId: string;
  name: string;
  path: string;
  size: number;
  sent: number;
  phase: UploadPhase;
  /** Why it waits or failed, as a sentence. */
  message: string | null;
  /** When a 'waiting' row (pipeline busy) is tried again (epoch ms). */
  retryAt: number | null;
  resumed: boolean;
  assetId: string | null;
  importStatus: 'ACCEPTED' | 'DUPLICATE' | null;
}

export interface QueueSnapshot {
  rows: readonly UploadRow[];
  /** Bytes per second over the last few seconds. */
  rate: number;
}

const PARALLEL = 3;
const CHUNK = 8 * 1024 * 1024;
const RATE_WINDOW_MS = 5000;

/**
 * Uploads files with tus, three at a time, in the order they were added. Each file resumes a previous,
 * unfinished upload of the same file (same name, size, date) if the browser remembers one — also after
 * a reload. A 429 (pipeline saturated) puts the file back in line after the server's Retry-After.
 * Plain TypeScript with a subscribe/snapshot pair, so React reads it with useSyncExternalStore.
 */
export class UploadQueue {
  private rows: UploadRow[] = [];
  private readonly files = new Map<string, File>();
  private readonly uploads = new Map<string, tus.Upload>();
  private readonly listeners = new Set<() => void>();
  private samples: { t: number; sent: number }[] = [];
  private snapshot: QueueSnapshot = { rows: [], rate: 0 };
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private counter = 0;

  constructor(private readonly endpoint: string) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  add(batchId: string, files: { file: File; path: string }[]): void {
    for (const { file, path } of files) {
      const id = `u${++this.counter}`;
      this.files.set(id, file);
      this.rows.push({
        id,
        batchId,
        name: file.name,
        path,
        size: file.size,
        sent: 0,
        phase: 'queued',
        message: null,
        retryAt: null,
        resumed: false,
        assetId: null,
        importStatus: null,
      });
    }
    this.changed(true);
    this.pump();
  }

  /** The batch an unfinished upload of this file was started in, if the browser remembers one. */
  async resumableBatchId(file: File): Promise<string | null> {
    const stored = await new tus.Upload(file, { endpoint: this.endpoint }).findPreviousUploads().catch(() => []);
    const active = this.activeUrls();
    return stored.find((p) => p.uploadUrl && !active.has(p.uploadUrl) && p.metadata.batchId)?.metadata.batchId ?? null;
  }

  retry(id: string): void {
    this.patch(id, { phase: 'queued', message: null, retryAt: null });
    this.pump();
  }

  /** Stops every running upload; the browser keeps their fingerprints, so dropping them again resumes. */
  dispose(): void {
    for (const upload of this.uploads.values()) void upload.abort();
    this.uploads.clear();
    this.listeners.clear();
  }

  private pump(): void {
    const running = this.rows.filter((r) => r.phase === 'uploading').length;
    const next = this.rows.filter((r) => r.phase === 'queued').slice(0, Math.max(0, PARALLEL - running));
    for (const row of next) void this.start(row);
  }

  private async start(row: UploadRow): Promise<void> {
    const file = this.files.get(row.id);
    if (!file) return;
    this.patch(row.id, { phase: 'uploading', message: null });
    const upload = new tus.Upload(file, {
      endpoint: this.endpoint,
      chunkSize: CHUNK,
      retryDelays: [0, 1000, 3000, 5000, 10_000],
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', batchId: row.batchId },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent) => this.patch(row.id, { sent }),
      onAfterResponse: (_req, res) => {
        const assetId = res.getHeader('Loupe-Asset-Id');
        const status = res.getHeader('Loupe-Import-Status');
        if (assetId) this.patch(row.id, { assetId, importStatus: status === 'DUPLICATE' ? 'DUPLICATE' : 'ACCEPTED' });
      },
      onSuccess: () => this.finish(row.id, { phase: 'done', sent: file.size }),
      onError: (error) => {
        const failure = describeUploadError(error, file.size);
        if (failure.kind === 'busy') {
          const retryAt = Date.now() + failure.retryInSec * 1000;
          this.finish(row.id, { phase: 'waiting', retryAt, message: 'The pipeline is busy' });
          setTimeout(() => this.retry(row.id), failure.retryInSec * 1000);
        } else {
          this.finish(row.id, { phase: 'failed', message: failure.message });
        }
      },
    });
    this.uploads.set(row.id, upload);
    const active = this.activeUrls();
    // No stored uploads (private mode, storage blocked) just means starting from zero.
    const stored = await upload.findPreviousUploads().catch(() => []);
    const previous = stored.find((p) => p.uploadUrl && !active.has(p.uploadUrl));
    if (previous) {
      // The unfinished upload belongs to the batch it was started in; keep it there.
      const batchId = previous.metadata.batchId ?? row.batchId;
      upload.options.metadata = { ...upload.options.metadata, batchId };
      upload.resumeFromPreviousUpload(previous);
      this.patch(row.id, { resumed: true, batchId });
    }
    upload.start();
  }

  private activeUrls(): Set<string> {
    return new Set([...this.uploads.values()].flatMap((u) => (u.url ? [u.url] : [])));
  }

  private finish(id: string, patch: Partial<UploadRow>): void {
    this.uploads.delete(id);
    if (patch.phase === 'done') this.files.delete(id);
    this.patch(id, patch);
    this.pump();
  }

  private patch(id: string, patch: Partial<UploadRow>): void {
    this.rows = this.rows.map((r) => (r.id === id ? { ...r, ...patch } : r));
    this.changed(patch.phase !== undefined || patch.assetId !== undefined);
  }

  // Progress events arrive many times a second per file; re-render at most every 150 ms for them.
  private changed(now: boolean): void {
    if (now) return this.emit();
    this.notifyTimer ??= setTimeout(() => this.emit(), 150);
  }

  private emit(): void {
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    const t = Date.now();
    const sent = this.rows.reduce((sum, r) => sum + r.sent, 0);
    this.samples = [...this.samples.filter((s) => t - s.t < RATE_WINDOW_MS), { t, sent }];
    const first = this.samples[0];
    const rate = first && t > first.t ? ((sent - first.sent) * 1000) / (t - first.t) : 0;
    this.snapshot = { rows: this.rows, rate };
    for (const listener of this.listeners) listener();
  }
}
