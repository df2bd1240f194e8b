/** The embedded dataset parsed from data/reports and loaded into a Node DuckDB, for query tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { parseReportFile } from '../../ingest/parse-file.ts';
import { mergeFiles } from '../../ingest/merge.ts';
import type { Report } from '../../model/report.ts';
import { createReportsTable, insertReports } from '../reports-table.ts';
import type { SqlClient } from '../sql.ts';
import { nodeSql } from './node-sql.ts';

const dir = new URL('../../../../data/reports/', import.meta.url);

export function embeddedReports(): { reports: Report[]; issues: ReturnType<typeof mergeFiles>['issues'] } {
  const files = readdirSync(dir)
    .filter((f) => /\.(csv|json)$/.test(f))
    .sort()
    .map((f) => parseReportFile(f, readFileSync(new URL(f, dir), 'utf8'), { maxYear: 2026 }));
  return mergeFiles(files);
}

export async function embeddedDb(): Promise<{ sql: SqlClient; reports: Report[] }> {
  const sql = await nodeSql();
  await createReportsTable(sql);
  const { reports } = embeddedReports();
  await insertReports(sql, reports, 'embedded');
  return { sql, reports };
}
