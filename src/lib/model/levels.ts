/**
 * 层级: the level at which towns are compared — 镇街 itself, or summed up to 县区, 地市 or 省 by the
 * 9-digit division code (digits 1–6, 1–4, 1–2) — and the area a view is limited to (`within`),
 * which is how one drills down from a province to its 地市, to their 县区, to their towns.
 *
 * Unit keys: a town's own key at 镇街; at the other levels the code prefix (`370830`, `3708`,
 * `37`). Towns without a code are grouped by their county name (`n:汶上县`) at 县区 — towns with
 * neither a code nor a county name (a file without a 县 column) as `n:`, 未知县区 — and as 未知
 * (`?c`, `?p`) above it. The same keys serve as `within` values.
 */
import { CITY_NAMES, PROVINCE_NAMES } from './areas.ts';

export type Level = 'town' | 'county' | 'city' | 'province';

/** from the finest to the coarsest */
export const LEVELS: readonly { id: Level; label: string }[] = [
  { id: 'town', label: '镇街' },
  { id: 'county', label: '县区' },
  { id: 'city', label: '地市' },
  { id: 'province', label: '省' },
];

export const levelLabel = (level: Level): string => LEVELS.find((l) => l.id === level)!.label;

export const isLevel = (s: string): s is Level => LEVELS.some((l) => l.id === s);

const rank = (level: Level) => LEVELS.findIndex((l) => l.id === level);

/** The next finer level (null below 镇街). */
export function childLevel(level: Level): Level | null {
  const i = rank(level);
  return i > 0 ? LEVELS[i - 1]!.id : null;
}

export const finer = (a: Level, b: Level): boolean => rank(a) < rank(b);

/** What a town needs to be placed at every level. */
export interface Placed {
  town_key: string;
  town_code: string | null;
  county: string;
}

/** 县区 of the towns with neither a code nor a county name (`n:` and the empty name) */
const UNKNOWN_COUNTY = 'n:';
const UNKNOWN_CITY = '?c';
const UNKNOWN_PROVINCE = '?p';

/** The key of the unit a town belongs to at a level. */
export function unitOf(t: Placed, level: Level): string {
  const code = t.town_code;
  switch (level) {
    case 'town':
      return t.town_key;
    case 'county':
      return code ? code.slice(0, 6) : `n:${t.county}`;
    case 'city':
      return code ? code.slice(0, 4) : UNKNOWN_CITY;
    case 'province':
      return code ? code.slice(0, 2) : UNKNOWN_PROVINCE;
  }
}

/** The level of an area key used as `within` (null for a string that is not one). */
export function levelOfArea(key: string): Exclude<Level, 'town'> | null {
  if (/^\d{2}$/.test(key) || key === UNKNOWN_PROVINCE) return 'province';
  if (/^\d{4}$/.test(key) || key === UNKNOWN_CITY) return 'city';
  if (/^\d{6}$/.test(key) || key.startsWith('n:')) return 'county';
  return null;
}

/** Whether a town lies within an area. */
export function inArea(t: Placed, area: string | null): boolean {
  if (area === null) return true;
  const level = levelOfArea(area);
  return level !== null && unitOf(t, level) === area;
}

/** The area one level up (null above 省, or for a key that is not an area). */
export function parentArea(area: string): string | null {
  const level = levelOfArea(area);
  if (level === null || level === 'province') return null;
  if (/^\d+$/.test(area)) return area.slice(0, level === 'county' ? 4 : 2);
  return level === 'county' ? UNKNOWN_CITY : UNKNOWN_PROVINCE;
}

/** An area and the areas above it, coarsest first (the drill path to it). */
export function areaChain(area: string): string[] {
  const out: string[] = [];
  for (let a: string | null = area; a !== null; a = parentArea(a)) out.unshift(a);
  return out;
}

/** The drill path to a town's area at a level, coarsest first. */
export const areaPath = (t: Placed, down: Exclude<Level, 'town'>): string[] => areaChain(unitOf(t, down));

/** The name of a unit above 镇街. County names come from the towns (reports carry them). */
export function areaName(key: string, countyName?: (key: string) => string | undefined): string {
  const level = levelOfArea(key);
  if (key === UNKNOWN_PROVINCE) return '未知省份';
  if (key === UNKNOWN_COUNTY) return '未知县区';
  if (key === UNKNOWN_CITY) return '未知地市';
  if (level === 'province') return PROVINCE_NAMES[key] ?? `省级 ${key}`;
  if (level === 'city') return CITY_NAMES[key] ?? `地市 ${key}`;
  if (level === 'county') return key.startsWith('n:') ? key.slice(2) : (countyName?.(key) ?? `县区 ${key}`);
  return key;
}

/**
 * The level shown by default: the finest level with at most `max` units, so that a national
 * dataset opens on its provinces or 地市 and a county's on its towns.
 */
export function defaultLevel(towns: readonly Placed[], max = 200): Level {
  for (const { id } of LEVELS) {
    if (id === 'province') return id;
    if (new Set(towns.map((t) => unitOf(t, id))).size <= max) return id;
  }
  return 'province';
}

/** The levels offered: 镇街 only when the data lies in one county; else every level. */
export function levelsOffered(towns: readonly Placed[]): Level[] {
  const counties = new Set(towns.map((t) => unitOf(t, 'county')));
  return counties.size > 1 ? LEVELS.map((l) => l.id) : ['town'];
}
