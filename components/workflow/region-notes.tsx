'use client';

import { useEffect, useRef } from 'react';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAnnotationView } from '@/lib/schemas/workflow';
import { Input } from '../ui/field';
import { useRegionFocus } from './region-focus';

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

/**
 * A note field per region of an annotation under review, sent with the decision. A shape clicked on
 * the image focuses its note; a focused note highlights its shape.
 */
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
  const { focus, setFocus } = useRegionFocus();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus?.origin !== 'canvas' || focus.annotationId !== annotation.id) return;
    const field = list.current?.querySelector<HTMLInputElement>(`[data-region-id="${CSS.escape(focus.regionId)}"]`);
    field?.focus({ preventScroll: true });
    field?.scrollIntoView({ block: 'nearest' });
  }, [focus, annotation.id]);
  // Several regions of one class: a number tells their notes apart (the shape is highlighted on focus).
  const counts = new Map<string, number>();
  for (const r of annotation.regions) counts.set(r.classId, (counts.get(r.classId) ?? 0) + 1);
  const seen = new Map<string, number>();

  return (
    <div className="space-y-1" ref={list}>
      {annotation.regions.map((r) => {
        const n = (seen.get(r.classId) ?? 0) + 1;
        seen.set(r.classId, n);
        const className = classes.find((c) => c.id === r.classId)?.name ?? r.classId;
        const name = (counts.get(r.classId) ?? 0) > 1 ? `${className} ${n}` : className;
        const key = noteKey(annotation.id, r.id);
        return (
          <Input
            key={r.id}
            compact
            data-region-id={r.id}
            placeholder={`Note on ${name} (optional)`}
            aria-label={`Note on ${name} by ${annotation.author.name}`}
            value={notes[key] ?? ''}
            onChange={(e) => onChange(key, e.target.value)}
            onFocus={() => setFocus({ annotationId: annotation.id, regionId: r.id, origin: 'notes' })}
            disabled={disabled}
            maxLength={4000}
          />
        );
      })}
    </div>
  );
}
