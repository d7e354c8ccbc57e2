import { describe, expect, it } from 'vitest';
import { minCostAssignment } from './assignment';
import { seededRandom } from '../seeded-random';

const totalCost = (cost: number[], cols: number, rowToCol: Int32Array) =>
  Array.from(rowToCol).reduce((sum, col, row) => (col < 0 ? sum : sum + cost[row * cols + col]!), 0);

/** The cheapest assignment by trying every injection of the smaller side into the larger one. */
function bruteForceMinimum(cost: number[], rows: number, cols: number): number {
  let best = Infinity;
  const usedCols = new Set<number>();
  const usedRows = new Set<number>();
  const search = (row: number, assigned: number, sum: number) => {
    if (assigned === Math.min(rows, cols)) {
      best = Math.min(best, sum);
      return;
    }
    if (row === rows) return;
    if (rows > cols) search(row + 1, assigned, sum); // with more rows than columns some rows stay out
    for (let col = 0; col < cols; col++) {
      if (usedCols.has(col)) continue;
      usedCols.add(col);
      usedRows.add(row);
      search(row + 1, assigned + 1, sum + cost[row * cols + col]!);
      usedCols.delete(col);
      usedRows.delete(row);
    }
  };
  search(0, 0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('beats greedy matching where the cheapest pair first is a trap', () => {
    // Greedy takes (0,0) = 1 and is then forced into (1,1) = 100; the optimum crosses over for 2 + 2.
    const cost = [1, 2, 2, 100];
    const assignment = minCostAssignment(cost, 2, 2);
    expect(Array.from(assignment)).toEqual([1, 0]);
    expect(totalCost(cost, 2, assignment)).toBe(4);
  });

  it('matches brute force on random square and rectangular matrices', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 6);
      const cost = Array.from({ length: rows * cols }, () => Math.round(random() * 20 - 5));
      const assignment = minCostAssignment(cost, rows, cols);
      const assignedCols = Array.from(assignment).filter((c) => c >= 0);
      expect(assignedCols.length).toBe(Math.min(rows, cols));
      expect(new Set(assignedCols).size).toBe(assignedCols.length);
      expect(totalCost(cost, cols, assignment)).toBe(bruteForceMinimum(cost, rows, cols));
    }
  });

  it('leaves the surplus rows unassigned when there are more rows than columns', () => {
    // Rows (5, 1), (0, 9), (3, 2): the first two rows take both columns for 1 + 0; the third is left out.
    expect(Array.from(minCostAssignment([5, 1, 0, 9, 3, 2], 3, 2))).toEqual([1, 0, -1]);
    expect(Array.from(minCostAssignment([], 0, 3))).toEqual([]);
    expect(Array.from(minCostAssignment([], 2, 0))).toEqual([-1, -1]);
  });

  it('rejects a matrix of the wrong size or with non-finite costs', () => {
    expect(() => minCostAssignment([1, 2, 3], 2, 2)).toThrow(RangeError);
    expect(() => minCostAssignment([1, Infinity, 3, 4], 2, 2)).toThrow(RangeError);
  });
});
