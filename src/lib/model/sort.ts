/**
 * Sorting table rows by a column: numbers numerically, text by zh-CN collation; empty values
 * always after the others whatever the direction.
 */
export type SortDir = 'asc' | 'desc';

const collator = new Intl.Collator('zh-CN');

export function sortRows<T>(rows: readonly T[], get: (row: T) => number | string | null, dir: SortDir): T[] {
  return rows
    .map((row, i) => ({ row, i, v: get(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return (dir === 'asc' ? c : -c) || a.i - b.i;
    })
    .map((x) => x.row);
}
