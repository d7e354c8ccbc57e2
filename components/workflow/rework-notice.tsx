import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAssignmentView, TRegion } from '@/lib/schemas/workflow';
import { formatRelative } from '../ui/format';
import { ClassChip } from './class-chips';
import { classificationDiff } from './region-diff';

/** Why the item came back (the reviewer's reasons and region notes) and what the rework changed so far. */
export function ReworkNotice({
  view,
  previous,
  regions,
  classes,
}: {
  view: TAssignmentView;
  previous: NonNullable<TAssignmentView['previous']>;
  regions: readonly TRegion[];
  classes: readonly TTaxonomyClass[];
}) {
  // Every rejection so far (a second round keeps the first reason), and the notes left on the labels.
  const rejections = view.reviews.filter((r) => r.decision === 'REJECT');
  const notes = view.comments.filter((c) => c.annotationId !== null);
  const diff = classificationDiff(regions, previous.regions);
  const changed = diff.some((d) => d.change !== 'kept');
  return (
    <section className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="rework-notice">
      <h3 className="font-semibold text-amber-900">Sent back for rework</h3>
      {rejections.map((r) => (
        <blockquote key={r.id} className="border-l-2 border-amber-400 pl-2 text-amber-900">
          <p className="whitespace-pre-wrap">{r.comment}</p>
          <footer className="text-xs text-amber-800">
            {r.reviewer.name} · {formatRelative(r.createdAt)}
          </footer>
        </blockquote>
      ))}
      {notes.map((c) => (
        <p key={c.id} className="text-xs text-amber-900">
          <span className="font-medium">{c.author.name}</span>
          {c.regionId && ` on ${classOfRegion(previous.regions, c.regionId, classes)}`}: {c.body}
        </p>
      ))}
      <div>
        <p className="text-xs font-medium text-amber-900">Your change against the rejected version</p>
        <div className="mt-1 flex flex-wrap gap-1" data-testid="rework-diff">
          {changed ? (
            diff.map((d) => (
              <ClassChip
                key={d.classId}
                classId={d.classId}
                classes={classes}
                tone={d.change === 'kept' ? undefined : d.change}
              />
            ))
          ) : (
            <span className="text-xs text-amber-800">No changes yet.</span>
          )}
        </div>
      </div>
    </section>
  );
}

function classOfRegion(regions: readonly TRegion[], regionId: string, classes: readonly TTaxonomyClass[]): string {
  const classId = regions.find((r) => r.id === regionId)?.classId;
  return classes.find((c) => c.id === classId)?.name ?? 'a region';
}
