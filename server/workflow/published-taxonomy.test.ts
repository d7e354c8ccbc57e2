import { describe, expect, it } from 'vitest';
import { DEMO_TAXONOMY } from '@/prisma/factories/demo-taxonomy';
import { classesInScope } from './published-taxonomy';

describe('classes in a pass scope', () => {
  const classes = DEMO_TAXONOMY.classes;

  it('offers every class when the scope names none', () => {
    expect(classesInScope(classes, { classIds: [], geometries: [] })).toEqual(classes);
  });

  it('narrows each class to the scope geometries and drops the classes left without one', () => {
    const tags = classesInScope(classes, { classIds: [], geometries: ['classification'] });
    expect(tags.map((c) => c.id)).toEqual(['car', 'pedestrian', 'cyclist', 'weather']);
    expect(new Set(tags.flatMap((c) => c.geometries))).toEqual(new Set(['classification']));
    expect(classesInScope(classes, { classIds: ['car', 'speech'], geometries: ['bbox'] }).map((c) => c.id)).toEqual(['car']);
  });
});
