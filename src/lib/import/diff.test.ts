import { describe, expect, it } from 'vitest';
import { setFromReports } from '../ingest/columns.ts';
import type { Report } from '../model/report.ts';
import { findSetConflicts, shownIndex } from './compose-columns.ts';
import { conflictChanges, describeChange } from './diff.ts';

const report = (over: Partial<Report>): Report => ({
  county: '汶上县',
  town: '康驿镇',
  town_code: '370830106',
  year: 2025,
  layout: '2021',
  source: 'x',
  synthetic: false,
  metrics: {},
  ...over,
});

function changes(shown: Report, incoming: Report) {
  const set = setFromReports([incoming]);
  const scan = findSetConflicts(shownIndex(setFromReports([shown]), { reports: setFromReports([]), onlyImported: false }), set);
  expect(scan.conflicts).toHaveLength(1);
  return conflictChanges(scan.conflicts[0]!, set);
}

describe('conflictChanges', () => {
  it('lists old → new for the cells that differ, labelled from the catalogue, numbers formatted, empty as 未报告', () => {
    const c = changes(
      report({ synthetic: true, metrics: { pub_website: 1234, pub_board: 5, train_sessions: null, t2_fees_amount: 0.5, train_people: 80 } }),
      report({ metrics: { pub_website: 12345, pub_board: 5, train_sessions: 3, t2_fees_amount: null, train_people: null } }),
    );
    expect(c.filled.map(describeChange)).toEqual(['政府网站主动公开信息：1,234 → 12,345', '政务公开培训次数：未报告 → 3']);
    // only 整份替换 changes these: the file's cells are empty; and the report would no longer be 示例数据
    expect(c.replaceOnly.map(describeChange)).toEqual(['示例数据：是 → 否', '政务公开培训人次：80 → 未报告', '表二·行政事业性收费·本年收费金额（单位：万元）：0.5 → 未报告']);
  });

  it('names a change of layout, and one to no layout only under 整份替换', () => {
    expect(changes(report({ layout: '2019', metrics: { pub_website: 1 } }), report({ layout: '2021', metrics: { pub_website: 1 } })).filled.map(describeChange)).toEqual(['表式：2019 → 2021']);
    const toNone = changes(report({ layout: '2019', metrics: { pub_website: 1 } }), report({ layout: null, metrics: { pub_website: 2 } }));
    expect(toNone.filled.map(describeChange)).toEqual(['政府网站主动公开信息：1 → 2']);
    expect(toNone.replaceOnly.map(describeChange)).toEqual(['表式：2019 → 未填写']);
  });

  it('a file that fills its cells with the values shown changes nothing filled in', () => {
    const c = changes(report({ metrics: { pub_website: 7, pub_board: 2 } }), report({ metrics: { pub_website: 7 } }));
    expect(c.filled).toEqual([]);
    expect(c.replaceOnly.map(describeChange)).toEqual(['政务公开栏等线下公开信息：2 → 未报告']);
  });
});
