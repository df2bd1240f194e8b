/**
 * The dashboard's view and filters in the URL query string, so that a view can be bookmarked and
 * shared. Only values that differ from the defaults are written; every invalid value read back
 * falls back to its default with a note in Chinese (never a blank page, never an exception).
 */

import { childLevel, finer, isLevel, levelLabel, levelOfArea, type Level } from '../model/levels.ts';

export type ViewId = 'overview' | 'ranking' | 'publication' | 'training' | 'applications' | 'review' | 'town' | 'quality';

/** in navigation order; titles are exactly these */
export const VIEWS: readonly { id: ViewId; title: string }[] = [
  { id: 'overview', title: '总览' },
  { id: 'ranking', title: '排名' },
  { id: 'publication', title: '主动公开' },
  { id: 'training', title: '培训' },
  { id: 'applications', title: '依申请公开' },
  { id: 'review', title: '复议诉讼' },
  { id: 'town', title: '镇街详情' },
  { id: 'quality', title: '数据质量' },
];

export interface DashboardState {
  view: ViewId;
  /** the selected 年度 */
  year: number;
  /** year range for trends, from <= to */
  from: number;
  to: number;
  /**
   * selected town keys, in the order of ctx.townKeys; null = 全部; [] = none yet (全不选, or the
   * last town unticked): the views ask to choose towns instead of drawing empty charts
   */
  towns: string[] | null;
  /** ranking measure id */
  measure: string;
  /** town key shown in 镇街详情 */
  town: string | null;
  /** metric ids highlighted in 镇街详情 (the cells of a finding); empty for none */
  cells: string[];
  /** 层级: the units compared (towns, or areas they are summed up to) */
  level: Level;
  /** the area the views are limited to (drill-down), or null for all loaded data */
  within: string | null;
}

export interface UrlContext {
  /** sorted ascending, non-empty: the years present in the data */
  years: readonly number[];
  /** all known town keys, in official order */
  townKeys: readonly string[];
  isMeasure: (id: string) => boolean;
  defaultMeasure: string;
  /** catalogue metric ids (for highlighted cells) */
  isMetric?: (id: string) => boolean;
  /** levels offered (default: 镇街 only) and the one shown by default */
  levels?: readonly Level[];
  defaultLevel?: Level;
  /** area keys present in the data (valid `within` values) */
  areas?: ReadonlySet<string>;
}

export function defaultState(ctx: UrlContext): DashboardState {
  const first = ctx.years[0] ?? 0;
  const last = ctx.years[ctx.years.length - 1] ?? first;
  return {
    view: 'overview',
    year: last,
    from: first,
    to: last,
    towns: null,
    measure: ctx.defaultMeasure,
    town: null,
    cells: [],
    level: ctx.defaultLevel ?? 'town',
    within: null,
  };
}

const CODE_PREFIX = 'code:';

/** A town key as written in the URL: `code:370830106` → `370830106`; other keys in full. */
function townToUrl(key: string): string {
  const rest = key.startsWith(CODE_PREFIX) ? key.slice(CODE_PREFIX.length) : null;
  return rest !== null && /^\d+$/.test(rest) ? rest : key;
}

/** The known town key an item from the URL stands for, or null. */
function townFromUrl(item: string, known: ReadonlySet<string>): string | null {
  for (const s of item === item.trim() ? [item] : [item, item.trim()]) {
    if (/^\d+$/.test(s) && known.has(CODE_PREFIX + s)) return CODE_PREFIX + s;
    if (known.has(s)) return s;
  }
  return null;
}

/**
 * Items of the `towns` list: `%` and `,` inside an item are written as `%25` and `%2C` (decoded in
 * one pass), so the list separator stays a plain comma and Chinese names are encoded only once.
 */
const escapeItem = (s: string): string => s.replace(/[%,]/g, (c) => (c === '%' ? '%25' : '%2C'));
const unescapeItem = (s: string): string => s.replace(/%25|%2C/gi, (m) => (m === '%25' ? '%' : ','));

