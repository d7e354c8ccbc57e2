import { distanceToPath, type Point } from '../annotate/geometry';

// How much two polylines agree, on IoU's 0–1 scale so that they match like the other regions: the
// F1 of their lengths that run within a tolerance of each other. Each line is sampled every STEP of
// its length; precision is the share of A's samples near B, recall the share of B's near A. This is
// the buffer measure road and lane extraction is scored with (e.g. Wiedemann's completeness and
// correctness), where polygon IoU would be zero for any two thin lines.

/** How far apart two lines may run and still be the same line: about 1 % of the image's side. */
export const LINE_TOLERANCE = 0.01;
/** Sample spacing along a line, a quarter of the tolerance. */
const STEP = LINE_TOLERANCE / 4;

/** Points along the path every STEP, its vertices included. */
export function samplePath(path: readonly Point[]): Point[] {
  const samples: Point[] = [path[0]!];
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = path[i - 1]!;
    const [bx, by] = path[i]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / STEP));
    for (let s = 1; s <= steps; s++) samples.push([ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps]);
  }
  return samples;
}

const nearShare = (samples: readonly Point[], other: readonly Point[], tolerance: number) =>
  samples.filter((p) => distanceToPath(p, other) <= tolerance).length / samples.length;

export function polylineOverlap(a: readonly Point[], b: readonly Point[], tolerance = LINE_TOLERANCE): number {
  if (a.length === 0 || b.length === 0) return 0;
  const precision = nearShare(samplePath(a), b, tolerance);
  const recall = nearShare(samplePath(b), a, tolerance);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
