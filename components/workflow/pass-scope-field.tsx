import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';

/** The classes a LABEL pass may use; none ticked means the whole taxonomy. */
export function PassScopeField({
  classes,
  value,
  onChange,
  disabled,
}: {
  classes: readonly TTaxonomyClass[];
  value: readonly string[];
  onChange: (classIds: string[]) => void;
  disabled?: boolean;
}) {
  if (classes.length === 0)
    return <p className="text-xs text-zinc-500">Publish a taxonomy to limit this pass to some classes.</p>;
  const chosen = new Set(value);
  const toggle = (id: string) => onChange(classes.map((c) => c.id).filter((c) => (c === id ? !chosen.has(c) : chosen.has(c))));
  return (
    <fieldset>
      <legend className="text-xs font-medium text-zinc-700">
        Classes{' '}
        <span className="font-normal text-zinc-500">({chosen.size === 0 ? 'all' : `${chosen.size} of ${classes.length}`})</span>
      </legend>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {classes.map((c) => (
          <label
            key={c.id}
            className="inline-flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs has-checked:border-accent-500 has-checked:bg-accent-50"
          >
            <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} disabled={disabled} />
            <span className="size-2 rounded-full" style={{ backgroundColor: c.color }} aria-hidden />
            {c.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
