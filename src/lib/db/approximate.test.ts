import { describe, expect, it } from 'vitest';
import { acceptApproximate, planImport, scanImport, NO_IMPORTED } from '../import/compose-columns.ts';
import { EMPTY_SET, setFromReports } from '../ingest/columns.ts';
import { reportKey, type Report } from '../model/report.ts';
import { approximateCells, replaceApproximate } from './approximate.ts';
import { nodeSql } from './testing/node-sql.ts';

const r = (town: string, metrics: Report['metrics']): Report => ({ county: '汶上县', town, town_code: null, year: 2025, layout: '2021', source: 'x', synthetic: false, metrics });

describe('approximate values', () => {
  it('are listed by town, year and metric, and read back for the metrics asked', async () => {
    const sql = await nodeSql();
    const a = r('甲镇', { pub_newmedia: 100 });
    await replaceApproximate(sql, new Map([[reportKey(a), ['pub_newmedia', 'train_people']]]));
    const key = reportKey(a).split('@')[0]!;
    expect(await approximateCells(sql, 2025, ['pub_newmedia', 'pub_website'])).toEqual(new Map([[key, ['pub_newmedia']]]));
    expect(await approximateCells(sql, 2024, ['pub_newmedia'])).toEqual(new Map());
    // a hostile metric id is a value, not SQL
    expect(await approximateCells(sql, 2025, ["x') OR TRUE --"])).toEqual(new Map());
    await replaceApproximate(sql, undefined);
    expect(await approximateCells(sql, 2025, ['pub_newmedia'])).toEqual(new Map());
  });

  it('follow the import: an added report brings its marks, a replacing one its own, a merge keeps the marks of cells left as they were', () => {
    const before = r('甲镇', { pub_newmedia: 100, train_people: 30 });
    const key = reportKey(before);
    const current = new Map([[key, ['pub_newmedia', 'train_people']]]);
    // the import fills pub_newmedia exactly, leaves train_people blank
    const incoming = setFromReports([r('甲镇', { pub_newmedia: 120 }), r('乙镇', { pub_website: 50 })]);
    const embedded = setFromReports([before]);
    const scan = scanImport(embedded, NO_IMPORTED, incoming, false);
    const merged = acceptApproximate(current, incoming, planImport(incoming, scan, new Map([[key, 'merge']])), new Map([[reportKey(r('乙镇', {})), ['pub_website']]]));
    expect(merged).toEqual(new Map([[key, ['train_people']], [reportKey(r('乙镇', {})), ['pub_website']]]));
    const replaced = acceptApproximate(current, incoming, planImport(incoming, scan, new Map([[key, 'replace']])), new Map());
    expect(replaced).toBeUndefined();
    expect(acceptApproximate(undefined, EMPTY_SET, planImport(EMPTY_SET, scanImport(EMPTY_SET, NO_IMPORTED, EMPTY_SET, false), new Map()), new Map())).toBeUndefined();
  });
});
