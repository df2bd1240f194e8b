/**
 * JSON: an array of {county, town, town_code, year, layout, source, synthetic, metrics: {id: number|null}}.
 */
import { findMetric } from '../model/catalogue.ts';
import { IDENTITY_FIELDS } from '../model/report.ts';
import { issue, type IngestIssue } from './issues.ts';
import type { RawRecord, RecordsRead } from './record.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function jsonRecords(text: string, file: string): RecordsRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { records: [], issues: [issue('error', file, `不是有效的 JSON：${(e as Error).message}`)], skipped: 0 };
  }
  if (isObject(data) && Array.isArray(data.reports)) data = data.reports;
  if (!Array.isArray(data)) {
    return { records: [], issues: [issue('error', file, 'JSON 应为报告记录组成的数组：[{town, year, metrics: {…}}, …]')], skipped: 0 };
  }
  const issues: IngestIssue[] = [];
  const records: RawRecord[] = [];
  let skipped = 0;
  data.forEach((item, i) => {
    const row = i + 1;
    if (!isObject(item)) {
      issues.push(issue('error', file, '这条记录不是对象', { row }));
      skipped++;
      return;
    }
    const rec: RawRecord = { row, identity: {}, metrics: [] };
    for (const f of IDENTITY_FIELDS) {
      if (f.id in item) rec.identity[f.id] = { column: f.id, raw: item[f.id] };
    }
    const known = new Set<string>([...IDENTITY_FIELDS.map((f) => f.id), 'metrics']);
    for (const key of Object.keys(item)) {
      if (!known.has(key)) issues.push(issue('warning', file, '未使用的字段', { row, column: key }));
    }
    const metrics = item.metrics ?? {};
    if (!isObject(metrics)) {
      issues.push(issue('error', file, 'metrics 应为 {指标编号: 数值} 形式的对象', { row, column: 'metrics' }));
      skipped++;
      return;
    }
    let bad = false;
    const seen = new Map<string, string>();
    for (const [key, raw] of Object.entries(metrics)) {
      const def = findMetric(key);
      if (!def) {
        issues.push(issue('error', file, '不认识的指标', { row, column: `metrics.${key}` }));
        bad = true;
        continue;
      }
      // The same metric by its id and by its label: one value would silently replace the other.
      const first = seen.get(def.id);
      if (first !== undefined) {
        issues.push(issue('error', file, `与 metrics.${first} 是同一指标，重复`, { row, column: `metrics.${key}` }));
        bad = true;
        continue;
      }
      seen.set(def.id, key);
      rec.metrics.push({ def, cell: { column: `metrics.${key}`, raw } });
    }
    if (bad) skipped++;
    else records.push(rec);
  });
  return { records, issues, skipped };
}
