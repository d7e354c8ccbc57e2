import type { TQualityFamily, TQualityItemsQuery } from '@/lib/schemas/quality';

/** What the items table narrows to: set by clicking a figure, shown as a removable chip. */
export interface ItemFilter {
  family: TQualityFamily;
  classId?: string;
  pair?: [string, string];
  annotator?: string;
  week?: string;
  cohort?: string;
}

export function itemsQuery(filter: ItemFilter, disagreeing: boolean, limit: number): TQualityItemsQuery {
  return {
    family: filter.family,
    classId: filter.classId,
    pair: filter.pair?.join(','),
    annotator: filter.annotator,
    week: filter.week,
    cohort: filter.cohort,
    disagreeing: disagreeing ? 'true' : 'false',
    limit,
  };
}
