'use client';

import { acceptSuggestions, removeRegions } from '@/lib/annotate/commands';
import { Button } from '@/components/ui/button';
import type { ImageDocument } from './use-image-document';

/** Model pre-annotations still waiting for a decision: accept or reject them all, or one by one (Y / Delete). */
export function SuggestionsBar({ doc, disabled }: { doc: ImageDocument; disabled: boolean }) {
  const waiting = doc.regions.filter((r) => r.suggestion !== undefined);
  if (waiting.length === 0) return null;
  const ids = waiting.map((r) => r.id);
  const models = [...new Set(waiting.map((r) => (r.suggestion as { model?: string } | null)?.model).filter(Boolean))];
  return (
    <div className="rounded-md border border-violet-200 bg-violet-50 p-2 text-xs text-violet-900" data-testid="suggestions">
      <p>
        <span className="font-medium">
          {waiting.length.toLocaleString()} suggestion{waiting.length === 1 ? '' : 's'}
        </span>{' '}
        {models.length > 0 && <>from {models.join(', ')} </>}
        (dashed). Select one and press <kbd className="font-mono">Y</kbd> to accept it or Delete to reject it; editing keeps it a
        suggestion until accepted.
      </p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" disabled={disabled} onClick={() => doc.run((r) => acceptSuggestions(r, ids))}>
          Accept all
        </Button>
        <Button size="sm" variant="ghost" disabled={disabled} onClick={() => doc.run((r) => removeRegions(r, ids))}>
          Reject all
        </Button>
      </div>
    </div>
  );
}
