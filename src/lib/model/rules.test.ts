import { describe, expect, it } from 'vitest';
import { METRICS } from './catalogue.ts';
import type { Report } from './report.ts';
import { checkAcrossYears, checkAll, checkReport } from './rules.ts';

/** A layout-2021 report with every table cell 0 and two applications from 自然人, both 予以公开. */
function cleanReport(year = 2022): Report {
  const metrics: Record<string, number | null> = {};
  for (const m of METRICS) metrics[m.id] = m.section === 'narrative' ? null : 0;
  for (const id of ['t2_rules_made', 't2_rules_published', 't2_rules_total']) metrics[id] = null;
  for (const c of ['person', 'total']) {
    metrics[`t3_new_${c}`] = 2;
    metrics[`t3_open_${c}`] = 2;
    metrics[`t3_total_${c}`] = 2;
  }
  metrics.text_applications = 2;
  return { county: '汶上县', town: '南旺镇', town_code: '370830102', year, layout: '2021', source: 't', synthetic: true, metrics };
}

const rulesOf = (r: Report) => checkReport(r).map((f) => f.rule);

describe('consistency rules', () => {
  it('a consistent report has no findings', () => {
    expect(checkReport(cleanReport())).toEqual([]);
  });

  it.each([
    ['R1', (m: Record<string, number | null>) => ((m.t3_carried_out_person = 1), (m.t3_carried_out_total = 1))],
    ['R2', (m: Record<string, number | null>) => ((m.t3_open_person = 1), (m.t3_open_total = 1))],
    ['R3', (m: Record<string, number | null>) => ((m.t3_other_misc_person = 1), (m.t3_other_misc_total = 1))],
    ['R5', (m: Record<string, number | null>) => (m.t4_review_upheld = 1)],
    ['R7', (m: Record<string, number | null>) => (m.t2_rules_issued = 1)],
    ['R8', (m: Record<string, number | null>) => (m.text_applications = 3)],
  ])('%s finds its break and nothing else', (rule, breakIt) => {
    const r = cleanReport();
    breakIt(r.metrics);
    const found = rulesOf(r);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set([rule]));
  });

  it('R4 names the row whose 总计 differs from the sum of applicant columns', () => {
    const r = cleanReport();
    r.metrics.t3_new_person = 1;
    r.metrics.t3_new_business = 1;
    expect(rulesOf(r)).toEqual(['R1', 'R1']); // person and business columns no longer balance
    r.metrics.t3_new_total = 3;
    const f = checkReport(r).filter((x) => x.rule === 'R4');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('本年新收申请');
    expect(f[0]!.cells).toContain('t3_new_total');
  });

  it('skips an equation when a cell is not reported: empty is not zero', () => {
    const r = cleanReport();
    r.metrics.t3_total_person = null;
    expect(checkReport(r)).toEqual([]);
  });

  it('R3 applies only to layout 2021', () => {
    const r = cleanReport();
    r.layout = '2019';
    r.metrics.t3_other_misc_person = 1;
    expect(rulesOf(r)).not.toContain('R3');
  });

  it('R7 flags negative and fractional counts', () => {
    const r = cleanReport();
    r.metrics.train_sessions = -1;
    r.metrics.t2_penalty_decisions = 1.5;
    expect(rulesOf(r)).toEqual(['R7', 'R7']);
  });

  it('R6 compares carried-out with next year’s carried-in, and in-force documents', () => {
    const a = cleanReport(2021);
    const b = cleanReport(2022);
    a.metrics.t3_carried_out_person = 1;
    a.metrics.t3_carried_out_total = 1;
    a.metrics.t3_new_person = 3;
    a.metrics.t3_new_total = 3;
    a.metrics.t2_normative_in_force = 5;
    b.metrics.t2_normative_issued = 2;
    b.metrics.t2_normative_repealed = 1;
    b.metrics.t2_normative_in_force = 7;
    const f = checkAcrossYears(a, b);
    expect(f.map((x) => x.cells[0])).toEqual(['t3_carried_in_person', 't3_carried_in_total', 't2_normative_issued']);
    expect(f[2]!.message).toContain('= 6');
    expect(checkAll([b, a]).filter((x) => x.rule === 'R6')).toHaveLength(3);
  });

  it('R6 is silent for years that are not consecutive', () => {
    const a = cleanReport(2019);
    a.metrics.t3_carried_out_person = 1;
    expect(checkAcrossYears(a, cleanReport(2022))).toEqual([]);
  });
});
