import type { z } from 'zod';
import type { UnitKey } from '@/lib/quality/item-summary';
import type { TQualitySettings, ZQualityItemsQuerySchema } from '@/lib/schemas/quality';
import { AppError } from '../errors';

type Filters = Pick<z.output<typeof ZQualityItemsQuerySchema>, 'family' | 'pair' | 'annotator' | 'classId' | 'cohort'>;

/** The pair units a figure of the report was computed from, as a predicate (the drill-down behind every number). */
export function unitFilter(query: Filters, settings: TQualitySettings): (u: UnitKey) => boolean {
  const cohort = query.cohort === undefined ? null : settings.cohorts.find((c) => c.name === query.cohort);
  if (cohort === undefined) throw new AppError('VALIDATION', `There is no cohort named "${query.cohort}"`);
  const members = cohort ? new Set(cohort.memberIds) : null;
  const pair = query.pair ? new Set(query.pair) : null;
  return (u) =>
    (query.family === undefined || u.family === query.family) &&
    (pair === null || (pair.has(u.a) && pair.has(u.b) && u.a !== u.b)) &&
    (query.annotator === undefined || u.a === query.annotator || u.b === query.annotator) &&
    (query.classId === undefined || u.ca === query.classId || u.cb === query.classId) &&
    (members === null || (members.has(u.a) && members.has(u.b)));
}
