/**
 * Comparisons with last year: 同比 as a difference and a percentage, and the change in rank.
 * A percentage against 0 is not a number: it is null, shown as "—".
 */
export interface YearOnYear {
  /** value − previous, or null when either is not reported */
  delta: number | null;
  /** delta ÷ previous, or null when not computable (either empty, or previous is 0) */
  ratio: number | null;
}

export function yearOnYear(value: number | null, previous: number | null): YearOnYear {
  if (value === null || previous === null) return { delta: null, ratio: null };
  const delta = value - previous;
  return { delta, ratio: previous === 0 ? null : delta / previous };
}

/** Places gained since last year (positive = moved up), or null when either year is unranked. */
export function rankChange(rank: number | null, previousRank: number | null): number | null {
  return rank === null || previousRank === null ? null : previousRank - rank;
}
