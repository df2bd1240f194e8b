import { describe, expect, it } from 'vitest';
import { aggregate, evaluate, exprMetrics, measure, MEASURES, sqlIdent, toSql } from './measures.ts';
import { isMetricId } from './catalogue.ts';
import type { Report } from './report.ts';

const report = (metrics: Record<string, number | null>): Report => ({
  county: '汶上县',
  town: '康驿镇',
  town_code: '370830106',
  year: 2021,
  layout: '2019',
  source: 't',
  synthetic: false,
  metrics,
});

describe('主动公开总量 (pub_volume)', () => {
  const volume = measure('pub_volume');
  it.each([
    ['the stated total wins', { pub_total: 500, pub_website: 1, pub_newmedia: 2 }, 500],
    ['else the sum of the channels', { pub_website: 13, pub_newmedia: 499, pub_board: 86 }, 598],
    ['empty channels are skipped, not zero', { pub_website: 13, pub_newmedia: null }, 13],
    ['a stated zero counts', { pub_website: 0 }, 0],
    ['nothing stated is 未报告', { pub_website: null, pub_total: null }, null],
    ['no keys at all is 未报告', {}, null],
  ])('%s', (_, metrics, expected) => {
    expect(evaluate(volume.expr, report(metrics))).toBe(expected);
  });

  it('compiles to SQL that references only catalogue columns', () => {
    const sql = toSql(volume.expr);
    expect(sql).toContain('"pub_total"');
    expect(sql).toContain('"pub_board"');
    expect(sql.startsWith('COALESCE(')).toBe(true);
  });
});

describe('measure()', () => {
  it('turns any catalogue metric into a measure', () => {
    expect(measure('train_sessions')).toMatchObject({ label: '政务公开培训次数', unit: '次' });
  });
  it('refuses identifiers outside the catalogue', () => {
    expect(() => sqlIdent('x"; DROP TABLE reports; --')).toThrow();
    expect(() => measure('x"; DROP TABLE reports; --')).toThrow();
  });
  it('ratio is not computable (NaN, shown as —) when the denominator is zero, empty when a term is empty', () => {
    const expr = { op: 'ratio', num: { op: 'metric', id: 't3_open_total' }, den: { op: 'metric', id: 't3_total_total' } } as const;
    expect(evaluate(expr, report({ t3_open_total: 1, t3_total_total: 0 }))).toBeNaN();
    expect(evaluate(expr, report({ t3_open_total: 0, t3_total_total: 0 }))).toBeNaN();
    expect(evaluate(expr, report({ t3_total_total: 0 }))).toBeNull();
    expect(evaluate(expr, report({ t3_open_total: 0 }))).toBeNull();
    expect(evaluate(expr, report({ t3_open_total: 1, t3_total_total: 4 }))).toBe(0.25);
  });
});

describe('derived measures and their empty-value rules', () => {
  const r = (metrics: Record<string, number | null>) => report(metrics);
  it.each([
    ['apps_received', { t3_new_total: 3 }, 3],
    ['apps_received', { t3_new_total: null }, null],
    ['apps_handled', { t3_total_total: 0 }, 0],
    ['open_rate', { t3_open_total: 2, t3_partial_total: 1, t3_total_total: 4 }, 0.75],
    ['open_rate', { t3_open_total: 2, t3_partial_total: null, t3_total_total: 4 }, 0.5],
    ['open_rate', { t3_open_total: 0, t3_partial_total: 0, t3_total_total: 0 }, NaN],
    ['open_rate', { t3_open_total: null, t3_partial_total: null, t3_total_total: 4 }, null],
    ['review_cases', { t4_review_total: 2 }, 2],
    ['suit_cases', { t4_suit_direct_total: 1, t4_suit_after_review_total: 2 }, 3],
    ['suit_cases', { t4_suit_direct_total: null, t4_suit_after_review_total: 0 }, 0],
    ['suit_cases', {}, null],
    ['review_correction_rate', { t4_review_corrected: 1, t4_review_total: 4 }, 0.25],
    ['review_correction_rate', { t4_review_corrected: 0, t4_review_total: 0 }, NaN],
    ['suit_correction_rate', { t4_suit_direct_corrected: 1, t4_suit_direct_total: 1, t4_suit_after_review_corrected: 0, t4_suit_after_review_total: 3 }, 0.25],
  ])('%s of %j is %s', (id, metrics, expected) => {
    expect(evaluate(measure(id).expr, r(metrics))).toBe(expected);
  });

  it('every derived measure states its rule for empty values and its format', () => {
    for (const m of MEASURES) {
      expect(m.rule).toMatch(/未报告|未填/);
      expect(['count', 'amount', 'percent']).toContain(m.format);
      for (const id of exprMetrics(m.expr)) expect(isMetricId(id)).toBe(true);
    }
  });

  it('a county total of a ratio is the sum of numerators over the sum of denominators, over towns that state both', () => {
    const towns = [
      r({ t3_open_total: 1, t3_partial_total: 0, t3_total_total: 1 }),
      r({ t3_open_total: 1, t3_partial_total: 1, t3_total_total: 4 }),
      r({ t3_open_total: 5, t3_partial_total: 0, t3_total_total: null }),
    ];
    expect(aggregate(measure('open_rate').expr, towns)).toBe(3 / 5);
    expect(aggregate(measure('apps_handled').expr, towns)).toBe(5);
    expect(aggregate(measure('apps_handled').expr, [r({})])).toBeNull();
  });
});
