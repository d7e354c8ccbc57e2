import type { TRegion } from '../schemas/workflow';
import { operationClassIds, type TTaxonomyOperation } from './operations';

/** One field of one region changed by one operation. */
export interface RegionChange {
  operation: number;
  regionId: string;
  /** `classId` or `attributes.<id>`. */
  field: string;
  before: unknown;
  after: unknown;
}

/** A region the operations could not settle on their own: a person chooses among `choices` (empty: any value). */
export interface PendingDecision {
  operation: number;
  regionId: string;
  field: string;
  reason: 'split' | 'no_default';
  choices: string[];
}

export interface MigrationResult {
  regions: TRegion[];
  changes: RegionChange[];
  needsDecision: PendingDecision[];
  /** The operations whose classes the regions held before the migration (`operationClassIds`): what the dry run counted. */
  touched: number[];
}

/**
 * Applies the operations in order to an annotation's regions (any geometry: only `classId` and
 * `attributes` change, never coordinates, times or keypoints). Pure: the input is not modified.
 */
export function applyOperations(regions: readonly TRegion[], operations: readonly TTaxonomyOperation[]): MigrationResult {
  const classesBefore = new Set(regions.map((r) => r.classId));
  const touched = operations.flatMap((op, i) => (operationClassIds(op).some((id) => classesBefore.has(id)) ? [i] : []));
  const changes: RegionChange[] = [];
  const needsDecision: PendingDecision[] = [];
  const migrated = regions.map((region) => {
    let current: TRegion = { ...region, attributes: { ...region.attributes } };
    operations.forEach((operation, index) => {
      current = applyOne(current, operation, {
        change: (field, before, after) => changes.push({ operation: index, regionId: region.id, field, before, after }),
        decide: (field, reason, choices) => needsDecision.push({ operation: index, regionId: region.id, field, reason, choices }),
      });
    });
    return current;
  });
  return { regions: migrated, changes, needsDecision, touched };
}

interface Recorder {
  change(field: string, before: unknown, after: unknown): void;
  decide(field: string, reason: PendingDecision['reason'], choices: string[]): void;
}

function applyOne(region: TRegion, operation: TTaxonomyOperation, record: Recorder): TRegion {
  switch (operation.op) {
    case 'merge_classes':
      if (!operation.from.includes(region.classId) || region.classId === operation.into) return region;
      record.change('classId', region.classId, operation.into);
      return { ...region, classId: operation.into };
    case 'split_class': {
      if (region.classId !== operation.classId) return region;
      const provisional = operation.into[0]!;
      record.change('classId', region.classId, provisional);
      record.decide('classId', 'split', operation.into);
      return { ...region, classId: provisional };
    }
    case 'add_attribute':
      return region.classId === operation.classId ? addAttribute(region, operation, record) : region;
    case 'remove_attribute':
      return region.classId === operation.classId ? moveAttribute(region, operation.attributeId, null, record) : region;
    case 'rename_attribute':
      return region.classId === operation.classId && operation.newId !== operation.attributeId
        ? moveAttribute(region, operation.attributeId, operation.newId, record)
        : region;
    case 'map_enum_values':
      return region.classId === operation.classId ? mapEnumValue(region, operation, record) : region;
    case 'rename_class':
    case 'deprecate_class':
    case 'move_class':
      // The class keeps its id: what changes is in the definition, not in the labels.
      return region;
  }
}

function addAttribute(
  region: TRegion,
  operation: Extract<TTaxonomyOperation, { op: 'add_attribute' }>,
  record: Recorder,
): TRegion {
  const field = `attributes.${operation.attributeId}`;
  const existing = region.attributes[operation.attributeId];
  if (existing !== undefined && existing !== null) return region;
  if (operation.default === null) {
    record.decide(field, 'no_default', []);
    return region;
  }
  record.change(field, existing ?? null, operation.default);
  return { ...region, attributes: { ...region.attributes, [operation.attributeId]: operation.default } };
}

/** Moves a value to another key, or drops it when `to` is null. */
function moveAttribute(region: TRegion, from: string, to: string | null, record: Recorder): TRegion {
  if (!(from in region.attributes)) return region;
  const { [from]: value, ...rest } = region.attributes;
  record.change(`attributes.${from}`, value, null);
  if (to === null) return { ...region, attributes: rest };
  record.change(`attributes.${to}`, null, value);
  return { ...region, attributes: { ...rest, [to]: value ?? null } };
}

function mapEnumValue(
  region: TRegion,
  operation: Extract<TTaxonomyOperation, { op: 'map_enum_values' }>,
  record: Recorder,
): TRegion {
  const value = region.attributes[operation.attributeId];
  if (typeof value !== 'string' || !(value in operation.mapping)) return region;
  const mapped = operation.mapping[value] ?? null;
  const field = `attributes.${operation.attributeId}`;
  if (mapped === value) return region;
  record.change(field, value, mapped);
  if (mapped === null) {
    const { [operation.attributeId]: _cleared, ...rest } = region.attributes;
    return { ...region, attributes: rest };
  }
  return { ...region, attributes: { ...region.attributes, [operation.attributeId]: mapped } };
}
