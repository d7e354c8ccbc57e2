import { describe, expect, it } from 'vitest';
import type { TPass } from '@/lib/schemas/workflow';
import { fromPasses, move, newPass, toSave, validateWorkflow } from './workflow-model';

const stored: TPass = {
  id: 'p1',
  position: 0,
  kind: 'LABEL',
  name: 'Label',
  overlap: 2,
  sampleRate: 1,
  agreementThreshold: 0.07,
  slaHours: null,
  roles: ['ANNOTATOR'],
  scope: { classIds: ['car'], geometries: [], attributeIds: [] },
  taskCount: 3,
};

describe('workflow editor model', () => {
  it('round-trips a stored pass, editing shares in percent', () => {
    const [edit] = fromPasses([stored]);
    expect(edit!.agreementPercent).toBe('7');
    expect(toSave([edit!], true).passes[0]).toEqual({
      id: 'p1',
      kind: 'LABEL',
      name: 'Label',
      overlap: 2,
      sampleRate: 1,
      agreementThreshold: 0.07,
      slaHours: null,
      roles: ['ANNOTATOR'],
      scope: stored.scope,
    });
  });

  it('reports field problems at the paths the API would use', () => {
    const label = { ...newPass('LABEL', 'k1'), overlap: '', roles: [] };
    const review = { ...newPass('REVIEW', 'k2'), samplePercent: '0' };
    const errors = validateWorkflow([label, review]);
    expect(errors['passes.1.sampleRate']).toBe('sample at least some items');
    expect(errors['passes.0.roles']).toBe('allow at least one role');
    expect(errors['passes.0.overlap']).toBeDefined();
  });

  it('reports the order rules on the pass that breaks them', () => {
    const errors = validateWorkflow([newPass('REVIEW', 'k1'), newPass('LABEL', 'k2')]);
    expect(errors['passes.0']).toBe('the first pass must be a LABEL pass');
  });

  it('accepts a label → review → adjudicate workflow', () => {
    expect(validateWorkflow([newPass('LABEL', 'a'), newPass('REVIEW', 'b'), newPass('ADJUDICATE', 'c')])).toEqual({});
  });

  it('moves a pass up and down and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
