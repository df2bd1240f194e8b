/** Where each report of a merged import came from: the file and its row there. */
import type { ReportSet, SetPart } from './columns.ts';

/** Where each report of a merged set was read from: file index and row (the header is row 1). */
export interface ReportOrigin {
  file: Int32Array;
  row: Int32Array;
}

/** For each row of a merged set (its parts in order): the file it came from and its row there. */
export function originOf(parts: readonly SetPart[], sets: readonly ReportSet[], rows: readonly ArrayLike<number>[], count: number): ReportOrigin {
  const file = new Int32Array(count);
  const row = new Int32Array(count);
  let k = 0;
  for (const p of parts) {
    const f = sets.indexOf(p.set);
    const n = p.rows ? p.rows.length : p.set.keys.length;
    for (let j = 0; j < n; j++, k++) {
      file[k] = f;
      row[k] = rows[f]![p.rows ? p.rows[j]! : j]!;
    }
  }
  return { file, row };
}
