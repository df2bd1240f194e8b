/**
 * 总览's 主动公开 card: the query of what the total holds beyond its four channels
 * (publicationSplit), and the card's lines, which must add up to 主动公开总量.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../model/catalogue.ts';
import { aggregate, measure } from '../model/measures.ts';
import type { Report } from '../model/report.ts';
import type { Store } from '../db/store.ts';
import { embeddedDb, reportsDb } from '../db/testing/embedded.ts';
import { overviewData, publicationSplit } from '../db/queries/index.ts';
import { publicationParts } from './overview-cards.ts';

const report = (town: string, year: number, metrics: Record<string, number>): Report => ({
  county: '某县',
  town,
  town_code: null,
  year,
  layout: '2021',
  source: 'test',
  synthetic: false,
  metrics: { ...Object.fromEntries(METRICS.map((m) => [m.id, null])), ...metrics },
});

const YEAR = 2024;
const REPORTS = [
  report('渠道镇', YEAR, { pub_website: 10, pub_newmedia: 5 }), // channels only: 15
  report('总数镇', YEAR, { pub_total: 40 }), // 仅报总数: 40
  report('相符镇', YEAR, { pub_total: 7, pub_board: 3, pub_other: 4 }), // total = its channels
  report('多报镇', YEAR, { pub_total: 30, pub_website: 20 }), // total exceeds its one stated channel by 10
  report('少报镇', YEAR, { pub_total: 5, pub_newmedia: 8 }), // total below its channel by 3
  report('空白镇', YEAR, { train_sessions: 2 }), // no publication figure
  report('总数镇', YEAR - 1, { pub_total: 1000 }), // another year
];
const sumOf = (xs: readonly (number | null)[]) => xs.reduce<number>((a, v) => a + (v ?? 0), 0);

let sql: Store;
beforeAll(async () => {
  sql = await reportsDb(REPORTS);
}, 30_000);

describe('publicationSplit', () => {
  it('gives 仅报总数 and the difference between stated totals and their channels, for the year', async () => {
    expect(await publicationSplit(sql, YEAR, { within: null, towns: null })).toEqual({ totalOnly: 40, totalOnlyReports: 1, gap: 10 - 3, gapReports: 2 });
  });

  it('follows the town selection', async () => {
    expect(await publicationSplit(sql, YEAR, { within: null, towns: ['name:某县/渠道镇', 'name:某县/相符镇'] })).toEqual({
      totalOnly: null,
      totalOnlyReports: 0,
      gap: 0,
      gapReports: 0,
    });
    expect(await publicationSplit(sql, YEAR, { within: null, towns: null, exclude: ['name:某县/多报镇'] })).toMatchObject({ totalOnly: 40, gap: -3, gapReports: 1 });
  });

  it('is empty for a year without reports', async () => {
    expect(await publicationSplit(sql, 2010, { within: null, towns: null })).toEqual({ totalOnly: null, totalOnlyReports: 0, gap: 0, gapReports: 0 });
  });
});

describe('the 主动公开 card', () => {
  it('lists the channels, 仅报总数 and the difference, which add up to 主动公开总量', async () => {
    const data = await overviewData(sql, YEAR, { within: null, towns: null }, 6);
    const parts = publicationParts(data.current!.values, data.publication);
    expect(parts.map((p) => [p.label, p.value])).toEqual([
      [measure('pub_website').label, 30],
      [measure('pub_newmedia').label, 13],
      [measure('pub_board').label, 3],
      [measure('pub_other').label, 4],
      ['仅报总数', 40],
      ['总数与所报渠道之差', 7],
    ]);
    expect(parts.find((p) => p.label === '仅报总数')!.note).toBe('1 个镇街只报了总数，未分渠道');
    expect(sumOf(parts.map((p) => p.value))).toBe(data.current!.values.pub_volume);
    expect(data.current!.values.pub_volume).toBe(15 + 40 + 7 + 30 + 5);
  });

  it('lists no 仅报总数 or difference line when every total is split into its channels', () => {
    const parts = publicationParts({ pub_website: 1, pub_newmedia: 2, pub_board: null, pub_other: null }, { totalOnly: null, totalOnlyReports: 0, gap: 0, gapReports: 0 });
    expect(parts.map((p) => p.label)).toHaveLength(4);
  });

  it('adds up on the embedded data, for every year and a selection (a town there states only a total)', async () => {
    const { sql: db, reports } = await embeddedDb();
    let totalOnlySeen = false;
    for (let year = 2019; year <= 2025; year++) {
      for (const towns of [null, ['code:370830106', 'code:370830104', 'code:370830001']]) {
        const scope = { within: null, towns };
        const data = await overviewData(db, year, scope, 15);
        const parts = publicationParts(data.current!.values, data.publication);
        totalOnlySeen ||= parts.some((p) => p.label === '仅报总数');
        const inScope = reports.filter((r) => r.year === year && (towns === null || towns.includes(`code:${r.town_code}`)));
        expect(data.current!.values.pub_volume, `${year}`).toBe(aggregate(measure('pub_volume').expr, inScope));
        expect(sumOf(parts.map((p) => p.value)), `${year}`).toBe(data.current!.values.pub_volume);
      }
    }
    expect(totalOnlySeen).toBe(true);
  }, 30_000);
});
