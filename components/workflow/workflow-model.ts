import type { TRole } from '@/lib/schemas/project';
import { ZWorkflowSaveSchema, type TPass, type TPassKind, type TPassScope, type TWorkflowSave } from '@/lib/schemas/workflow';

// The workflow editor's working copy. Numbers stay as typed (text) and shares are edited in percent;
// they become the API's shape only in `toSave`, which both the local check and the request use, so
// the zod issue paths (`passes.2.overlap`) point at the same fields either way.

export interface EditPass {
  /** Identifies the row in the list (a new pass has no id yet). */
  key: string;
  id?: string;
  kind: TPassKind;
  name: string;
  overlap: string;
  samplePercent: string;
  agreementPercent: string;
  slaHours: string;
  roles: TRole[];
  scope: TPassScope;
  taskCount: number;
}

const DEFAULTS: Record<TPassKind, { name: string; roles: TRole[] }> = {
  LABEL: { name: 'Label', roles: ['ANNOTATOR'] },
  REVIEW: { name: 'Review', roles: ['REVIEWER'] },
  ADJUDICATE: { name: 'Adjudicate', roles: ['OWNER', 'DATA_LEAD'] },
};

const percent = (share: number) => String(Math.round(share * 1000) / 10);

export function fromPasses(passes: readonly TPass[]): EditPass[] {
  return passes.map((p) => ({
    key: p.id,
    id: p.id,
    kind: p.kind,
    name: p.name,
    overlap: String(p.overlap),
    samplePercent: percent(p.sampleRate),
    agreementPercent: percent(p.agreementThreshold),
    slaHours: p.slaHours === null ? '' : String(p.slaHours),
    roles: [...p.roles],
    scope: p.scope,
    taskCount: p.taskCount,
  }));
}

export function newPass(kind: TPassKind, key: string): EditPass {
  return {
    key,
    kind,
    name: DEFAULTS[kind].name,
    overlap: '1',
    samplePercent: '100',
    agreementPercent: '80',
    slaHours: '',
    roles: DEFAULTS[kind].roles,
    scope: { classIds: [], geometries: [], attributeIds: [] },
    taskCount: 0,
  };
}

// An empty or non-numeric box becomes NaN, which the schema reports next to the field.
const num = (text: string) => (text.trim() === '' ? NaN : Number(text));

export function toSave(passes: readonly EditPass[], autoCreateTasks: boolean): TWorkflowSave {
  return {
    autoCreateTasks,
    passes: passes.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      kind: p.kind,
      name: p.name,
      overlap: num(p.overlap),
      sampleRate: num(p.samplePercent) / 100,
      agreementThreshold: num(p.agreementPercent) / 100,
      slaHours: p.slaHours.trim() === '' ? null : num(p.slaHours),
      roles: p.roles,
      scope: p.scope,
    })),
  };
}

/** The schema's complaints about the working copy, keyed by issue path (`passes.0.name`). */
export function validateWorkflow(passes: readonly EditPass[]): Record<string, string> {
  const result = ZWorkflowSaveSchema.safeParse(toSave(passes, false));
  const errors: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
