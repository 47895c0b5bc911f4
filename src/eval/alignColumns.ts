/**
 * Rows of cells as lines: every column as wide as its widest cell, the first `textColumns` left-aligned,
 * the rest right-aligned.
 */
export function alignColumns(rows: readonly (readonly string[])[], textColumns: number): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((cells) => cells[i]!.length)));
  return rows
    .map((cells) =>
      cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}