/** Selected towns in ctx order without duplicates or unknown keys; all → null, none → []. */
function normaliseTowns(towns: readonly string[] | null, ctx: UrlContext): string[] | null {
  if (towns === null) return null;
  const chosen = new Set(towns);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of ctx.townKeys) {
    if (seen.has(k)) continue;
    seen.add(k);
    if (chosen.has(k)) out.push(k);
  }
  return out.length === seen.size && out.length > 0 ? null : out;
}

/**
 * The selection's URL parameter, remembered per selection array: every link on a page (a ranking
 * table has 200) is encoded from the same state. A selection of more than half of the towns is
 * written as the towns left out (`notowns=`): unticking one town of a country's 41,352 gives a
 * link of a few bytes, not one of half a megabyte that every link, history entry and comparison
 * of the page state would carry.
 */
const townsEncoded = new WeakMap<readonly string[], { ctx: UrlContext; value: string | null }>();

function encodeTowns(towns: readonly string[] | null, ctx: UrlContext): string | null {
  if (towns === null) return null;
  const hit = townsEncoded.get(towns);
  if (hit && hit.ctx === ctx) return hit.value;
  const normal = normaliseTowns(towns, ctx);
  let value: string | null = null;
  if (normal !== null) {
    const all = new Set(ctx.townKeys);
    const chosen = new Set(normal);
    const [name, list] = normal.length * 2 > all.size ? ['notowns', [...all].filter((k) => !chosen.has(k))] : ['towns', normal];
    value = new URLSearchParams([[name, list.map((k) => escapeItem(townToUrl(k))).join(',')]]).toString();
  }
  townsEncoded.set(towns, { ctx, value });
  return value;
}

export function encodeState(state: DashboardState, ctx: UrlContext): string {
  const d = defaultState(ctx);
  const p = new URLSearchParams();
  if (state.view !== d.view) p.set('view', state.view);
  if (state.year !== d.year) p.set('year', String(state.year));
  if (state.from !== d.from) p.set('from', String(state.from));
  if (state.to !== d.to) p.set('to', String(state.to));
  // `towns=…` or `notowns=…`, already form-encoded (the same as URLSearchParams would write it)
  const towns = encodeTowns(state.towns, ctx);
  const rest = new URLSearchParams();
  if (state.measure !== d.measure) rest.set('measure', state.measure);
  if (state.town !== null) rest.set('town', townToUrl(state.town));
  if (state.cells.length > 0) rest.set('cells', state.cells.join(','));
  if (state.level !== d.level) rest.set('level', state.level);
  if (state.within !== null) rest.set('in', state.within);
  return [p.toString(), towns ?? '', rest.toString()].filter((x) => x !== '').join('&');
}

