import { describe, expect, it } from 'vitest';
import { evaluate, measure, sqlIdent, toSql } from './measures.ts';
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
  it('ratio is empty when the denominator is zero', () => {
    const expr = { op: 'ratio', num: { op: 'metric', id: 't3_open_total' }, den: { op: 'metric', id: 't3_total_total' } } as const;
    expect(evaluate(expr, report({ t3_open_total: 1, t3_total_total: 0 }))).toBeNull();
    expect(evaluate(expr, report({ t3_open_total: 1, t3_total_total: 4 }))).toBe(0.25);
  });
});
