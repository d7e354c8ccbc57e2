import { ApiError } from '@/lib/api/client';
import { Button } from '../ui/button';
import { Notice } from '../ui/states';

/** The failure of an action in the task shell; a 409 means the item changed under us and offers a reload. */
export function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 409) {
    return (
      <Notice tone="warning">
        <span className="block font-medium">Someone else changed this item while you had it open.</span>
        <span className="block">{error.message}</span>
        <Button size="sm" className="mt-2" onClick={onReload}>
          Reload
        </Button>
      </Notice>
    );
  }
  return <Notice tone="error">{error instanceof Error ? error.message : 'Something went wrong.'}</Notice>;
}
