/**
 * The ranking shown for a measure and a year, re-queried when either changes; stale results are
 * dropped.
 */
import { ranking, type RankingRow } from '../db/queries/index.ts';
import type { SqlClient } from '../db/sql.ts';
import { latestOnly } from './latest.ts';

export class RankingState {
  rows = $state.raw<RankingRow[]>([]);
  /** the (measure, year) the rows belong to */
  shown = $state.raw<{ measure: string; year: number } | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  private run = latestOnly();

  async update(sql: SqlClient, measure: string, year: number): Promise<void> {
    this.loading = true;
    try {
      await this.run(
        () => ranking(sql, measure, year),
        (rows) => {
          this.rows = rows;
          this.shown = { measure, year };
          this.error = null;
          this.loading = false;
        },
      );
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.loading = false;
    }
  }
}
