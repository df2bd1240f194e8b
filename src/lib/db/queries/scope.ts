/**
 * The town filter as SQL: no condition for 全部, else one bound parameter holding the selected
 * town keys joined by U+001F (a character the importer never lets into a name).
 */
import type { Param } from '../sql.ts';

/** Selected town keys, or null for 全部. */
export type TownScope = readonly string[] | null;

export const KEY_SEPARATOR = '\u001f';

export function scopeSql(towns: TownScope, column = 'town_key'): { sql: string; params: Param[] } {
  if (towns === null) return { sql: '', params: [] };
  return { sql: ` AND list_contains(string_split(?, chr(31)), ${column})`, params: [towns.join(KEY_SEPARATOR)] };
}

/** Aliases for computed columns come from code, never from users; check them anyway. */
export function alias(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`非法列别名：${name}`);
  return name;
}
