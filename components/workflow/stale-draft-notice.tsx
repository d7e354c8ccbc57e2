import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { Button } from '../ui/button';
import { Notice } from '../ui/states';
import type { Draft } from './annotation-draft';
import { RegionChips } from './class-chips';

/** Labels kept locally from before a conflict or a crash, built on an older version: the user decides. */
export function StaleDraftNotice({
  draft,
  classes,
  apply,
  discard,
}: {
  draft: Draft;
  classes: readonly TTaxonomyClass[];
  apply: () => void;
  discard: () => void;
}) {
  return (
    <Notice tone="warning">
      <span className="block font-medium">You have labels that were not saved (made on version {draft.version}).</span>
      <span className="mt-1 flex items-center gap-2">
        Yours: <RegionChips regions={draft.regions} classes={classes} />
      </span>
      <span className="mt-2 flex gap-2">
        <Button size="sm" variant="primary" onClick={apply}>
          Use my labels
        </Button>
        <Button size="sm" onClick={discard}>
          Discard them
        </Button>
      </span>
    </Notice>
  );
}
