import { boxIou, matchRegions } from './region-match';

// How much two annotators' regions agree, for the workflow's auto-escalation: regions are matched one
// to one by the optimal (Hungarian) matching, where a pair counts when the class agrees and, for
// boxes, IoU ≥ 0.5; the agreement is the F1 of that matching, 2·matched / (|a| + |b|). Two empty
// annotations agree fully.

export interface AgreementRegion {
  type: string;
  classId: string;
  x?: unknown;
  y?: unknown;
  w?: unknown;
  h?: unknown;
}

export const BOX_IOU_MATCH = 0.5;

function boxOf(region: AgreementRegion) {
  const { x, y, w, h } = region;
  return typeof x === 'number' && typeof y === 'number' && typeof w === 'number' && typeof h === 'number' ? { x, y, w, h } : null;
}

function matches(a: AgreementRegion, b: AgreementRegion): number {
  if (a.type !== b.type || a.classId !== b.classId) return 0;
  const boxA = boxOf(a);
  const boxB = boxOf(b);
  if (!boxA || !boxB) return 1;
  const iou = boxIou(boxA, boxB);
  return iou >= BOX_IOU_MATCH ? iou : 0;
}

/** Agreement of two annotations, 0–1. */
export function pairAgreement(a: readonly AgreementRegion[], b: readonly AgreementRegion[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const { pairs } = matchRegions(a, b, matches, BOX_IOU_MATCH);
  return (2 * pairs.length) / (a.length + b.length);
}

/** Mean agreement over every pair of annotators (1 when there are fewer than two). */
export function meanPairAgreement(annotations: readonly (readonly AgreementRegion[])[]): number {
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
