/**
 * Why an editor's Submit is held back, under the button: nothing labeled yet (`empty`, in the
 * editor's own words), else the first of the problems and how many there are; null when nothing holds it.
 */
export function submitBlocked(input: {
  isEmpty: boolean;
  empty: string;
  problems: readonly string[];
  waivable: boolean;
}): string | null {
  const { problems } = input;
  if (input.isEmpty) return input.empty;
  if (problems.length === 0) return null;
  const count = problems.length === 1 ? 'one problem' : `${problems.length.toLocaleString()} problems`;
  return `Fix ${count} to submit${input.waivable ? ' (or mark it intentional)' : ''}: ${problems[0]}`;
}
