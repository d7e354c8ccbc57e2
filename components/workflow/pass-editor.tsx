import { ROLES, type TRole } from '@/lib/schemas/project';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { PASS_KINDS, type TPassKind } from '@/lib/schemas/workflow';
import { ROLE_LABELS } from '../ui/badge';
import { Button } from '../ui/button';
import { Field, FieldError, Input, Select } from '../ui/field';
import { PASS_KIND_LABELS } from './pass-kind';
import { PassScopeField } from './pass-scope-field';
import type { EditPass } from './workflow-model';

interface PassEditorProps {
  pass: EditPass;
  index: number;
  count: number;
  /** Every error of the workflow by path; this pass reads `passes.<index>…`. */
  errors: Record<string, string>;
  classes: readonly TTaxonomyClass[];
  onChange: (next: EditPass) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function PassEditor({ pass, index, count, errors, classes, onChange, onMove, onRemove }: PassEditorProps) {
  const at = (field: string) => errors[`passes.${index}.${field}`];
  const set = (patch: Partial<EditPass>) => onChange({ ...pass, ...patch });
  const toggleRole = (role: TRole) =>
    set({ roles: ROLES.filter((r) => (r === role ? !pass.roles.includes(r) : pass.roles.includes(r))) });
  const label = pass.name || `pass ${index + 1}`;

  return (
    <li className="space-y-3 px-4 py-3" data-testid={`pass-${index}`}>
      <div className="flex flex-wrap items-start gap-2">
        <span className="mt-6 grid size-6 place-items-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600">
          {index + 1}
        </span>
        <Field label="Kind" error={at('kind')} className="w-36">
          <Select value={pass.kind} onChange={(e) => set({ kind: e.target.value as TPassKind })} aria-label={`Kind of ${label}`}>
            {PASS_KINDS.map((k) => (
              <option key={k} value={k}>
                {PASS_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Name" error={at('name')} className="min-w-48 flex-1">
          <Input value={pass.name} invalid={!!at('name')} onChange={(e) => set({ name: e.target.value })} maxLength={80} />
        </Field>
        <div className="mt-5 flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={`Move ${label} up`}
          >
            ↑
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={`Move ${label} down`}
          >
            ↓
          </Button>
          <Button size="sm" variant="danger" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </Button>
        </div>
      </div>
      <FieldError message={errors[`passes.${index}`]} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {pass.kind === 'LABEL' && (
          <>
            <Field label="Overlap" hint="annotators per item" error={at('overlap')}>
              <Input
                type="number"
                min={1}
                max={20}
                value={pass.overlap}
                invalid={!!at('overlap')}
                onChange={(e) => set({ overlap: e.target.value })}
              />
            </Field>
            <Field label="Agreement threshold (%)" hint="below it: adjudication" error={at('agreementThreshold')}>
              <Input
                type="number"
                min={0}
                max={100}
                value={pass.agreementPercent}
                invalid={!!at('agreementThreshold')}
                onChange={(e) => set({ agreementPercent: e.target.value })}
              />
            </Field>
          </>
        )}
        {pass.kind === 'REVIEW' && (
          <Field label="Sample rate (%)" hint="share of items reviewed" error={at('sampleRate')}>
            <Input
              type="number"
              min={1}
              max={100}
              value={pass.samplePercent}
              invalid={!!at('sampleRate')}
              onChange={(e) => set({ samplePercent: e.target.value })}
            />
          </Field>
        )}
        <Field label="SLA (hours)" hint="empty: no target" error={at('slaHours')}>
          <Input
            type="number"
            min={1}
            value={pass.slaHours}
            invalid={!!at('slaHours')}
            onChange={(e) => set({ slaHours: e.target.value })}
          />
        </Field>
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-zinc-700">Who may work in it</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {ROLES.map((role) => (
            <label key={role} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={pass.roles.includes(role)} onChange={() => toggleRole(role)} />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        <FieldError message={at('roles')} />
      </fieldset>
      {pass.kind === 'LABEL' && (
        <PassScopeField
          classes={classes}
          value={pass.scope.classIds}
          onChange={(classIds) => set({ scope: { ...pass.scope, classIds } })}
        />
      )}
      {pass.taskCount > 0 && (
        <p className="text-xs text-zinc-500">
          {pass.taskCount} task{pass.taskCount === 1 ? '' : 's'} in this pass: it cannot be removed until they move on.
        </p>
      )}
    </li>
  );
}
