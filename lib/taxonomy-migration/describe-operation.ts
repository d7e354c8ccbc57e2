import type { TTaxonomyOperation } from './operations';

/** One line a data lead reads in the change list and the dry-run report, with class names where known. */
export function describeOperation(operation: TTaxonomyOperation, nameOf: (classId: string) => string): string {
  switch (operation.op) {
    case 'rename_class':
      return `Rename ${nameOf(operation.classId)} to “${operation.name}”`;
    case 'merge_classes':
      return `Merge ${operation.from.map(nameOf).join(', ')} into ${nameOf(operation.into)}`;
    case 'split_class':
      return `Split ${nameOf(operation.classId)} into ${operation.into.map(nameOf).join(' | ')} (each label needs a decision)`;
    case 'deprecate_class':
      return `Deprecate ${nameOf(operation.classId)}`;
    case 'move_class':
      return operation.parentId
        ? `Move ${nameOf(operation.classId)} under ${nameOf(operation.parentId)}`
        : `Move ${nameOf(operation.classId)} to the top`;
    case 'add_attribute':
      return `Add ${operation.attributeId} to ${nameOf(operation.classId)}${operation.default === null ? ' (no default: each label needs a value)' : ` (default ${JSON.stringify(operation.default)})`}`;
    case 'remove_attribute':
      return `Remove ${operation.attributeId} from ${nameOf(operation.classId)}`;
    case 'rename_attribute':
      return `Rename ${nameOf(operation.classId)}'s ${operation.attributeId} to “${operation.name}”${operation.newId === operation.attributeId ? '' : ` (${operation.newId})`}`;
    case 'map_enum_values':
      // By old value: a stored mapping (jsonb) comes back with its keys reordered, and the words must not change with it.
      return `Map ${nameOf(operation.classId)}'s ${operation.attributeId}: ${Object.entries(operation.mapping)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([from, to]) => `${from} → ${to ?? '(cleared)'}`)
        .join(', ')}`;
  }
}
