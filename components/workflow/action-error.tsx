import { Button } from '../ui/button';
import { Notice } from '../ui/states';
import { conflictMessage } from './conflict-message';

/** The failure of an action in the task shell; a 409 means the item (or its taxonomy) changed under us and offers a reload. */
export function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!error) return null;
  const conflict = conflictMessage(error);
  if (conflict) {
    return (
      <Notice tone="warning">
        <span className="block font-medium">{conflict.title}</span>
        <span className="block">{(error as Error).message}</span>
        {conflict.advice && <span className="mt-1 block">{conflict.advice}</span>}
        <Button size="sm" className="mt-2" onClick={onReload}>
          Reload
        </Button>
      </Notice>
    );
  }
  return <Notice tone="error">{error instanceof Error ? error.message : 'Something went wrong.'}</Notice>;
}
