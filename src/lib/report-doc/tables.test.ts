import { describe, expect, it } from 'vitest';
import { T3_ROWS, t3Id } from '../model/tables.ts';
import { textToLines, tokenize } from './cells.ts';
import { decideLayout, type LayoutEvidence } from './layout.ts';
import { parseReportText } from './parse.ts';
import { findRegions } from './sections.ts';
import { readTable2, t2LayoutFromHeaders, t2LayoutFromRows } from './table2.ts';
import { readTable3, table3Result } from './table3.ts';
import { readTable4 } from './table4.ts';

const tokens = (text: string) => tokenize(textToLines(text));
/** One row, one cell per line, the way the text export writes it. */
const row = (...cells: (string | number)[]) => cells.map((c) => `\t${c}\n`).join('') + '\n';
const Z7 = [0, 0, 0, 0, 0, 0, 0];

describe('table 二: layout from the headers, rows by label', () => {
  it.each<[string, string, '2019' | '2021' | null]>([
    ['2019 headers', row('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'), '2019'],
    ['2021 headers', row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'), '2021'],
    ['2021 fee header', row('信息内容', '本年收费金额（单位：万元）'), '2021'],
    ['2019 item headers', row('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'), '2019'],
    ['no headers', row('规章', 0, 0, 0), null],
    ['both', row('本年新制作数量', '本年制发件数'), null],
  ])('%s', (_, text, layout) => expect(t2LayoutFromHeaders(tokens(text))).toBe(layout));

  it.each<[string, string, '2019' | '2021' | null]>([
    ['其他对外管理服务事项 is 2019', row('规章', 0, 0, 0) + row('其他对外管理服务事项', 0, 0, 0), '2019'],
    ['行政许可 with three values is 2019', row('行政许可', 1, 0, 3), '2019'],
    ['行政许可 with one value is 2021', row('行政许可', 3) + row('行政处罚', 2), '2021'],
    ['nothing to tell', row('规章', 0, 0, 0), null],
  ])('without headers: %s', (_, text, layout) => expect(t2LayoutFromRows(tokens(text))).toBe(layout));

  it('reads label variants and one-line rows, and says what is missing or short', () => {
    const text = '\t规章\t0\t0\t0\n\n' + row('规范性文件', 1, '—', 3) + '行政许可 7\n' + row('行政处罚', 2) + row('行政事业性收费', '0.5');
    const r = readTable2(tokens(text), '2021');
    expect(r.values).toEqual({
      t2_rules_issued: 0,
      t2_rules_repealed: 0,
      t2_rules_in_force: 0,
      t2_normative_issued: 1,
      t2_normative_in_force: 3,
      t2_license_decisions: 7,
      t2_penalty_decisions: 2,
      t2_fees_amount: 0.5,
    });
    expect(r.provenance.t2_normative_issued).toEqual({ kind: 'table', table: '二', row: '规范性文件', column: '本年制发件数' });
    expect(r.warnings).toEqual(['表二缺少「行政强制」行']);
    expect(readTable2(tokens(row('规章', 0, 0)), '2019').warnings[0]).toBe('表二「规章」行只读到 2 个数，应有 3 个');
  });
});

/** A table 三 in the text export's shape, from [label cells, values] rows. */
const t3Text = (rows: [string[], (string | number)[]][]) =>
  row('申请人情况') + row('', '自然人', '法人或其他组织', '总计') + row('', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '') + rows.map(([labels, values]) => row(...labels, ...values)).join('');

describe('table 三: rows by label', () => {
  it.each([['3.危及“三安全一稳定”'], ['3.危及"三安全一稳定"'], ['3.危及「三安全一稳定」'], ['危及三安全一稳定'], ['３．危及 “三安全一稳定”']])('%s', (label) => {
    const read = readTable3(tokens(t3Text([[['（一）予以公开'], Z7], [['', '（三）不予公开', '1.属于国家秘密'], Z7], [['', '', label], [1, 0, 0, 0, 0, 0, 1]]])));
    const r = table3Result(read, '2019');
    expect(r.values[t3Id('deny_safety', 'person')]).toBe(1);
    expect(r.values[t3Id('deny_safety', 'total')]).toBe(1);
  });

  it('header cells 其他 and 总计 are not rows; the printed column labels are kept', () => {
    const text = row('申请人情况') + row('', '自然人', '法人或其他组织', '总计') + row('', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他组织', '') + row('本年新收政府信息公开申请数量', 1, 0, 0, 0, 0, 2, 3);
    const r = table3Result(readTable3(tokens(text)), '2019');
    expect(r.values).toEqual(Object.fromEntries([1, 0, 0, 0, 0, 2, 3].map((v, i) => [t3Id('new', ['person', 'business', 'research', 'ngo', 'legal', 'org_other', 'total'][i] as 'person'), v])));
    expect(r.provenance[t3Id('new', 'org_other')]).toEqual({ kind: 'table', table: '三', row: '本年新收政府信息公开申请数量', column: '其他组织' });
  });

  it('layout 2021: （六）其他处理 is the sum of its sub-rows where they are all stated', () => {
    const read = readTable3(
      tokens(
        t3Text([
          [['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], [1, 0, 0, 0, 0, 0, 1]],
          [['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], [0, 1, '', 0, 0, 0, 1]],
          [['', '', '3.其他'], [2, 0, 0, 0, 0, 0, 2]],
        ]),
      ),
    );
    expect(read.subRows).toBe(true);
    const r = table3Result(read, '2021');
    expect(['person', 'business', 'research', 'total'].map((c) => r.values[t3Id('other', c as 'person')])).toEqual([3, 1, undefined, 4]);
    expect(r.provenance[t3Id('other', 'person')]).toEqual({ kind: 'table', table: '三', row: '（六）其他处理（三个子项之和）', column: '自然人' });
  });

  it('a printed 其他处理 row is kept as printed, next to its sub-rows', () => {
    const read = readTable3(tokens(t3Text([[['（六）其他处理'], [5, 0, 0, 0, 0, 0, 5]], [['1.申请人无正当理由逾期不补正'], [1, 0, 0, 0, 0, 0, 1]]])));
    const r = table3Result(read, '2021');
    expect(r.values[t3Id('other', 'person')]).toBe(5);
    expect(r.values[t3Id('other_no_correction', 'person')]).toBe(1);
  });

  it('says which rows are missing: one by one, or where the table stops', () => {
    const all = T3_ROWS.filter((r) => r.layouts.includes('2019'));
    const rows = (skip: string[]) =>
      all.filter((r) => !skip.includes(r.id)).map((r): [string[], number[]] => [['', r.label], Z7]);
    const warn = (skip: string[]) => table3Result(readTable3(tokens(t3Text(rows(skip)))), '2019').warnings;
    expect(warn([])).toEqual([]);
    expect(warn(['total'])).toEqual(['表三缺少「（七）总计」行']);
    expect(warn(['deny_law', 'carried_out'])).toEqual(['表三缺少「（三）不予公开 2.其他法律行政法规禁止公开」行', '表三缺少「四、结转下年度继续办理」行']);
    expect(warn(['other', 'total', 'carried_out'])).toEqual([
      '表三在「（五）不予处理 5.要求行政机关确认或重新出具已获取信息」行之后中断，缺少其后 3 行（「（六）其他处理」至「四、结转下年度继续办理」）',
    ]);
  });
});

describe('table 四: 15 numbers', () => {
  const header = row('行政复议', '行政诉讼') + row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉');
  it.each<[string, string, (number | null)[], string[]]>([
    ['one row of 15', header + row(1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0), [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0], []],
    ['on one line', header + '\t1 0 0 1 2 0 1 0 0 1 0 0 0 0 0\n', [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0], []],
    ['blank and dash cells', header + row('', 0, '—', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), [null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], []],
    [
      'labelled rows',
      header + row('行政复议', 1, 0, 0, 0, 1) + '未经复议直接起诉 0 1 0 0 1\n' + row('复议后起诉', 0, 0, 0, 0, 0),
      [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0],
      [],
    ],
    ['short', header + row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null], ['表四只读到 10 个数，应有 15 个']],
    ['too many', header + row(...Array<number>(16).fill(0)), Array<number>(15).fill(0), ['表四读到 16 个数，多于 15 个，只取前 15 个']],
    ['blank spacer cells around the row', header + row('', ...Array<number>(15).fill(0), ''), Array<number>(15).fill(0), []],
  ])('%s', (_, text, values, warnings) => {
    const r = readTable4(tokens(text));
    const ids = ['review', 'suit_direct', 'suit_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `t4_${b}_${c}`));
    expect(ids.map((id) => r.values[id] ?? null)).toEqual(values);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('regions: headings, or a label only that table has', () => {
  it.each<[string, string, Record<string, [number, number, boolean]>]>([
    ['numbered headings', '二、主动公开政府信息情况\n\t规章\n三、收到和处理政府信息公开申请情况\n\t0\n四、政府信息公开行政复议、行政诉讼情况\n\t0\n五、存在的主要问题及改进情况\n', { 二: [0, 2, true], 三: [2, 4, true], 四: [4, 6, true] }],
    ['（二） and 和', '（二）主动公开政府信息情况\n\t0\n（四）政府信息公开行政复议和行政诉讼情况\n\t0\n', { 二: [0, 2, true], 四: [2, 5, true] }],
    ['a sentence naming the sections is not a heading', '本报告内容包括主动公开政府信息情况、收到和处理政府信息公开申请情况。\n', {}],
    ['no headings: anchors', '\t第二十条第（一）项\n\t申请人情况\n\t行政复议\n\t结果维持\n', { 二: [0, 1, false], 三: [1, 2, false], 四: [2, 5, false] }],
  ])('%s', (_, text, want) => {
    const regions = findRegions(textToLines(text));
    expect(Object.fromEntries(Object.entries(regions).map(([k, r]) => [k, [r.start, r.end, r.headed]]))).toEqual(want);
  });
});

describe('decideLayout: from labels, never from the year', () => {
  const none: LayoutEvidence = { t2Headers: null, t2Rows: null, t3SubRows: false, t3OtherRow: false, anyTable: true };
  it.each<[string, Partial<LayoutEvidence>, '2019' | '2021' | null, number]>([
    ['table 二 headers 2019', { t2Headers: '2019', t3OtherRow: true }, '2019', 0],
    ['table 二 headers 2021', { t2Headers: '2021', t3SubRows: true }, '2021', 0],
    ['sub-rows of （六） without table 二', { t3SubRows: true }, '2021', 0],
    ['table 二 rows', { t2Rows: '2019' }, '2019', 0],
    ['（六） as one row', { t3OtherRow: true }, '2019', 0],
    ['2019 headers but 2021 sub-rows', { t2Headers: '2019', t3SubRows: true }, '2019', 1],
    ['2021 headers but one 其他处理 row', { t2Headers: '2021', t3OtherRow: true }, '2021', 1],
    ['nothing to tell', {}, null, 1],
    ['no tables', { anyTable: false }, null, 0],
  ])('%s', (_, e, layout, warnings) => {
    const d = decideLayout({ ...none, ...e });
    expect(d.layout).toBe(layout);
    expect(d.warnings).toHaveLength(warnings);
  });

  it('a 2021 report printed with the 2019 tables is layout 2019', () => {
    const text = '康驿镇人民政府2021年政府信息公开工作年度报告\n国办公开办函〔2021〕30号\n二、主动公开政府信息情况\n' + row('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量') + row('规章', 0, 0, 0);
    expect(parseReportText(text, 'x.txt').report.layout).toBe('2019');
  });
});
