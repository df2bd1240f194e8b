/**
 * The filters as SQL: the area the view is limited to (`within`, a division code prefix or a
 * county name for towns without a code) and the selected towns (none for 全部). Values are always
 * bound parameters: the selected town keys as one parameter joined by U+001F (a character the
 * importer never lets into a name).
 */
import { levelOfArea, type Level } from '../../model/levels.ts';
import type { Param } from '../sql.ts';

/** Selected town keys, or null for 全部. */
export type TownScope = readonly string[] | null;

/** Which reports a query reads: those of the towns selected, within an area. */
export interface Scope {
  /** an area key (see model/levels.ts), or null for everything loaded */
  within: string | null;
  towns: TownScope;
  /**
   * Towns left out instead (with `towns` null): a selection of most towns is sent as the few it
   * leaves out, so that the list bound to the query stays short (see MAX_SCOPE_KEYS).
   */
  exclude?: readonly string[];
}

/**
 * Town keys bound to one query at most. DuckDB-WASM 1.4.3 crashed ("memory access out of
 * bounds") on a query using a list of 30,000 keys twice (measured in its Node build); 20,700 keys
 * passed. The dashboard sends the smaller of a selection and its complement, which for 41,352
 * towns is at most 20,676; anything longer is refused with a message rather than risked.
 */
export const MAX_SCOPE_KEYS = 20_700;

/** The selection as the shorter of itself and what it leaves out of `all`. */
export function compactSelection(towns: TownScope, all: readonly string[]): Pick<Scope, 'towns' | 'exclude'> {
  if (towns === null || towns.length <= all.length / 2) return { towns };
  const chosen = new Set(towns);
  return { towns: null, exclude: all.filter((k) => !chosen.has(k)) };
}

/** What a per-unit query compares: units of a level, within the scope. */
export interface Frame extends Scope {
  level: Level;
}

export const KEY_SEPARATOR = '\u001f';

/**
 * ` AND …` conditions for a scope, over a table with town_key, town_code and county columns
 * (`t.` prefixed when `prefix` is given).
 */
export function scopeSql(scope: Scope, prefix = ''): { sql: string; params: Param[] } {
  let sql = '';
  const params: Param[] = [];
  const p = prefix ? `${alias(prefix)}.` : '';
  if (scope.within !== null) {
    const level = levelOfArea(scope.within);
    if (level === null) throw new Error(`非法区划范围：${scope.within}`);
    if (/^\d+$/.test(scope.within)) {
      sql += ` AND starts_with(${p}town_code, ?)`;
      params.push(scope.within);
    } else if (scope.within.startsWith('n:')) {
      // `n:` alone: the towns without a county name (未知县区)
      sql += ` AND ${p}town_code IS NULL AND coalesce(${p}county, '') = ?`;
      params.push(scope.within.slice(2));
    } else {
      sql += ` AND ${p}town_code IS NULL`;
    }
  }
  const keys = scope.towns ?? scope.exclude ?? null;
  if (keys !== null && keys.length > MAX_SCOPE_KEYS)
    throw new Error(`所选镇街过多（${keys.length.toLocaleString('zh-CN')} 个），请用“层级”和“范围”缩小后再选择，或选择“全部”`);
  if (scope.towns === null && scope.exclude && scope.exclude.length > 0) {
    sql += ` AND ${p}town_key NOT IN (SELECT unnest(string_split(?, chr(31))))`;
    params.push(scope.exclude.join(KEY_SEPARATOR));
  }
  if (scope.towns !== null) {
    // a semi-join on the unnested list: linear in towns × reports, where list_contains per row
    // took seconds for a selection of 41,351 towns over 290,000 reports
    sql += ` AND ${p}town_key IN (SELECT unnest(string_split(?, chr(31))))`;
    params.push(scope.towns.join(KEY_SEPARATOR));
  }
  return { sql, params };
}

/** The unit key of a level as an SQL expression (mirrors unitOf in model/levels.ts). */
export function unitSql(level: Level, prefix = ''): string {
  const p = prefix ? `${alias(prefix)}.` : '';
  switch (level) {
    case 'town':
      return `${p}town_key`;
    case 'county':
      return `CASE WHEN ${p}town_code IS NULL THEN 'n:' || coalesce(${p}county, '') ELSE substr(${p}town_code, 1, 6) END`;
    case 'city':
      return `coalesce(substr(${p}town_code, 1, 4), '?c')`;
    case 'province':
      return `coalesce(substr(${p}town_code, 1, 2), '?p')`;
  }
}

/** Aliases for computed columns come from code, never from users; check them anyway. */
export function alias(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`非法列别名：${name}`);
  return name;
}
