import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_IDS } from '../model/catalogue.ts';
import { IDENTITY_FIELDS, type MetricValues, type Report } from '../model/report.ts';
import { parseReportFile } from './parse-file.ts';
import { toWideCsv, wideCsvHeader, wideCsvLabelRow, wideCsvRow } from './write-csv.ts';

const parse = (file: string, text: string) => parseReportFile(file, text, { maxYear: 2026 });

const ROOT = new URL('../../../', import.meta.url);
const readData = (p: string): string => readFileSync(new URL(p, ROOT), 'utf8');

/** Every catalogue metric, null unless given: what a parsed wide CSV holds. */
const allMetrics = (given: MetricValues = {}): MetricValues => {
  const out: MetricValues = {};
  for (const id of METRIC_IDS) out[id] = given[id] ?? null;
  return out;
};

const report = (over: Partial<Report>): Report => ({
  county: '汶上县',
  town: '康驿镇',
  town_code: null,
  year: 2021,
  layout: null,
  source: 'x.csv',
  synthetic: false,
  ...over,
  metrics: allMetrics(over.metrics),
});

const REPORTS: Report[] = [
  report({
    town: '康驿镇',
    town_code: '370830106',
    year: 2021,
    layout: '2019',
    source: '000_75c809bd29ead2fa.txt',
    metrics: { pub_newmedia: 499, pub_website: 13, t2_license_change: -2, t2_procurement_amount: 14.55, t3_new_total: 0 },
  }),
  report({
    town: '南旺镇,东片',
    year: 2022,
    layout: '2021',
    source: 'https://example.org/report?id=1,2&x="y"',
    synthetic: true,
    metrics: { t2_rules_issued: 0, t2_fees_amount: 0.35, t3_other_misc_total: 2, t4_review_total: 2_000_000_000 },
  }),
  report({ county: '汶上县, 济宁市', town: '义桥镇 "示例"', year: 2008, metrics: { pub_board: 5 } }),
  report({ town: 'A "B", C', year: 2026, metrics: { pub_other: 0, train_people: 80 } }),
  report({ town: '"引号开头', year: 2020, layout: '2019', metrics: { t2_fees_change: -1 } }),
];

describe('wideCsvHeader', () => {
  it('is the identity fields then every catalogue metric, by id', () => {
    expect(wideCsvHeader()).toEqual(['county', 'town', 'town_code', 'year', 'layout', 'source', 'synthetic', ...METRIC_IDS]);
    expect(wideCsvHeader('id')).toEqual(wideCsvHeader());
  });

  it('or by 中文 label', () => {
    const h = wideCsvHeader('label');
    expect(h).toHaveLength(IDENTITY_FIELDS.length + METRICS.length);
    expect(h.slice(0, 7)).toEqual(['县（市、区）', '镇街', '区划代码', '年度', '表式', '来源', '示例数据']);
    expect(h.slice(7)).toEqual(METRICS.map((m) => m.label));
    expect(new Set(h).size).toBe(h.length);
  });
});

describe('wideCsvRow', () => {
  it('writes null, missing and zero differently', () => {
    const r: Report = { ...report({}), metrics: { pub_website: 0, pub_board: null, t2_fees_amount: 1.5, t2_penalty_change: -3 } };
    const row = wideCsvRow(r);
    const at = (id: string) => row[7 + METRIC_IDS.indexOf(id)];
    expect(row).toHaveLength(7 + METRIC_IDS.length);
    expect(row.slice(0, 7)).toEqual(['汶上县', '康驿镇', '', '2021', '', 'x.csv', 'false']);
    expect(at('pub_website')).toBe('0');
    expect(at('pub_board')).toBe('');
    expect(at('pub_newmedia')).toBe('');
    expect(at('t2_fees_amount')).toBe('1.5');
    expect(at('t2_penalty_change')).toBe('-3');
  });

  it('writes the identity of a full report', () => {
    expect(wideCsvRow(REPORTS[1]!).slice(0, 7)).toEqual([
      '汶上县',
      '南旺镇,东片',
      '',
      '2022',
      '2021',
      'https://example.org/report?id=1,2&x="y"',
      'true',
    ]);
    expect(wideCsvRow(REPORTS[0]!).slice(0, 7)).toEqual(['汶上县', '康驿镇', '370830106', '2021', '2019', '000_75c809bd29ead2fa.txt', 'false']);
  });

  it('writes 示例数据 as 是/否 beside 中文 headers (files for people), true/false beside ids', () => {
    expect(wideCsvLabelRow(REPORTS[1]!)[6]).toBe('是');
    expect(wideCsvLabelRow(REPORTS[0]!)[6]).toBe('否');
    expect(wideCsvLabelRow(REPORTS[1]!).slice(7)).toEqual(wideCsvRow(REPORTS[1]!).slice(7));
    const text = toWideCsv(REPORTS, { headers: 'label', bom: true });
    const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, '').trimEnd(), { header: false }).data;
    expect(rows.slice(1).map((r) => r[6])).toEqual(['否', '是', '否', '否', '否']);
    expect(text).not.toMatch(/,(true|false),/);
    expect(toWideCsv(REPORTS).split('\n')[2]).toContain(',true,');
  });
});

