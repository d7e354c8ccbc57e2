// How much two annotators' regions agree, until the chance-corrected metrics (issue 9) replace it
// for auto-escalation: regions are matched one to one (same class, and for boxes IoU ≥ 0.5) and the
// agreement is the F1 of that matching, 2·matched / (|a| + |b|); two empty annotations agree fully.

export interface AgreementRegion {
  type: string;
  classId: string;
  x?: unknown;
  y?: unknown;
  w?: unknown;
  h?: unknown;
}

export const BOX_IOU_MATCH = 0.5;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(region: AgreementRegion): Box | null {
  const { x, y, w, h } = region;
  return typeof x === 'number' && typeof y === 'number' && typeof w === 'number' && typeof h === 'number' ? { x, y, w, h } : null;
}

export function boxIou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const intersection = ix * iy;
  const union = a.w * a.h + b.w * b.h - intersection;
  return union > 0 ? intersection / union : 0;
}

function matches(a: AgreementRegion, b: AgreementRegion): number {
  if (a.type !== b.type || a.classId !== b.classId) return 0;
  const boxA = boxOf(a);
  const boxB = boxOf(b);
  if (!boxA || !boxB) return 1;
  const iou = boxIou(boxA, boxB);
  return iou >= BOX_IOU_MATCH ? iou : 0;
}

/** Agreement of two annotations, 0–1: greedy one-to-one matching, best pairs first. */
export function pairAgreement(a: readonly AgreementRegion[], b: readonly AgreementRegion[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const pairs: { i: number; j: number; score: number }[] = [];
  a.forEach((ra, i) =>
    b.forEach((rb, j) => {
      const score = matches(ra, rb);
      if (score > 0) pairs.push({ i, j, score });
    }),
  );
  pairs.sort((p, q) => q.score - p.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const { i, j } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
  }
  return (2 * usedA.size) / (a.length + b.length);
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
