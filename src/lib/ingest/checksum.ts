/**
 * A checksum of each report's metric values, computed the same way in JS (here) and in SQL
 * (checksumSql), so that two readings of the same file — the import worker's and DuckDB's own
 * read_csv — can be compared row by row without sending the values across (db/csv-stage.ts).
 *
 * Each metric m with a value v adds w_m × (2v + 1) (amounts: w_m × (2·round(100v) + 1)); an empty
 * value adds nothing. All terms are integers below 2^44 and a row's sum stays below 2^52, so the
 * sum is exact in a double on both sides whatever the order of addition. A single cell read
 * differently (another value, or empty against 0) always changes the sum: w_m > 0 and the term of
 * a value is odd, never 0.
 */
import { METRICS } from '../model/catalogue.ts';
import { isValid, type ReportColumns } from './columns.ts';

/** Per metric (METRICS order): below 2^11 for counts, below 2^4 for amounts (which are ×100). */
export const CHECK_WEIGHTS: readonly number[] = METRICS.map((m, i) => (m.kind === 'amount' ? 1 + (i % 13) : 1 + ((i * 389) % 2039)));

/** Rows summed at a time: their sums stay in the cache while every column is added to them. */
const BLOCK = 4096;

/** The checksum of rows start…end-1 of the columns. */
export function rowChecksums(c: ReportColumns, start = 0, end = c.length): Float64Array {
  const out = new Float64Array(end - start);
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(end, from + BLOCK);
    for (let m = 0; m < METRICS.length; m++) {
      const { values, valid } = c.metrics[m]!;
      const w = CHECK_WEIGHTS[m]!;
      const amount = METRICS[m]!.kind === 'amount';
      let i = from;
      while (i < to) {
        // a whole byte of validity at once where it can: 8 rows all present, or all empty
        if ((i & 7) === 0 && i + 8 <= to) {
          const b = valid[i >> 3]!;
          if (b === 0) {
            i += 8;
            continue;
          }
          if (b === 0xff && !amount) {
            for (const e = i + 8; i < e; i++) out[i - start]! += w * (2 * values[i]! + 1);
            continue;
          }
        }
        if (isValid(valid, i)) {
          const v = amount ? Math.round(values[i]! * 100) : values[i]!;
          out[i - start]! += w * (2 * v + 1);
        }
        i++;
      }
    }
  }
  return out;
}

/**
 * The same checksum in SQL over a row whose metric m is in the column `columnOf(m)` (an
 * identifier made by the caller, never text from a file), or absent when it returns null.
 *
 * Written as W + Σ 2w_m × coalesce(v, −0.5), W the sum of the weights of the columns present: an
 * empty value's term −w_m cancels its share of W, another value's is w_m × (2v + 1) as above.
 * Three operations a column instead of six: a country's checksums take ~0.6 s instead of ~1.6 s
 * in DuckDB-WASM. (The DOUBLE cast matters: coalesce of an INTEGER with −0.5 is a DECIMAL, slower.)
 */
export function checksumSql(columnOf: (m: number) => string | null): string {
  const terms: string[] = [];
  let total = 0;
  METRICS.forEach((def, m) => {
    const col = columnOf(m);
    if (col === null) return;
    const v = def.kind === 'amount' ? `round(CAST(${col} AS DOUBLE) * 100)` : `CAST(${col} AS DOUBLE)`;
    terms.push(`${2 * CHECK_WEIGHTS[m]!}.0 * coalesce(${v}, -0.5)`);
    total += CHECK_WEIGHTS[m]!;
  });
  return terms.length === 0 ? 'CAST(0 AS DOUBLE)' : `${total}.0 + ${terms.join(' + ')}`;
}
