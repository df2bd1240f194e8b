import { describe, expect, it } from 'vitest';
import { METRICS } from '../model/catalogue.ts';
import type { Report } from '../model/report.ts';
import { ruleWarnings } from './rule-warnings.ts';

/** A layout-2021 report with every table cell 0 and two applications from 自然人, both 予以公开. */
function clean(town = '南旺镇', year = 2022): Report {
  const metrics: Record<string, number | null> = {};
  for (const m of METRICS) metrics[m.id] = m.section === 'narrative' ? null : 0;
  for (const id of ['t2_rules_made', 't2_rules_published', 't2_rules_total']) metrics[id] = null;
  for (const c of ['person', 'total']) {
    metrics[`t3_new_${c}`] = 2;
    metrics[`t3_open_${c}`] = 2;
    metrics[`t3_total_${c}`] = 2;
  }
  metrics.text_applications = 2;
  return { county: '汶上县', town, town_code: null, year, layout: '2021', source: 't', synthetic: false, metrics };
}

const broken = (change: Record<string, number | null>, town?: string, year?: number): Report => {
  const r = clean(town, year);
  Object.assign(r.metrics, change);
  return r;
};

describe('ruleWarnings', () => {
  it('a consistent report gives no warning', () => {
    expect(ruleWarnings([clean()], 'a.csv')).toEqual([]);
  });

  it.each<[string, Record<string, number | null>, [string, string][]]>([
    [
      'R1',
      { t3_carried_out_person: 1, t3_carried_out_total: 1 },
      [
        ['t3_new_person', 'R1 表三「自然人」列'],
        ['t3_new_total', 'R1 表三「总计」列'],
      ],
    ],
    [
      'R2',
      { t3_open_person: 1, t3_open_total: 1 },
      [
        ['t3_total_person', 'R2 表三「自然人」列'],
        ['t3_total_total', 'R2 表三「总计」列'],
      ],
    ],
    [
      'R3',
      { t3_other_misc_person: 1, t3_other_misc_total: 1 },
      [
        ['t3_other_person', 'R3 表三「自然人」列'],
        ['t3_other_total', 'R3 表三「总计」列'],
      ],
    ],
    [
      'R4',
      { t3_new_total: 3, t3_open_total: 3, t3_total_total: 3, text_applications: 3 },
      [
        ['t3_new_total', 'R4 表三「本年新收申请」行'],
        ['t3_open_total', 'R4 表三「予以公开」行'],
        ['t3_total_total', 'R4 表三「办理总计」行'],
      ],
    ],
    ['R5', { t4_review_upheld: 1 }, [['t4_review_total', 'R5 表四「行政复议」']]],
    ['R7', { t2_rules_issued: 1 }, [['t2_rules_issued', 'R7 乡镇一级不制定规章']]],
    ['R8', { text_applications: 3 }, [['text_applications', 'R8 正文所述收到申请数 3，但表格中为 2']]],
  ])('%s: one warning per finding, column = first cell, message prefixed with town and year', (_rule, change, expected) => {
    const issues = ruleWarnings([clean(), broken(change, '康驿镇', 2021)], 'a.csv');
    expect(issues.map((i) => [i.severity, i.file, i.row, i.value])).toEqual(expected.map(() => ['warning', 'a.csv', null, null]));
    expect(issues.map((i) => i.column)).toEqual(expected.map(([column]) => column));
    issues.forEach((i, k) => expect(i.message.startsWith(`康驿镇 2021 年：${expected[k]![1]}`)).toBe(true));
  });

  it('keeps report order and never checks across years (R6)', () => {
    // A镇 2021 carries 1 application over, but A镇 2022 says it carried in 0: an R6 break, not checked here
    const a = broken({ t3_carried_out_person: 1, t3_carried_out_total: 1, t3_new_person: 3, t3_new_total: 3, text_applications: 3 }, 'A镇', 2021);
    const b = broken({ text_applications: 9 }, 'B镇', 2022);
    const c = broken({ t2_rules_issued: 2 }, 'C镇', 2020);
    const issues = ruleWarnings([b, clean('A镇', 2022), a, c], 'x.csv');
    expect(issues.map((i) => i.message.slice(0, 14))).toEqual(['B镇 2022 年：R8 正', 'C镇 2020 年：R7 乡']);
  });
});

describe('rows in rule warnings', () => {
  it('names the row the report was read from', () => {
    const w = ruleWarnings([broken({ t4_review_upheld: 1 })], 'f.csv', [5]);
    expect(w.length).toBeGreaterThan(0);
    expect(w.every((i) => i.row === 5)).toBe(true);
  });
});
