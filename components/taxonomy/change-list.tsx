import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { describeOperation } from '@/lib/taxonomy-migration/describe-operation';
import { Button } from '../ui/button';

/** The draft's operations in order, in words; the last one made in this session can be taken back. */
export function ChangeList({
  operations,
  nameOf,
  onUndoLast,
}: {
  operations: TTaxonomyOperation[];
  nameOf: (classId: string) => string;
  onUndoLast: (() => void) | null;
}) {
  if (operations.length === 0) {
    return <p className="text-sm text-zinc-500">No changes to existing labels: they move to the new version as they are.</p>;
  }
  return (
    <div className="space-y-2">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-800" aria-label="Changes to existing labels">
        {operations.map((op, i) => (
          <li key={i}>{describeOperation(op, nameOf)}</li>
        ))}
      </ol>
      {onUndoLast && (
        <Button size="sm" variant="ghost" onClick={onUndoLast}>
          Undo last change
        </Button>
      )}
    </div>
  );
}
