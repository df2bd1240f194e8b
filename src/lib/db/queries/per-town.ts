/**
 * Per-town values for one year: every town in scope (official order), with computed columns from
 * catalogue expressions. Towns without a report for the year come back with `reported` false and
 * empty values, so that charts can list them as 未报告 rather than drop them.
 */
import { toSql, type Expr } from '../../model/measures.ts';
import { REPORTS, TOWNS } from '../reports-table.ts';
import type { SqlClient } from '../sql.ts';
import { alias, scopeSql, type TownScope } from './scope.ts';

export interface TownRowBase {
  town_key: string;
  town: string;
  town_code: string | null;
  county: string;
  reported: boolean;
  synthetic: boolean | null;
  source: string | null;
}

export type TownRow<K extends string> = TownRowBase & Record<K, number | null>;

export async function perTown<K extends string>(
  sql: SqlClient,
  year: number,
  towns: TownScope,
  columns: Readonly<Record<K, Expr>>,
): Promise<TownRow<K>[]> {
  const scope = scopeSql(towns);
  const townScope = scopeSql(towns, 't.town_key');
  const cols = Object.entries<Expr>(columns).map(([k, e]) => `${toSql(e)} AS ${alias(k)}`);
  const out = Object.keys(columns).map((k) => `y.${alias(k)}`);
  return sql.query<TownRow<K>>(
    `WITH y AS (
       SELECT town_key, synthetic, source${cols.length > 0 ? ', ' + cols.join(', ') : ''}
       FROM ${REPORTS} WHERE year = ?${scope.sql}
     )
     SELECT t.town_key, t.town, t.town_code, t.county, y.town_key IS NOT NULL AS reported, y.synthetic, y.source
            ${out.length > 0 ? ', ' + out.join(', ') : ''}
     FROM ${TOWNS} t LEFT JOIN y ON y.town_key = t.town_key
     WHERE TRUE${townScope.sql}
     ORDER BY t.ord`,
    [year, ...scope.params, ...townScope.params],
  );
}
