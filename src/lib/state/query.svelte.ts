/**
 * One query's result as state: re-run with a key describing its inputs; a slow answer for an old
 * key never replaces the answer for a newer one. `ready` is true when the shown data belongs to
 * the latest key asked for.
 */
import { latestOnly } from './latest.ts';

export class Query<T> {
  data = $state.raw<T | null>(null);
  /** the key of the data shown */
  shownKey = $state<string | null>(null);
  /** the key last asked for */
  wantedKey = $state<string | null>(null);
  error = $state<string | null>(null);
  ready = $derived(this.wantedKey !== null && this.shownKey === this.wantedKey && this.error === null);
  private run = latestOnly();

  async load(key: string, fetch: () => Promise<T>): Promise<void> {
    if (key === this.wantedKey && (this.shownKey === key || this.error === null)) return;
    this.wantedKey = key;
    const t0 = performance.now();
    try {
      await this.run(fetch, (value) => {
        // visible in the browser's performance timeline, and read by the benchmark
        performance.measure('query', { start: t0, end: performance.now() });
        this.data = value;
        this.shownKey = key;
        this.error = null;
      });
    } catch (e) {
      if (key === this.wantedKey) this.error = e instanceof Error ? e.message : String(e);
    }
  }
}
