import type { TAttribute, TTaxonomyClass, TTaxonomyDefinition } from '../schemas/taxonomy';
import type { TTaxonomyOperation } from './operations';

export interface OperationProblem {
  /** Index in the list of operations; -1 for the draft as a whole. */
  operation: number;
  message: string;
  /** Set on "a class is gone with no operation for its labels": harmless when no label uses it, which only the server can tell. */
  vanishedClassId?: string;
  /** Likewise for an enum value the new version no longer offers, with no mapping for it. */
  vanishedValue?: VanishedValue;
}

export interface VanishedValue {
  classId: string;
  attributeId: string;
  value: string;
}

interface Versions {
  from: ReadonlyMap<string, TTaxonomyClass>;
  to: ReadonlyMap<string, TTaxonomyClass>;
}

/**
 * What is wrong with a list of operations taking labels from the `from` definition (the published
 * version) to the `to` one (the draft): unknown classes, targets the new version lacks, classes that
 * vanish without an operation saying where their labels go, enum values dropped without a mapping,
 * enum mappings to missing values.
 */
export function validateOperations(
  operations: readonly TTaxonomyOperation[],
  from: TTaxonomyDefinition,
  to: TTaxonomyDefinition,
): OperationProblem[] {
  const versions: Versions = { from: byId(from.classes), to: byId(to.classes) };
  const problems = operations.flatMap((operation, index) =>
    problemsOf(operation, versions).map((message) => ({ operation: index, message })),
  );
  return [...problems, ...unaccountedClasses(operations, versions), ...unaccountedValues(operations, versions)];
}

function problemsOf(operation: TTaxonomyOperation, v: Versions): string[] {
  switch (operation.op) {
    case 'rename_class':
      return [
        ...known(v.from, operation.classId, 'renames'),
        ...(v.to.get(operation.classId)?.name === operation.name
          ? []
          : [`the new version has no class named “${operation.name}” with id ${operation.classId}`]),
      ];
    case 'merge_classes':
      return [
        ...operation.from.flatMap((id) => known(v.from, id, 'merges')),
        ...(v.to.has(operation.into) ? [] : [`merges into ${operation.into}, which the new version does not have`]),
        ...operation.from
          .filter((id) => id !== operation.into && v.to.has(id))
          .map((id) => `merges ${id} away but the new version still has it`),
        ...skeletonsDiffer(operation.from, operation.into, v),
      ];
    case 'split_class':
      return [
        ...known(v.from, operation.classId, 'splits'),
        ...operation.into.filter((id) => !v.to.has(id)).map((id) => `splits into ${id}, which the new version does not have`),
        ...(new Set(operation.into).size === operation.into.length ? [] : ['splits into the same class twice']),
        ...skeletonsDiffer([operation.classId], operation.into[0]!, v),
      ];
    case 'deprecate_class':
      return [
        ...known(v.from, operation.classId, 'deprecates'),
        ...(v.to.get(operation.classId)?.deprecated ? [] : [`${operation.classId} is not marked deprecated in the new version`]),
      ];
    case 'move_class':
      return moveProblems(operation, v);
    case 'add_attribute':
      return addAttributeProblems(operation, v);
    case 'remove_attribute':
      return [
        ...knownAttribute(v.from, operation.classId, operation.attributeId),
        ...(attributeOf(v.to, operation.classId, operation.attributeId)
          ? [`the new version still has ${operation.attributeId}`]
          : []),
      ];
    case 'rename_attribute': {
      const renamed = attributeOf(v.to, operation.classId, operation.newId);
      return [
        ...knownAttribute(v.from, operation.classId, operation.attributeId),
        ...(renamed?.name === operation.name
          ? []
          : [`the new version has no attribute ${operation.newId} named “${operation.name}”`]),
      ];
    }
    case 'map_enum_values':
      return enumMappingProblems(operation, v);
  }
}

function moveProblems(operation: Extract<TTaxonomyOperation, { op: 'move_class' }>, v: Versions): string[] {
  const problems = known(v.to, operation.classId, 'moves');
  if (operation.parentId === null) return problems;
  if (!v.to.has(operation.parentId))
    return [...problems, `moves ${operation.classId} under ${operation.parentId}, which does not exist`];
  if ((v.to.get(operation.classId)?.parentId ?? null) !== operation.parentId)
    problems.push(`${operation.classId} is not under ${operation.parentId} in the new version`);
  for (let at: string | null = operation.parentId, steps = 0; at && steps <= v.to.size; steps++) {
    if (at === operation.classId) return [...problems, `moving ${operation.classId} under ${operation.parentId} makes a cycle`];
    at = v.to.get(at)?.parentId ?? null;
  }
  return problems;
}

function addAttributeProblems(operation: Extract<TTaxonomyOperation, { op: 'add_attribute' }>, v: Versions): string[] {
  const attribute = attributeOf(v.to, operation.classId, operation.attributeId);
  if (!attribute) return [`the new version's ${operation.classId} has no attribute ${operation.attributeId}`];
  if (attributeOf(v.from, operation.classId, operation.attributeId))
    return [`${operation.classId} already has ${operation.attributeId}`];
  return operation.default === null ? [] : valueProblems(attribute, operation.default);
}

