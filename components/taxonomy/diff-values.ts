import type { TAttribute, TSkeleton } from '@/lib/schemas/taxonomy';

// A class property's value in a version diff, in the words the editor uses: an attribute as its name,
// type and options, a skeleton by its size, a parent by its class name.

export function fieldLabel(field: string): string {
  if (field.startsWith('attributes.')) return `attribute ${field.slice('attributes.'.length)}`;
  return field === 'parentId' ? 'parent' : field;
}

export function formatDiffValue(field: string, value: unknown, nameOf: (classId: string) => string): string {
  if (value === null || value === undefined) return '—';
  if (field.startsWith('attributes.')) return attributeText(value as TAttribute);
  if (field === 'parentId') return nameOf(value as string);
  if (field === 'skeleton') {
    const s = value as TSkeleton;
    return `${s.keypoints.length} keypoints, ${s.edges.length} edges`;
  }
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function attributeText(a: TAttribute): string {
  const bounds = a.min !== undefined || a.max !== undefined ? ` [${a.min ?? '−∞'}, ${a.max ?? '∞'}]` : '';
  const options = a.options ? `: ${a.options.join(', ')}` : '';
  return `${a.name} (${a.type}${a.required ? ', required' : ''})${options}${bounds}`;
}
