import type { TTaxonomyClass } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';

// What every export format reads: the items of a snapshot in the snapshot's stable order, with their
// labels as stored (geometry per lib/schemas/geometry.ts: image coordinates normalized 0–1, audio in
// seconds, video in frames), and the pinned taxonomy version's classes. Writers are pure: the export
// worker (server/snapshots/) streams items to them and puts what they return into the archive.

export const SPLITS = ['train', 'val', 'test'] as const;
export type TSplit = (typeof SPLITS)[number];

export interface ExportItem {
  /** Position in the snapshot (0-based, stable): ids inside formats derive from it. */
  index: number;
  assetId: string;
  sha256: string;
  kind: 'IMAGE' | 'AUDIO' | 'VIDEO';
  /**
   * The media's name inside the archive, generated (never the uploaded file name):
   * `<index padded to 6>-<first 12 hex of sha256>.<ext>`, e.g. `000017-3fa9c2e1b0aa.jpg`.
   */
  mediaName: string;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fps: number | null;
  frameCount: number | null;
  split: TSplit;
  annotationId: string;
  annotationVersion: number;
  regions: readonly TRegion[];
}

export interface ExportContext {
  /** The pinned taxonomy version's classes, in taxonomy order (class indexes derive from it). */
  classes: readonly TTaxonomyClass[];
  snapshot: { name: string; version: number; createdAt: string };
}

/** A whole file of the archive: a generated path (forward slashes, no `..`) and its text. */
export interface ExportFile {
  path: string;
  content: string;
}

/** The media name without its extension: the base of per-item label files. */
export const baseName = (item: Pick<ExportItem, 'mediaName'>) => item.mediaName.replace(/\.[^.]*$/, '');
