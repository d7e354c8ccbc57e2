import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAnnotationView } from '@/lib/schemas/workflow';
import { Input } from '../ui/field';

export type Notes = Record<string, string>;

export const noteKey = (annotationId: string, regionId: string) => `${annotationId}:${regionId}`;

/** The notes as the review API takes them: one per region that has some text. */
export function toRegionComments(notes: Notes) {
  return Object.entries(notes)
    .filter(([, body]) => body.trim())
    .map(([key, body]) => {
      // Annotation ids have no colon; a region id might.
      const at = key.indexOf(':');
      return { annotationId: key.slice(0, at), regionId: key.slice(at + 1), body: body.trim() };
    });
}

/** A note field per region of an annotation under review, sent with the decision. */
export function RegionNotes({
  annotation,
  classes,
  notes,
  onChange,
  disabled,
}: {
  annotation: TAnnotationView;
  classes: readonly TTaxonomyClass[];
  notes: Notes;
  onChange: (key: string, body: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="space-y-1">
      {annotation.regions.map((r) => {
        const name = classes.find((c) => c.id === r.classId)?.name ?? r.classId;
        const key = noteKey(annotation.id, r.id);
        return (
          <Input
            key={r.id}
            compact
            placeholder={`Note on ${name} (optional)`}
            aria-label={`Note on ${name} by ${annotation.author.name}`}
            value={notes[key] ?? ''}
            onChange={(e) => onChange(key, e.target.value)}
            disabled={disabled}
            maxLength={4000}
          />
        );
      })}
    </div>
  );
}
