import type { TKeypointsGeometry } from '../schemas/geometry';

// Object Keypoint Similarity (COCO), made symmetric for two annotators: a keypoint labeled by either
// counts; labeled by both it scores exp(−d² / (2 s² k²)) with k = 2σ, by one only 0 (a missed keypoint
// is a disagreement). s² is the object's area: the mean of the two instances' bounding-box areas,
// floored at 1e-4 of the image because a single point or a straight limb has no area to scale by.

const MIN_AREA = 1e-4;

function area(points: TKeypointsGeometry['points']): number {
  const labeled = points.filter((p) => p.v > 0);
  if (labeled.length === 0) return MIN_AREA;
  const xs = labeled.map((p) => p.x);
  const ys = labeled.map((p) => p.y);
  return Math.max(MIN_AREA, (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)));
}

/** OKS in [0, 1]; 0 when neither labeled any keypoint. */
export function keypointOks(
  a: TKeypointsGeometry,
  b: TKeypointsGeometry,
  options: { sigmas?: readonly number[]; defaultSigma?: number } = {},
): number {
  if (a.points.length !== b.points.length) throw new RangeError('Both instances need the same skeleton');
  const s2 = (area(a.points) + area(b.points)) / 2;
  let sum = 0;
  let counted = 0;
  a.points.forEach((p, i) => {
    const q = b.points[i]!;
    if (p.v === 0 && q.v === 0) return;
    counted++;
    if (p.v === 0 || q.v === 0) return;
    const sigma = options.sigmas?.[i] ?? options.defaultSigma ?? 0.05;
    if (!(sigma > 0)) throw new RangeError('Sigmas must be positive');
    const k = 2 * sigma;
    const d2 = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
    sum += Math.exp(-d2 / (2 * s2 * k * k));
  });
  return counted === 0 ? 0 : sum / counted;
}