function enumMappingProblems(operation: Extract<TTaxonomyOperation, { op: 'map_enum_values' }>, v: Versions): string[] {
  const before = attributeOf(v.from, operation.classId, operation.attributeId);
  const after = attributeOf(v.to, operation.classId, operation.attributeId);
  if (!before || before.type !== 'enum') return [`${operation.classId} has no enum attribute ${operation.attributeId}`];
  if (!after || after.type !== 'enum')
    return [`the new version's ${operation.classId} has no enum attribute ${operation.attributeId}`];
  return Object.entries(operation.mapping).flatMap(([old, mapped]) => [
    ...(before.options?.includes(old) ? [] : [`maps “${old}”, which is not a value of ${operation.attributeId}`]),
    ...(mapped === null
      ? after.required
        ? [`clears “${old}” but ${operation.attributeId} is required`]
        : []
      : after.options?.includes(mapped)
        ? []
        : [`maps “${old}” to “${mapped}”, which the new version does not offer`]),
  ]);
}

/** A class of the old version that the new one lacks, with no merge or split saying where its labels go. */
function unaccountedClasses(operations: readonly TTaxonomyOperation[], v: Versions): OperationProblem[] {
  const accounted = new Set(
    operations.flatMap((o) => (o.op === 'merge_classes' ? o.from : o.op === 'split_class' ? [o.classId] : [])),
  );
  return [...v.from.values()]
    .filter((c) => !v.to.has(c.id) && !accounted.has(c.id))
    .map((c) => ({
      operation: -1,
      message: `“${c.name}” is gone from the new version: merge or split it, or keep it as deprecated`,
      vanishedClassId: c.id,
    }));
}

/**
 * An enum value of a class kept in the new version that the new version's attribute (renamed or not)
 * no longer offers, with no mapping saying what its labels become: they would hold a value the new
 * version refuses. A removed attribute takes its values along.
 */
function unaccountedValues(operations: readonly TTaxonomyOperation[], v: Versions): OperationProblem[] {
  const key = (classId: string, attributeId: string) => `${classId}\u0000${attributeId}`;
  const removed = new Set(operations.flatMap((o) => (o.op === 'remove_attribute' ? [key(o.classId, o.attributeId)] : [])));
  const renamed = new Map(
    operations.flatMap((o) => (o.op === 'rename_attribute' ? [[key(o.classId, o.attributeId), o.newId]] : [])),
  );
  const mapped = new Map<string, Set<string>>();
  for (const o of operations) {
    if (o.op !== 'map_enum_values') continue;
    const values = mapped.get(key(o.classId, o.attributeId)) ?? new Set<string>();
    Object.keys(o.mapping).forEach((value) => values.add(value));
    mapped.set(key(o.classId, o.attributeId), values);
  }
  return [...v.from.values()].flatMap((klass) =>
    klass.attributes.flatMap((before) => {
      const at = key(klass.id, before.id);
      const after = attributeOf(v.to, klass.id, renamed.get(at) ?? before.id);
      if (before.type !== 'enum' || after?.type !== 'enum' || removed.has(at)) return [];
      return (before.options ?? [])
        .filter((value) => !after.options?.includes(value) && !mapped.get(at)?.has(value))
        .map((value) => ({
          operation: -1,
          message: `“${after.name}” of “${klass.name}” no longer offers “${value}”: map it to a value (Map values) or keep it`,
          vanishedValue: { classId: klass.id, attributeId: before.id, value },
        }));
    }),
  );
}

function skeletonsDiffer(sources: readonly string[], target: string, v: Versions): string[] {
  // A missing target is reported on its own.
  if (!v.to.has(target)) return [];
  const points = v.to.get(target)!.skeleton?.keypoints.length;
  return sources
    .filter((id) => v.from.get(id)?.geometries.includes('keypoints') && v.from.get(id)?.skeleton?.keypoints.length !== points)
    .map((id) => `${id}'s keypoints do not match ${target}'s skeleton`);
}

function valueProblems(attribute: TAttribute, value: string | number | boolean): string[] {
  const fits =
    (attribute.type === 'enum' && typeof value === 'string' && attribute.options?.includes(value)) ||
    (attribute.type === 'boolean' && typeof value === 'boolean') ||
    (attribute.type === 'text' && typeof value === 'string') ||
    (attribute.type === 'number' &&
      typeof value === 'number' &&
      (attribute.min === undefined || value >= attribute.min) &&
      (attribute.max === undefined || value <= attribute.max));
  return fits ? [] : [`the default ${JSON.stringify(value)} is not a valid ${attribute.name}`];
}

function known(classes: ReadonlyMap<string, TTaxonomyClass>, id: string, verb: string): string[] {
  return classes.has(id) ? [] : [`${verb} ${id}, which is not a class`];
}

function knownAttribute(classes: ReadonlyMap<string, TTaxonomyClass>, classId: string, attributeId: string): string[] {
  if (!classes.has(classId)) return [`${classId} is not a class`];
  return attributeOf(classes, classId, attributeId) ? [] : [`${classId} has no attribute ${attributeId}`];
}

function attributeOf(classes: ReadonlyMap<string, TTaxonomyClass>, classId: string, attributeId: string): TAttribute | undefined {
  return classes.get(classId)?.attributes.find((a) => a.id === attributeId);
}

function byId(classes: readonly TTaxonomyClass[]): Map<string, TTaxonomyClass> {
  return new Map(classes.map((c) => [c.id, c]));
}
