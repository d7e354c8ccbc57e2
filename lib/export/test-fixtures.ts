import type { TGeometry, TTaxonomyClass } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';
import type { ExportContext, ExportFile, ExportItem } from './export-item';
import type { CreateWriter } from './format-writer';

// Hand-built inputs for the format writers' unit tests.

export function taxonomyClass(id: string, name: string, geometries: TGeometry[] = ['bbox']): TTaxonomyClass {
  return { id, name, color: '#336699', hotkey: null, geometries, attributes: [], description: '' };
}

export function exportContext(classes: TTaxonomyClass[]): ExportContext {
  return { classes, snapshot: { name: 'Street scenes', version: 3, createdAt: '2025-01-02T03:04:05.000Z' } };
}

export function region(
  id: string,
  type: TGeometry,
  classId: string,
  geometry: object,
  attributes: TRegion['attributes'] = {},
): TRegion {
  return { id, type, classId, attributes, ...geometry };
}

export function exportItem(index: number, overrides: Partial<ExportItem> = {}): ExportItem {
  const sha256 = `${String(index).padStart(2, '0')}${'ab'.repeat(31)}`;
  return {
    index,
    assetId: `asset-${index}`,
    sha256,
    kind: 'IMAGE',
    mediaName: `${String(index).padStart(6, '0')}-${sha256.slice(0, 12)}.jpg`,
    width: 200,
    height: 100,
    durationSec: null,
    fps: null,
    frameCount: null,
    split: 'train',
    annotationId: `annotation-${index}`,
    annotationVersion: 1,
    regions: [],
    ...overrides,
  };
}

/** Every file a writer produces for the items, in the order the export worker would store them. */
export function runWriter(create: CreateWriter, ctx: ExportContext, items: readonly ExportItem[]): ExportFile[] {
  const writer = create(ctx);
  return [...items.flatMap((item) => writer.item(item)), ...writer.finish()];
}
