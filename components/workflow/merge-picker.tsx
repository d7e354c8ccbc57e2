import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAnnotationView, TRegion } from '@/lib/schemas/workflow';
import { ClassChip } from './class-chips';

/** Every label any annotator gave, once, with who gave it. */
export function labelsOf(subjects: readonly TAnnotationView[]): { region: TRegion; authors: string[] }[] {
  const byClass = new Map<string, { region: TRegion; authors: string[] }>();
  for (const s of subjects) {
    for (const region of s.regions) {
      const entry = byClass.get(region.classId);
      if (entry) entry.authors.push(s.author.name);
      else byClass.set(region.classId, { region, authors: [s.author.name] });
    }
  }
  return [...byClass.values()];
}

/** Builds the final labels region by region from all versions. */
export function MergePicker({
  subjects,
  classes,
  chosen,
  onToggle,
  disabled,
}: {
  subjects: readonly TAnnotationView[];
  classes: readonly TTaxonomyClass[];
  chosen: ReadonlySet<string>;
  onToggle: (classId: string) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-zinc-700">Keep these labels</legend>
      {labelsOf(subjects).map(({ region, authors }) => (
        <label key={region.classId} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={chosen.has(region.classId)}
            onChange={() => onToggle(region.classId)}
            disabled={disabled}
          />
          <ClassChip classId={region.classId} classes={classes} />
          <span className="text-xs text-zinc-500">by {authors.join(', ')}</span>
        </label>
      ))}
    </fieldset>
  );
}
