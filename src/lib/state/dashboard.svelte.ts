/**
 * The dashboard's view and filters: one state object, kept in the URL (only what differs from
 * the defaults). User changes push a history entry; back/forward restore the state; an invalid
 * URL falls back to defaults with notes the page shows.
 */
import { isMetricId } from '../model/catalogue.ts';
import { COMMON_MEASURE_IDS, isMeasureId } from '../model/measures.ts';
import { compactSelection, type Frame, type Scope, type TownInfo } from '../db/queries/index.ts';
import {
  areaChain,
  areaName,
  childLevel,
  defaultLevel,
  finer,
  inArea,
  levelLabel,
  levelOfArea,
  levelsOffered,
  parentArea,
  unitOf,
  type Level,
} from '../model/levels.ts';
import { decodeState, defaultState, encodeState, type DashboardState, type UrlContext, type ViewId } from './url-state.ts';

export const DEFAULT_MEASURE = COMMON_MEASURE_IDS[0]!;

/** Up to this many towns in the area, a town selection is applied to rows already fetched. */
export const JS_FILTER_MAX = 2000;

/** The state change that shows the units one level below an area, within it; null for a non-area. */
function drillChange(area: string): Partial<DashboardState> | null {
  const level = levelOfArea(area);
  return level === null ? null : { within: area, level: childLevel(level)!, towns: null };
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));

/** Whether two states are the same, field by field (a selection may hold 41,351 towns: no JSON of it on every change). */
function sameState(a: DashboardState, b: DashboardState): boolean {
  return (Object.keys(a) as (keyof DashboardState)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    return Array.isArray(x) || Array.isArray(y) ? sameList(x as string[] | null, y as string[] | null) : x === y;
  });
}

export class DashboardStore {
  state = $state.raw<DashboardState>(null as unknown as DashboardState);
  /** notes about values in the URL that were not valid, shown until the next change */
  notes = $state.raw<string[]>([]);
  readonly ctx: UrlContext;
  readonly towns: readonly TownInfo[];
  private readonly townByKey: ReadonlyMap<string, TownInfo>;
  private readonly countyNames = new Map<string, string>();