describe('toWideCsv', () => {
  it('writes a header line and one line per report, ending with a newline', () => {
    const text = toWideCsv(REPORTS.slice(0, 1));
    expect(text.startsWith('county,town,town_code,year,layout,source,synthetic,pub_website,')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.includes('\r')).toBe(false);
  });

  it('with no reports writes only the header', () => {
    expect(toWideCsv([])).toBe(wideCsvHeader().join(',') + '\n');
    expect(toWideCsv([], { headers: 'label' })).toBe(wideCsvHeader('label').join(',') + '\n');
  });

  it.each<[boolean | undefined, boolean]>([
    [undefined, false],
    [false, false],
    [true, true],
  ])('bom: %s → BOM at the start: %s', (bom, expected) => {
    const text = toWideCsv(REPORTS, bom === undefined ? {} : { bom });
    expect(text.startsWith('\ufeff')).toBe(expected);
    expect(text.indexOf('\ufeff', 1)).toBe(-1);
  });

  it('quotes fields with commas and quotes, so that any CSV reader gets the same cells back', () => {
    const text = toWideCsv(REPORTS);
    expect(text).toContain('"南旺镇,东片"');
    expect(text).toContain('"义桥镇 ""示例"""');
    expect(text).toContain('"A ""B"", C"');
    const rows = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
    expect(rows).toEqual([wideCsvHeader(), ...REPORTS.map(wideCsvRow)]);
  });
});

describe('round trip: toWideCsv then parseReportFile gives the same reports', () => {
  it.each<['id' | 'label', boolean]>([
    ['id', false],
    ['id', true],
    ['label', false],
    ['label', true],
  ])('headers %s, BOM %s', (headers, bom) => {
    const p = parse('out.csv', toWideCsv(REPORTS, { headers, bom }));
    expect(p.issues).toEqual([]);
    expect(p.rejected).toBe(0);
    expect(p.reports).toEqual(REPORTS);
  });

  it('keeps null apart from 0 for every metric', () => {
    const zeros = report({ metrics: Object.fromEntries(METRIC_IDS.map((id) => [id, 0])) });
    const nulls = report({ year: 2022, metrics: { train_people: 0 } });
    const none = report({ year: 2023 });
    const p = parse('out.csv', toWideCsv([zeros, nulls, none]));
    expect(p.reports[0]?.metrics).toEqual(Object.fromEntries(METRIC_IDS.map((id) => [id, 0])));
    expect(p.reports[1]?.metrics).toEqual(Object.fromEntries(METRIC_IDS.map((id) => [id, id === 'train_people' ? 0 : null])));
    // a report without any value is written, but read back it is a blank row, not a report
    expect(p.reports).toHaveLength(2);
    expect(p.blank).toBe(1);
  });

  it('a town name with a newline stays one record; whitespace in names is normalised to one space on reading', () => {
    const multiline = report({ town: '康驿镇\n（北片）, "东"', year: 2023, metrics: { pub_website: 1 } });
    const text = toWideCsv([REPORTS[0]!, multiline, REPORTS[2]!]);
    expect(text).toContain('"康驿镇\n（北片）, ""东"""');
    const p = parse('out.csv', text);
    expect(p.issues).toEqual([]);
    // NFKC and whitespace normalisation in record.ts: newline → space, （） → ()
    expect(p.reports.map((r) => r.town)).toEqual(['康驿镇', '康驿镇 (北片), "东"', '义桥镇 "示例"']);
    expect(p.reports[1]).toEqual({ ...multiline, town: '康驿镇 (北片), "东"' });
    expect(p.reports[2]).toEqual(REPORTS[2]);
  });

  it('is stable: writing what was read and reading it again changes nothing', () => {
    const once = parse('out.csv', toWideCsv([report({ town: ' 康驿\n镇 ', county: '汶上县（示例）', year: 2024, metrics: { pub_website: 1 } })])).reports;
    expect(once).toHaveLength(1);
    const twice = parse('out.csv', toWideCsv(once, { headers: 'label', bom: true })).reports;
    expect(twice).toEqual(once);
  });

  it.each<['id' | 'label', boolean]>([
    ['id', false],
    ['label', true],
  ])('the embedded sample CSV survives a round trip (headers %s, BOM %s)', (headers, bom) => {
    const first = parse('wenshang_sample_2019-2025.csv', readData('data/reports/wenshang_sample_2019-2025.csv'));
    expect(first.reports).toHaveLength(104);
    const again = parse('wenshang_sample_2019-2025.csv', toWideCsv(first.reports, { headers, bom }));
    expect(again.issues).toEqual([]);
    expect(again.reports).toEqual(first.reports);
  });

  it('the real 康驿镇 2021 JSON report survives a round trip through wide CSV', () => {
    const first = parse('kangyi_2021.json', readData('data/reports/kangyi_2021.json'));
    expect(first.reports).toHaveLength(1);
    const again = parse('kangyi_2021.csv', toWideCsv(first.reports, { headers: 'label', bom: true }));
    expect(again.issues).toEqual([]);
    expect(again.reports).toEqual(first.reports);
    expect(again.reports[0]?.source).toBe('000_75c809bd29ead2fa.txt');
  });
});
