/**
 * For tests: a wide CSV like the benchmark's import file (generated reports of towns spread over
 * every province), built in memory so that tests never depend on files under bench-data/.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { wideCsvHeader, wideCsvRow } from '../../src/lib/ingest/write-csv.ts';
import { parseDivisions } from '../../src/lib/model/divisions.ts';
import { generateReports } from './generator.ts';

let cached: string | null = null;

/** Header and the first `rows` data rows (every 40th township of the country, 7 years each: 7,238 rows). */
export function benchLikeCsv(rows: number): string {
  if (cached === null) {
    const all = parseDivisions(readFileSync(new URL('../../data/divisions/townships_cn.csv', import.meta.url), 'utf8'));
    const picked = all.filter((_, i) => i % 40 === 0);
    const reports = [...generateReports(picked)].filter((r) => r.synthetic);
    cached = Papa.unparse([wideCsvHeader('id'), ...reports.map(wideCsvRow)], { newline: '\n' }) + '\n';
  }
  return cached.split('\n').slice(0, rows + 1).join('\n') + '\n';
}