  constructor(years: readonly number[], towns: readonly TownInfo[]) {
    this.towns = towns;
    this.townByKey = new Map(towns.map((t) => [t.town_key, t]));
    const levels = levelsOffered(towns);
    const areas = new Set<string>();
    if (levels.length > 1) for (const t of towns) for (const l of ['county', 'city', 'province'] as const) areas.add(unitOf(t, l));
    for (const t of towns) {
      const county = unitOf(t, 'county');
      if (!this.countyNames.has(county)) this.countyNames.set(county, t.county);
    }
    this.ctx = {
      years,
      townKeys: towns.map((t) => t.town_key),
      isMeasure: isMeasureId,
      defaultMeasure: DEFAULT_MEASURE,
      isMetric: isMetricId,
      levels,
      defaultLevel: levels.length > 1 ? defaultLevel(towns) : 'town',
      areas,
    };
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
    // the range selects offer no start after the end (rangeChoices); a change from code must not make one
    if (next.from > next.to) throw new Error(`年份范围无效：${next.from}–${next.to}`);
    if (sameState(next, this.state)) return;
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

  /** A unit clicked in a chart or table: a town opens 镇街详情; an area is drilled into. */
  openUnit(key: string): void {
    if (this.state.level === 'town') this.openTown(key);
    else this.drill(key);
  }

  /** Show the units one level below an area, within it (the town selection is cleared). */
  drill(area: string): void {
    const change = drillChange(area);
    if (change) this.set(change);
  }

  /** The link to drilling into an area. */
  drillHref(area: string): string {
    return this.hrefFor({ ...drillChange(area), cells: [] });
  }

  /** Change the level; an area that is not above it is widened to the one that is. */
  setLevel(level: Level): void {
    let within = this.state.within;
    while (within !== null && !finer(level, levelOfArea(within)!)) within = parentArea(within);
    this.set({ level, within });
  }

  /** The drill path to the current area, coarsest first. */
  get path(): { key: string; name: string }[] {
    const w = this.state.within;
    return w === null ? [] : areaChain(w).map((key) => ({ key, name: this.areaName(key) }));
  }


  areaName(area: string): string {
    return areaName(area, (k) => this.countyNames.get(k));
  }

  /** Whether the data spans more than one county (the 层级 control is shown). */
  get multiLevel(): boolean {
    return (this.ctx.levels?.length ?? 1) > 1;
  }

  /** Which reports totals read: the area and the selected towns. */
  get scope(): Scope {
    const { within, towns } = this.state;
    // remembered per selection: views ask for the scope in every effect, and compacting a national
    // selection walks all 41,352 town keys
    if (this.compacted?.towns !== towns) this.compacted = { towns, value: compactSelection(towns, this.ctx.townKeys) };
    return { within, ...this.compacted.value };
  }
  private compacted: { towns: readonly string[] | null; value: ReturnType<typeof compactSelection> } | null = null;

  /** What per-unit queries compare and read. */
  get frame(): Frame {
    return { level: this.state.level, ...this.scope };
  }

  /**
   * The frame for per-unit queries whose rows are then narrowed to the selected towns in JS
   * (keep): at 镇街 a town's row does not depend on which other towns are selected, so a change
   * of selection needs no query at all. Above 镇街 the selection changes the sums: it stays in SQL.
   */
  get rowsFrame(): Frame {
    const f = this.frame;
    return this.narrowsInJs ? { level: f.level, within: f.within, towns: null } : f;
  }

  /**
   * Whether rows fetched with rowsFrame still have to be narrowed to the selection (keep): at 镇街
   * in an area of up to JS_FILTER_MAX towns. Over a province or the country, fetching every town's
   * row to keep a few costs more than a query, and the query has applied the selection already.
   */
  get narrowsInJs(): boolean {
    return this.state.level === 'town' && this.state.towns !== null && this.areaTowns.length <= JS_FILTER_MAX;
  }

  /** Narrow rows fetched with rowsFrame to the selection (the rows themselves when the query did). */
  keep<R extends { town_key: string }>(rows: readonly R[]): R[] {
    const sel = this.state.towns;
    if (!this.narrowsInJs || sel === null) return rows as R[];
    const set = new Set(sel);
    return rows.filter((r) => set.has(r.town_key));
  }

  /** Whether no town is selected (全不选): the views ask for towns instead of drawing empty charts. */
  get noneSelected(): boolean {
    return this.state.towns !== null && this.state.towns.length === 0;
  }

  /** The towns the 镇街 picker offers: those within the current area. */
  get areaTowns(): readonly TownInfo[] {
    const w = this.state.within;
    if (w === null) return this.towns;
    if (this.areaCache?.within !== w) this.areaCache = { within: w, towns: this.towns.filter((t) => inArea(t, w)) };
    return this.areaCache.towns;
  }
  private areaCache: { within: string; towns: readonly TownInfo[] } | null = null;

  town(key: string | null): TownInfo | undefined {
    return key === null ? undefined : this.townByKey.get(key);
  }

  get defaults(): DashboardState {
    return defaultState(this.ctx);
  }

  /** The towns in scope: the selection, or every town. */
  get scopeTowns(): readonly TownInfo[] {
    const sel = this.state.towns;
    const area = this.areaTowns;
    if (sel === null) return area;
    const set = new Set(sel);
    return area.filter((t) => set.has(t.town_key));
  }

  /** 中文 description of the filters in force, for exported images. */
  describe(kind: 'year' | 'range' | 'both'): string {
    const s = this.state;
    const area = this.areaTowns;
    const chosen = this.scopeTowns;
    const towns = s.towns === null ? `全部（${area.length} 个）` : chosen.length <= 10 ? chosen.map((t) => t.town).join('、') : `已选 ${chosen.length} 个`;
    const parts = [];
    if (this.multiLevel) parts.push(`层级：${levelLabel(s.level)}`);
    if (s.within !== null) parts.push(`范围：${this.path.map((p) => p.name).join(' › ')}`);
    if (kind !== 'range') parts.push(`年度：${s.year} 年`);
    if (kind !== 'year') parts.push(`年份范围：${s.from}–${s.to} 年`);
    parts.push(`镇街：${towns}`);
    return parts.join('；');
  }
}