/** A value from the URL as quoted in a note: shortened, without control characters. */
function shown(v: string): string {
  const chars = Array.from(v.replace(/[\u0000-\u001f\u007f]/g, ' '));
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

/** The data years for a note: `2019–2025` when contiguous, else `2019、2021、2025`. */
function yearsText(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return '无';
  if (first === last) return String(first);
  return last - first === years.length - 1 ? `${first}–${last}` : years.join('、');
}

const YEAR_RE = /^\d{1,6}$/;

export function decodeState(search: string, ctx: UrlContext): { state: DashboardState; notes: string[] } {
  const d = defaultState(ctx);
  const state: DashboardState = { ...d };
  const notes: string[] = [];
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(search);
  } catch {
    return { state, notes: ['网址中的参数无法读取，已显示默认视图。'] };
  }
  const known = new Set(ctx.townKeys);
  const inYears = (raw: string): number | null => {
    const t = raw.trim();
    const y = YEAR_RE.test(t) ? Number(t) : NaN;
    return ctx.years.includes(y) ? y : null;
  };
  const range = yearsText(ctx.years);

  const view = p.get('view');
  if (view !== null) {
    const v = VIEWS.find((x) => x.id === view.trim());
    if (v) state.view = v.id;
    else notes.push(`网址中的视图“${shown(view)}”无法识别，已显示“总览”。`);
  }

  const year = p.get('year');
  if (year !== null) {
    const y = inYears(year);
    if (y !== null) state.year = y;
    else notes.push(`网址中的年度“${shown(year)}”不在数据年份（${range}）中，已显示 ${d.year} 年。`);
  }

  const from = p.get('from');
  const to = p.get('to');
  const f = from === null ? null : inYears(from);
  const t = to === null ? null : inYears(to);
  if (from !== null && f === null) notes.push(`网址中的起始年份“${shown(from)}”不在数据年份（${range}）中，已从 ${d.from} 年起显示。`);
  if (to !== null && t === null) notes.push(`网址中的截止年份“${shown(to)}”不在数据年份（${range}）中，已显示到 ${d.to} 年。`);
  state.from = f ?? d.from;
  state.to = t ?? d.to;
  if (state.from > state.to) {
    notes.push(`网址中的年份范围“${state.from}–${state.to}”起始年份晚于截止年份，已显示 ${d.from}–${d.to} 年。`);
    state.from = d.from;
    state.to = d.to;
  }

  const towns = p.get('towns');
  const notowns = p.get('notowns');
  /** the known keys of a list from the URL, with a note on the items not in the data */
  const townList = (list: string, what: string): string[] => {
    const keys: string[] = [];
    const dropped = new Set<string>();
    for (const raw of list.split(',')) {
      const item = unescapeItem(raw);
      if (item.trim() === '') continue;
      const k = townFromUrl(item, known);
      if (k !== null) keys.push(k);
      else dropped.add(item);
    }
    if (dropped.size > 0) {
      const items = [...dropped].slice(0, 5).map((s) => `“${shown(s)}”`).join('、');
      const more = dropped.size > 5 ? `等 ${dropped.size} 个` : '';
      notes.push(`网址中${what}的镇街${items}${more}不在数据中，${what === '' && keys.length === 0 ? '已显示全部镇街' : '已忽略'}。`);
    }
    return keys;
  };
  if (towns !== null) {
    // `towns=` with no item is the empty selection (全不选); a list of towns none of which is in
    // the data shows every town (with the note above)
    const keys = townList(towns, '');
    const listed = towns.split(',').some((raw) => unescapeItem(raw).trim() !== '');
    state.towns = listed && keys.length === 0 ? null : normaliseTowns(keys, ctx);
    if (notowns !== null) notes.push('网址中同时有“towns”和“notowns”，已按“towns”选择镇街。');
  } else if (notowns !== null) {
    const left = new Set(townList(notowns, '排除'));
    state.towns = normaliseTowns(
      ctx.townKeys.filter((k) => !left.has(k)),
      ctx,
    );
  }

  const measure = p.get('measure');
  if (measure !== null) {
    if (ctx.isMeasure(measure)) state.measure = measure;
    else notes.push(`网址中的指标“${shown(measure)}”无法识别，已改用默认指标。`);
  }

  const town = p.get('town');
  if (town !== null) {
    const k = townFromUrl(town, known);
    if (k !== null) state.town = k;
    else notes.push(`网址中的镇街详情“${shown(town)}”不在数据中，未选择镇街。`);
  }

  const cells = p.get('cells');
  if (cells !== null && cells !== '') {
    const ids = cells.split(',');
    const ok = ids.filter((id) => ctx.isMetric?.(id) ?? false);
    if (ok.length !== ids.length) notes.push(`网址中要标出的单元格“${shown(cells)}”有无法识别的指标，已忽略。`);
    state.cells = ok.length === ids.length ? ids : [];
  }

  const level = p.get('level');
  if (level !== null) {
    const l = level.trim();
    if (isLevel(l) && (ctx.levels ?? ['town']).includes(l)) state.level = l;
    else notes.push(`网址中的层级“${shown(level)}”无法识别或不适用于当前数据，已按${levelLabel(d.level)}显示。`);
  }

  const within = p.get('in');
  if (within !== null) {
    const area = within.trim();
    const areaLevel = levelOfArea(area);
    if (areaLevel !== null && (ctx.areas?.has(area) ?? false)) {
      state.within = area;
      // the units compared must lie below the area
      if (!finer(state.level, areaLevel)) state.level = childLevel(areaLevel)!;
    } else notes.push(`网址中的区划范围“${shown(within)}”不在数据中，已显示全部数据。`);
  }

  return { state, notes };
}
