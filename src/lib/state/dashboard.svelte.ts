/**
 * The dashboard's view and filters: one state object, kept in the URL (only what differs from
 * the defaults). User changes push a history entry; back/forward restore the state; an invalid
 * URL falls back to defaults with notes the page shows.
 */
import { isMetricId } from '../model/catalogue.ts';
import { COMMON_MEASURE_IDS, isMeasureId } from '../model/measures.ts';
import type { TownInfo } from '../db/queries/index.ts';
import { decodeState, defaultState, encodeState, type DashboardState, type UrlContext, type ViewId } from './url-state.ts';

export const DEFAULT_MEASURE = COMMON_MEASURE_IDS[0]!;

export class DashboardStore {
  state = $state.raw<DashboardState>(null as unknown as DashboardState);
  /** notes about values in the URL that were not valid, shown until the next change */
  notes = $state.raw<string[]>([]);
  readonly ctx: UrlContext;
  readonly towns: readonly TownInfo[];
  private readonly townByKey: ReadonlyMap<string, TownInfo>;

  constructor(years: readonly number[], towns: readonly TownInfo[]) {
    this.towns = towns;
    this.townByKey = new Map(towns.map((t) => [t.town_key, t]));
    this.ctx = { years, townKeys: towns.map((t) => t.town_key), isMeasure: isMeasureId, defaultMeasure: DEFAULT_MEASURE, isMetric: isMetricId };
    this.readUrl();
  }

  /** Apply the URL (at start, and on back/forward). */
  readUrl(): void {
    const { state, notes } = decodeState(location.search, this.ctx);
    this.state = state;
    this.notes = notes;
    // Replace an invalid URL by the state actually shown.
    const search = encodeState(state, this.ctx);
    if (notes.length > 0) history.replaceState(null, '', this.href(state, search));
  }

  /** Change the view or filters; pushes a history entry. */
  set(change: Partial<DashboardState>): void {
    // highlighted cells belong to the finding that opened 镇街详情; any other change drops them
    const next = { ...this.state, cells: [], ...change };
    if (next.from > next.to) [next.from, next.to] = [next.to, next.from];
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.notes = [];
    history.pushState(null, '', this.href(next));
  }

  /** The link to a state (for <a href>: opening it in a new tab shows the same view). */
  href(state: DashboardState, search = encodeState(state, this.ctx)): string {
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  hrefFor(change: Partial<DashboardState>): string {
    return this.href({ ...this.state, ...change });
  }

  openTown(townKey: string, view: ViewId = 'town'): void {
    this.set({ view, town: townKey });
  }

  town(key: string | null): TownInfo | undefined {
    return key === null ? undefined : this.townByKey.get(key);
  }

  get defaults(): DashboardState {
    return defaultState(this.ctx);
  }

  /** The towns in scope: the selection, or every town. */
  get scopeTowns(): readonly TownInfo[] {
    const sel = this.state.towns;
    return sel === null ? this.towns : sel.map((k) => this.townByKey.get(k)).filter((t): t is TownInfo => t !== undefined);
  }

  /** 中文 description of the filters in force, for exported images. */
  describe(kind: 'year' | 'range' | 'both'): string {
    const s = this.state;
    const towns = s.towns === null ? `全部（${this.towns.length} 个）` : this.scopeTowns.map((t) => t.town).join('、');
    const parts = [];
    if (kind !== 'range') parts.push(`年度：${s.year} 年`);
    if (kind !== 'year') parts.push(`年份范围：${s.from}–${s.to} 年`);
    parts.push(`镇街：${towns}`);
    return parts.join('；');
  }
}
