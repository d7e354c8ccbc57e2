import { compareAnnotations, type ComparedRegion } from './compare-task';

// How much two annotators' regions agree, for the workflow's auto-escalation, measured exactly as
// the quality report measures it (compare-task.ts): regions of each type matched one to one by the
// optimal matching at IoU ≥ 0.5 (OKS for keypoints, temporal IoU for segments and events, per-frame
// IoU for tracks), and the agreement is the F1 of the matched pairs whose classes agree,
// 2·agreeing / (|a| + |b|). Two empty annotations agree fully; a region whose geometry is malformed
// for its type is left out, as in the report.

export const MATCH_IOU = 0.5;

/** Agreement of two annotations, 0–1. */
export function pairAgreement(a: readonly ComparedRegion[], b: readonly ComparedRegion[]): number {
  const { units } = compareAnnotations(
    [
      { annotatorId: 'a', regions: a },
      { annotatorId: 'b', regions: b },
    ],
    { iouThreshold: MATCH_IOU },
  );
  let agreeing = 0;
  let sides = 0;
  for (const u of units) {
    sides += Number(u.ca !== null) + Number(u.cb !== null);
    if (u.ca !== null && u.ca === u.cb) agreeing++;
  }
  return sides === 0 ? 1 : (2 * agreeing) / sides;
}

/** Mean agreement over every pair of annotators (1 when there are fewer than two). */
export function meanPairAgreement(annotations: readonly (readonly ComparedRegion[])[]): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < annotations.length; i++) {
    for (let j = i + 1; j < annotations.length; j++) {
      total += pairAgreement(annotations[i]!, annotations[j]!);
      pairs++;
    }
  }
  return pairs === 0 ? 1 : total / pairs;
}
