import type { ReactNode } from 'react';

export interface MatrixAxis {
  key: string;
  /** Shown beside each row. */
  name: string;
  /** Shown above each column (defaults to the name). */
  short?: string;
}

/** A square table of cells, the same categories down and across, under a caption: the heat maps' frame. */
export function MatrixTable({
  axis,
  cell,
  label,
  testId,
  caption,
}: {
  axis: readonly MatrixAxis[];
  cell: (row: number, column: number) => ReactNode;
  label: string;
  testId: string;
  caption: ReactNode;
}) {
  return (
    <figure aria-label={label} data-testid={testId} className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-xs">
        <thead>
          <tr>
            <th />
            {axis.map((c) => (
              <th
                key={c.key}
                scope="col"
                className="w-12 px-0.5 pb-1 align-bottom leading-tight font-medium text-zinc-600"
                title={c.name}
              >
                {c.short ?? c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {axis.map((row, i) => (
            <tr key={row.key}>
              <th scope="row" className="pr-2 text-right font-medium whitespace-nowrap text-zinc-600">
                {row.name}
              </th>
              {axis.map((column, j) => (
                <td key={column.key} className="p-0">
                  {cell(i, j)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="mt-1 text-[11px] text-zinc-500">{caption}</figcaption>
    </figure>
  );
}
