import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { cx } from '../ui/cx';
import { Kbd } from './keyboard-shortcuts';

/** One button per class (single choice), with its color and key; deprecated classes only when chosen. */
export function ClassPicker({
  classes,
  keys,
  chosen,
  onPick,
  disabled,
}: {
  classes: readonly TTaxonomyClass[];
  keys: readonly (string | null)[];
  chosen: ReadonlySet<string>;
  onPick: (classId: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="grid grid-cols-2 gap-1.5" role="group" aria-label="Classes">
      {classes.map((c, i) => {
        const on = chosen.has(c.id);
        // A deprecated class is not offered for new labels; a selected label of it still shows its class.
        if (c.deprecated && !on) return null;
        return (
          <button
            key={c.id}
            type="button"
            aria-pressed={on}
            disabled={disabled}
            onClick={() => onPick(c.id)}
            className={cx(
              'flex items-center gap-2 rounded-md border px-2 py-1.5 text-left text-sm transition-colors disabled:cursor-not-allowed disabled:opacity-60',
              on
                ? 'border-accent-500 bg-accent-50 font-medium text-zinc-900 ring-1 ring-accent-500'
                : 'border-zinc-200 bg-white hover:bg-zinc-50',
            )}
          >
            <span className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: c.color }} aria-hidden />
            <span className="min-w-0 flex-1 truncate">{c.name}</span>
            {keys[i] && <Kbd>{keys[i]!.toUpperCase()}</Kbd>}
          </button>
        );
      })}
    </div>
  );
}
