// Optimal one-to-one assignment (Kuhn–Munkres), in the shortest-augmenting-path form with row and column
// potentials (as Jonker–Volgenant): O(n²·m) for n ≤ m, typed arrays only, because region matching runs it once
// per image pair and a project has hundreds of thousands of them.

/**
 * Minimum-cost assignment on a rows × cols cost matrix (row-major, finite costs). Every row is assigned when
 * rows ≤ cols, every column otherwise. Returns, for each row, its column or -1 when it stays unassigned.
 */
export function minCostAssignment(cost: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (cost.length !== rows * cols) throw new RangeError(`A ${rows}×${cols} cost matrix needs ${rows * cols} entries`);
  for (let i = 0; i < cost.length; i++) {
    if (!Number.isFinite(cost[i])) throw new RangeError('Assignment costs must be finite');
  }
  if (rows <= cols) return assignRows(cost, rows, cols);
  // More rows than columns: solve the transpose, whose rows are the scarcer side, and invert the result.
  const transposed = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) transposed[j * rows + i] = cost[i * cols + j]!;
  const colToRow = assignRows(transposed, cols, rows);
  const rowToCol = new Int32Array(rows).fill(-1);
  colToRow.forEach((row, col) => {
    rowToCol[row] = col;
  });
  return rowToCol;
}

/** Hungarian algorithm for n ≤ m: adds one row at a time along a shortest augmenting path (1-based internally). */
function assignRows(cost: ArrayLike<number>, n: number, m: number): Int32Array {
  const rowPotential = new Float64Array(n + 1);
  const colPotential = new Float64Array(m + 1);
  const rowOfCol = new Int32Array(m + 1); // 0 = free; column 0 is the virtual start of each augmenting path
  const previousCol = new Int32Array(m + 1);
  const slack = new Float64Array(m + 1);
  const visited = new Uint8Array(m + 1);
  for (let row = 1; row <= n; row++) {
    rowOfCol[0] = row;
    let col = 0;
    slack.fill(Infinity);
    visited.fill(0);
    do {
      visited[col] = 1;
      const i = rowOfCol[col]!;
      const base = (i - 1) * m - 1;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= m; j++) {
        if (visited[j]) continue;
        const reduced = cost[base + j]! - rowPotential[i]! - colPotential[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          previousCol[j] = col;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (visited[j]) {
          rowPotential[rowOfCol[j]!]! += delta;
          colPotential[j]! -= delta;
        } else {
          slack[j]! -= delta;
        }
      }
      col = next;
    } while (rowOfCol[col] !== 0);
    // Flip the augmenting path back to its start.
    do {
      const previous = previousCol[col]!;
      rowOfCol[col] = rowOfCol[previous]!;
      col = previous;
    } while (col !== 0);
  }
  const rowToCol = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOfCol[j]! > 0) rowToCol[rowOfCol[j]! - 1] = j - 1;
  return rowToCol;
}
