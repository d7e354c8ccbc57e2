import type { TPairUnit } from '../schemas/quality';

// An item's pair units counted by everything the drill-down filters on (family, the two annotators,
// both classes), so listing the items behind a figure reads a few dozen counts per item instead of
// every matched region. Any filter over those fields gives the same answer on the counts as on the units.

export type UnitKey = Pick<TPairUnit, 'family' | 'a' | 'b' | 'ca' | 'cb'>;
/** The annotators as indexes into the summary's `annotators`: ids would make up most of its bytes. */
export type UnitCount = [family: TPairUnit['family'], a: number, b: number, ca: string | null, cb: string | null, count: number];

export interface ItemSummary {
  week: string;
  annotators: string[];
  counts: UnitCount[];
}

export function summarizeItem(week: string, annotators: string[], units: readonly TPairUnit[]): ItemSummary {
  const index = new Map(annotators.map((id, i) => [id, i]));
  const counts = new Map<string, UnitCount>();
  for (const u of units) {
    const key = JSON.stringify([u.family, u.a, u.b, u.ca, u.cb]);
    const entry = counts.get(key);
    if (entry) entry[5]++;
    else counts.set(key, [u.family, index.get(u.a)!, index.get(u.b)!, u.ca, u.cb, 1]);
  }
  return { week, annotators, counts: [...counts.values()] };
}

/** The units kept by a filter, and how many of them disagree (the two annotators' answers differ). */
export function tally({ annotators, counts }: ItemSummary, keep: (u: UnitKey) => boolean) {
  let units = 0;
  let disagreements = 0;
  for (const [family, a, b, ca, cb, count] of counts) {
    if (!keep({ family, a: annotators[a]!, b: annotators[b]!, ca, cb })) continue;
    units += count;
    if (ca !== cb) disagreements += count;
  }
  return { units, disagreements };
}
