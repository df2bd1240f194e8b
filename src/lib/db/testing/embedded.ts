/** The embedded dataset parsed from data/reports and loaded into a Node DuckDB, for query tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { parseReportFile } from '../../ingest/parse-file.ts';
import { mergeFiles } from '../../ingest/merge.ts';
import type { Report } from '../../model/report.ts';
import { createReportsTable, insertReports } from '../reports-table.ts';
import type { Store } from '../store.ts';
import { nodeSql } from './node-sql.ts';

const dir = new URL('../../../../data/reports/', import.meta.url);

export function embeddedReports(): { reports: Report[]; issues: ReturnType<typeof mergeFiles>['issues'] } {
  const files = readdirSync(dir)
    .filter((f) => /\.(csv|json)$/.test(f))
    .sort()
    .map((f) => parseReportFile(f, readFileSync(new URL(f, dir), 'utf8'), { maxYear: 2026 }));
  return mergeFiles(files);
}

/** A Node DuckDB holding just these reports, for query tests. */
export async function reportsDb(reports: readonly Report[], origin: 'embedded' | 'imported' = 'imported'): Promise<Store> {
  const sql = await nodeSql();
  await createReportsTable(sql);
  await insertReports(sql, reports, origin);
  return sql;
}

export async function embeddedDb(): Promise<{ sql: Store; reports: Report[] }> {
  const { reports } = embeddedReports();
  return { sql: await reportsDb(reports, 'embedded'), reports };
}
