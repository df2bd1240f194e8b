import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../ingest/parse-file.ts';
import { METRICS } from '../model/catalogue.ts';
import { templateCsv, templateFileName, templateReports } from './template.ts';

const towns = [
  { town: '中都街道', town_code: '370830001', county: '汶上县' },
  { town: '康驿镇', town_code: '370830106', county: '汶上县' },
];

describe('template', () => {
  const csv = templateCsv(towns, 2025);

  it('is UTF-8 CSV with a BOM and 中文 headers, one row per town', () => {
    expect(csv.startsWith('\ufeff县（市、区）,镇街,区划代码,年度,表式,来源,示例数据,政府网站主动公开信息,')).toBe(true);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    // 示例数据 in Chinese, as everything a clerk reads
    expect(lines[1]!.startsWith('汶上县,中都街道,370830001,2025,2021,,否,')).toBe(true);
    expect(csv).not.toContain('false');
    expect(lines[0]!.split(',').length).toBe(7 + METRICS.length);
  });

  it('imported back untouched, its rows are blank: no report, one notice', () => {
    const parsed = parseReportFile('模板.csv', csv, { maxYear: 2026 });
    expect(parsed.reports).toEqual([]);
    expect(parsed.blank).toBe(2);
    expect(parsed.issues).toEqual([{ severity: 'info', file: '模板.csv', row: null, column: null, value: null, message: '2 行没有填写任何数值，未作为报告载入（第 2、3 行）' }]);
  });

  it('filled in for one town, imports that town with its identity (the empty 来源 becomes the file name)', () => {
    const lines = csv.split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[2]!.split(',');
    cells[header.indexOf('政府网站主动公开信息')] = '12';
    lines[2] = cells.join(',');
    const parsed = parseReportFile('模板.csv', lines.join('\n'), { maxYear: 2026 });
    expect(parsed.issues.map((i) => i.message)).toEqual(['1 行没有填写任何数值，未作为报告载入（第 2 行）']);
    const expected = {
      ...templateReports(towns, 2025)[1]!,
      source: '模板.csv',
      metrics: Object.fromEntries(METRICS.map((m) => [m.id, m.id === 'pub_website' ? 12 : null])),
    };
    expect(parsed.reports).toEqual([expected]);
  });

  it('a name Excel would take for a formula is written as text and read back as it was', () => {
    const odd = templateCsv([{ town: '=HYPERLINK("http://x","y")', town_code: null, county: '+县' }], 2025);
    const line = odd.split('\r\n')[1]!;
    expect(line.startsWith(`'+县,"'=HYPERLINK(""http://x"",""y"")",,2025,`)).toBe(true);
    const filled = odd.replace(/,否,,/, ',否,5,');
    const parsed = parseReportFile('模板.csv', filled, { maxYear: 2026 });
    expect(parsed.reports.map((r) => [r.county, r.town, r.metrics.pub_website])).toEqual([['+县', '=HYPERLINK("http://x","y")', 5]]);
  });

  it('has a meaningful file name', () => {
    expect(templateFileName(['汶上县'], 2025)).toBe('汶上县_2025年_政务公开年报数据模板.csv');
  });
});
