'use client';

import { useState } from 'react';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Field, FieldError, Input, Textarea } from '../ui/field';
import { AddByName } from './add-by-name';
import { AttributeRow } from './attribute-row';
import { newAttribute, type EditAttribute, type EditClass } from './editor-model';
import { GEOMETRY_LABELS, GeometryChips } from './geometry-chips';

interface ClassEditorProps {
  value: EditClass;
  index: number;
  errors: Record<string, string>;
  onChange: (next: EditClass) => void;
  onRemove: () => void;
  defaultOpen: boolean;
}

/** One class: a header row always visible; geometries, guidelines, skeleton and attributes fold away. */
export function ClassEditor({ value: c, index, errors, onChange, onRemove, defaultOpen }: ClassEditorProps) {
  const [expanded, setExpanded] = useState(defaultOpen);
  const path = `classes.${index}`;
  const hasErrors = Object.keys(errors).some((p) => p.startsWith(`${path}.`));
  const open = expanded || hasErrors;
  const err = (field: string) => errors[`${path}.${field}`];
  const set = (patch: Partial<EditClass>) => onChange({ ...c, ...patch });
  const setAttribute = (j: number, patch: Partial<EditAttribute>) =>
    set({
      attributes: c.attributes.map((a, k) => (k === j ? { ...a, ...patch } : a)),
    });

  return (
    <div data-testid={`class-${c.id}`}>
      <div className="flex flex-wrap items-start gap-3 px-3 py-2">
        <button
          type="button"
          onClick={() => setExpanded(!open)}
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${c.name}`}
          className="mt-1 grid size-6 shrink-0 place-items-center rounded text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
        >
          <span className={open ? 'rotate-90 transition-transform' : 'transition-transform'} aria-hidden>
            ▸
          </span>
        </button>
        <input
          type="color"
          aria-label={`Color of ${c.name}`}
          value={c.color}
          onChange={(e) => set({ color: e.target.value })}
          className="mt-0.5 size-7 shrink-0 cursor-pointer rounded border border-zinc-300 bg-white p-0.5"
        />
        <div className="min-w-48 flex-1">
          <Input
            aria-label="Class name"
            value={c.name}
            onChange={(e) => set({ name: e.target.value })}
            invalid={Boolean(err('name'))}
            className="font-medium"
          />
          <p className="mt-0.5 truncate text-[11px] text-zinc-500">
            <span className="font-mono text-zinc-400" title="Stable id: never changes, even when you rename the class">
              id: {c.id}
            </span>
            {!open && (
              <>
                {' · '}
                {c.geometries.map((g) => GEOMETRY_LABELS[g]).join(', ') || 'no geometry'}
                {' · '}
                {c.attributes.length === 0 ? 'no attributes' : `attributes: ${c.attributes.map((a) => a.name).join(', ')}`}
              </>
            )}
          </p>
          <FieldError message={err('name') ?? err('id') ?? err('color')} />
        </div>
        <div className="w-14">
          <Input
            aria-label={`Hotkey of ${c.name}`}
            value={c.hotkey}
            maxLength={1}
            placeholder="key"
            onChange={(e) => set({ hotkey: e.target.value.slice(-1).toLowerCase() })}
            invalid={Boolean(err('hotkey'))}
            className="text-center font-mono"
          />
          <FieldError message={err('hotkey')} />
        </div>
        {c.deprecated && <Badge tone="amber">Deprecated</Badge>}
        <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove class ${c.name}`}>
          Remove
        </Button>
      </div>
      {open && (
        <div className="space-y-3 border-t border-zinc-100 px-4 py-3">
          <Input
            aria-label={`Guidelines for ${c.name}`}
            value={c.description}
            onChange={(e) => set({ description: e.target.value })}
            placeholder="Labeling guidelines (optional)"
            maxLength={2000}
            compact
          />
          <div>
            <p className="mb-1.5 text-xs font-medium text-zinc-500">Allowed geometries</p>
            <GeometryChips
              value={c.geometries}
              onChange={(geometries) => set({ geometries })}
              label={`Geometries of ${c.name}`}
            />
            <FieldError message={err('geometries')} />
          </div>
          {c.geometries.includes('audio_segment') && (
            <label className="flex items-center gap-1.5 text-xs text-zinc-700">
              <input
                type="checkbox"
                checked={c.transcribed}
                onChange={(e) => set({ transcribed: e.target.checked })}
                className="accent-accent-600"
              />
              Segments carry a transcript (an empty one holds back the submit)
            </label>
          )}
          {c.geometries.includes('keypoints') && (
            <div>
              <p className="mb-1.5 text-xs font-medium text-zinc-500">Skeleton</p>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  label="Keypoints"
                  hint="One name per line, in the order they are placed"
                  error={err('skeleton.keypoints') ?? err('skeleton')}
                >
                  <Textarea
                    aria-label={`Keypoints of ${c.name}`}
                    rows={5}
                    value={c.keypointsText}
                    onChange={(e) => set({ keypointsText: e.target.value })}
                    placeholder={'head\nneck\nleft hand'}
                    invalid={Boolean(err('skeleton.keypoints') ?? err('skeleton'))}
                  />
                </Field>
                <Field
                  label="Edges"
                  hint="One per line: two keypoint names joined by -, e.g. head-neck"
                  error={err('skeleton.edges')}
                >
                  <Textarea
                    aria-label={`Edges of ${c.name}`}
                    rows={5}
                    value={c.edgesText}
                    onChange={(e) => set({ edgesText: e.target.value })}
                    placeholder={'head-neck\nneck-left hand'}
                    invalid={Boolean(err('skeleton.edges'))}
                  />
                </Field>
              </div>
            </div>
          )}
          <div>
            <p className="text-xs font-medium text-zinc-500">Attributes</p>
            <FieldError message={err('attributes')} />
            {c.attributes.length > 0 && (
              <div className="divide-y divide-zinc-100">
                {c.attributes.map((a, j) => (
                  <AttributeRow
                    key={a.id}
                    attribute={a}
                    path={`${path}.attributes.${j}`}
                    errors={errors}
                    onChange={(patch) => setAttribute(j, patch)}
                    onRemove={() =>
                      set({
                        attributes: c.attributes.filter((_, k) => k !== j),
                      })
                    }
                  />
                ))}
              </div>
            )}
            <div className="mt-2">
              <AddByName
                size="sm"
                label="Add attribute"
                placeholder="New attribute name"
                onAdd={(name) =>
                  set({
                    attributes: [...c.attributes, newAttribute(name, c.attributes)],
                  })
                }
              />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
