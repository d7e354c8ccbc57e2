import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';

/** The classes of some regions as colored chips; an id the taxonomy no longer knows shows as itself. */
export function ClassChip({
  classId,
  classes,
  tone,
}: {
  classId: string;
  classes: readonly TTaxonomyClass[];
  tone?: 'added' | 'removed';
}) {
  const c = classes.find((k) => k.id === classId);
  const style =
    tone === 'added'
      ? 'border-emerald-300 bg-emerald-50 text-emerald-800'
      : tone === 'removed'
        ? 'border-red-300 bg-red-50 text-red-800 line-through'
        : 'border-zinc-200 bg-white text-zinc-800';
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs ${style}`} data-change={tone}>
      <span className="size-2.5 rounded-sm" style={{ backgroundColor: c?.color ?? '#a1a1aa' }} aria-hidden />
      {tone === 'added' && <span className="sr-only">added: </span>}
      {tone === 'removed' && <span className="sr-only">removed: </span>}
      {c?.name ?? classId}
    </span>
  );
}

export function RegionChips({ regions, classes }: { regions: readonly TRegion[]; classes: readonly TTaxonomyClass[] }) {
  if (regions.length === 0) return <span className="text-xs text-zinc-500">No label</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {regions.map((r) => (
        <ClassChip key={r.id} classId={r.classId} classes={classes} />
      ))}
    </span>
  );
}
