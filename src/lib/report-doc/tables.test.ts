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

  it('a short row among others is read from the left with a doubt; a report cut off inside its last row is not', () => {
    const mid = readTable2(tokens(row('规章', 0, 0, 0) + row('规范性文件', 4, 6) + row('行政许可', 12, 3, 40)), '2019');
    expect(mid.values.t2_normative_published).toBe(6);
    expect(mid.values.t2_normative_total).toBeUndefined();
    expect(mid.provenance.t2_normative_made!.doubt).toBe('该行只有 2 个数（应有 3 个），所在的列无法确定，按从左到右计');
    expect(mid.provenance.t2_license_prev!.doubt).toBeUndefined();
    const cut = readTable2(tokens(row('规章', 0, 0, 0) + row('规范性文件', 4, 6)), '2019');
    expect(cut.provenance.t2_normative_made!.doubt).toBeUndefined();
  });
});

describe('table 二: renderings and variants met on portals', () => {
  const H2019 = row('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量');
  const H2021 = row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数');

  it.each<[string, string, '2019' | '2021' | null]>([
    ['cut short', row('信息内容', '本年新', '本年新', '对外公开总数量'), '2019'],
    ['cut short, 2021', row('信息内容', '本年制', '本年废', '现行有效'), '2021'],
    ['printed twice', row('信息内容', '本年制发件数本年制发件数'), '2021'],
    ['with notes', row('信息内容', '上一年项目数量（指2019年事项数）', '处理决定数量（指2020年办件量）'), '2019'],
    ['flattened onto one label', '\t第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数\n', '2021'],
    ['处理决定数量 alone names neither', row('信息内容', '处理决定数量'), null],
    ['run together into one cell', '信息内容本年制发件数本年废止件数现行有效件数\n规章000\n', '2021'],
    ['run together, 2019', '信息内容上一年项目数量本年增/减处理决定数量\n', '2019'],
    ['run together: 本年处理决定数量 holds 处理决定数量, still 2021', '信息内容本年处理决定数量\n', '2021'],
    ['run together, both layouts named', '本年新制作数量本年制发件数\n', null],
  ])('layout from headers %s', (_, text, layout) => expect(t2LayoutFromHeaders(tokens(text))).toBe(layout));

  it('a row padded with empty cells keeps its value; a blank among numbers is 0 with a doubt', () => {
    const r = readTable2(tokens(H2021 + row('规章', 0, '', 0) + row('行政规范性文件', 3, 1, 9, '', '') + row('行政许可', 146, '', '', '') + row('行政处罚', 27) + row('行政强制', '—') + row('行政事业性收费', 2.35)), '2021');
    expect(r.values).toEqual({
      t2_rules_issued: 0, t2_rules_repealed: 0, t2_rules_in_force: 0, t2_normative_issued: 3, t2_normative_repealed: 1, t2_normative_in_force: 9,
      t2_license_decisions: 146, t2_penalty_decisions: 27, t2_fees_amount: 2.35,
    });
    expect(r.provenance.t2_rules_repealed).toEqual({ kind: 'table', table: '二', row: '规章', column: '本年废止件数', doubt: '空白单元格，按 0 计' });
    expect(r.provenance.t2_rules_issued!.doubt).toBeUndefined();
    expect(r.warnings).toEqual(['表二「规章」行的空白单元格（本年废止件数）按 0 计']);
  });

  it('a row the form does not have (其他主动公开文件, a long bracketed label) is skipped and said so; the others stay in place', () => {
    const text = H2019 + row('规章（设区的市、自治州人民政府应提供相关数据）', 0, 0, 0) + row('规范性文件（行政机关制定发布的决定、公告……）', 4, 1, 10)
      + row('其他主动公开文件（含以本单位名义正式签发的、除规范性文件以外的主动公开文件）', 23, 21, 187) + row('行政许可', 23, -2, 358);
    const r = readTable2(tokens(text), '2019');
    expect(r.values).toMatchObject({ t2_normative_made: 4, t2_normative_published: 1, t2_normative_total: 10, t2_license_prev: 23, t2_license_change: -2, t2_license_decisions: 358 });
    expect(Object.values(r.values)).not.toContain(187);
    expect(r.warnings).toContain('表二另有「其他主动公开文件（含以本单位名义正式签发的、除规范性文件以外的主动公开文件）」行（表式中没有），未读取；其他各行照常读取');
    expect(r.provenance.t2_rules_made).toMatchObject({ row: '规章（设区的市、自治州人民政府应提供相关数据）' });
  });

  it('其他对外管理服务事项 split into 行政检查 / 行政确认 (in either order): their sum, with a doubt', () => {
    const r = readTable2(tokens(row('行政许可', 8, 5, 93) + row('行政确认', 29, -1, 46) + row('行政检查', 12, 2, 130) + row('行政处罚', 9, 1, 37)), '2019');
    expect(r.values).toMatchObject({ t2_services_prev: 41, t2_services_change: 1, t2_services_decisions: 176, t2_penalty_decisions: 37 });
    expect(r.provenance.t2_services_decisions).toMatchObject({ row: '其他对外管理服务事项（「行政确认」「行政检查」之和）', doubt: '由「行政确认」「行政检查」两行相加' });
    expect(r.warnings).toContain('表二没有「其他对外管理服务事项」行，按「行政确认」「行政检查」两行之和计');
    // with the row itself, the parts are extra rows
    const both = readTable2(tokens(row('其他对外管理服务事项', 1, 0, 2) + row('行政检查', 12, 2, 130)), '2019');
    expect(both.values).toMatchObject({ t2_services_prev: 1, t2_services_decisions: 2 });
    expect(both.warnings).toContain('表二另有「行政检查」行（已有「其他对外管理服务事项」行），未读取');
  });

  it('amounts in 元 where 万元 is asked for: converted, with a doubt; 万元 as it is', () => {
    const r = readTable2(tokens(row('政府集中采购', 2, '80618元')), '2019');
    expect(r.values.t2_procurement_amount).toBe(8.0618);
    expect(r.provenance.t2_procurement_amount).toMatchObject({ doubt: '单位为元，已换算为万元' });
    expect(r.warnings).toContain('表二「政府集中采购」行「采购总金额」写作 80618 元，已换算为 8.0618 万元');
    expect(readTable2(tokens(row('行政事业性收费', '12.5万元')), '2021').values.t2_fees_amount).toBe(12.5);
    const header = readTable2(tokens(row('信息内容', '采购项目数量', '采购总金额（元）') + row('政府集中采购', 3, 125000)), '2019');
    expect(header.values.t2_procurement_amount).toBe(12.5);
    expect(header.provenance.t2_procurement_amount!.doubt).toBe('单位为元，已换算为万元');
  });

  it.each<[string, string, Record<string, number>, string[]]>([
    ['run on to the label', '规章000\n行政规范性文件215\n', { t2_rules_issued: 0, t2_rules_repealed: 0, t2_rules_in_force: 0, t2_normative_issued: 2, t2_normative_repealed: 1, t2_normative_in_force: 5 }, ['t2_rules_issued', 't2_normative_in_force']],
    ['one cell: the whole number', '行政许可236\n行政事业性收费4.5\n', { t2_license_decisions: 236, t2_fees_amount: 4.5 }, []],
    ['run together apart from the label', '规章 000\n', { t2_rules_issued: 0, t2_rules_repealed: 0, t2_rules_in_force: 0 }, ['t2_rules_issued']],
    ['rows run together', '规章000行政规范性文件215\n', { t2_rules_in_force: 0, t2_normative_issued: 2, t2_normative_in_force: 5 }, ['t2_normative_issued']],
    ['ambiguous: not read', '规章0010\n行政许可12\n', { t2_license_decisions: 12 }, []],
  ])('digits run together: %s', (_, text, values, doubted) => {
    const r = readTable2(tokens(text), '2021');
    expect(r.values).toMatchObject(values);
    for (const id of doubted) expect(r.provenance[id]!.doubt).toBe('数字连写，按每格一位数拆分');
    if (_ === 'ambiguous: not read') {
      expect(r.values.t2_rules_issued).toBeUndefined();
      expect(r.warnings).toContain('表二「规章0010」行的数字连在一起，无法确定各格的数，未读取');
    }
  });

  it('a long label wrapped onto the next line (PDF copies): the values after its second half are its own', () => {
    const text =
      '（二）部分公开（区分处理的，只计这一情形，不\n计其他情形） 5 2 0 0 0 0 7\n（三）不予\n公开\n1.属于国家秘密 0 1 0 0 0 0 1\n' +
      '（六）其他处理 1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府信息公开申请 0 0 0 0 2 0 2\n';
    const read = readTable3(tokens(text));
    expect(read.hits.get('partial')!.values).toEqual([5, 2, 0, 0, 0, 0, 7]);
    expect(read.hits.get('deny_secret')!.values).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(read.hits.get('other_no_correction')!.values).toEqual([0, 0, 0, 0, 2, 0, 2]);
    expect(read.hits.has('other')).toBe(false);
    // a next line that names a row, or starts with an item number, is not the rest of a label
    expect(readTable3(tokens('（一）予以公开\n（二）部分公开 1 0 0 0 0 0 1\n')).hits.has('open')).toBe(false);
  });

  it('a label with other labels before it on one line names its row', () => {
    const read = readTable3(tokens('三、本年度办理结果（一）予以公开3210118\n（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1\n'));
    expect(read.hits.get('open')!.values).toEqual([3, 2, 1, 0, 1, 1, 8]);
    expect(read.hits.get('open')!.label).toBe('（一）予以公开');
    expect(read.hits.has('other')).toBe(false);
    expect(read.hits.get('other_no_correction')!.values).toEqual([1, 0, 0, 0, 0, 0, 1]);
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
    // the blank cell among numbers is 0 (with a doubt), so the sum is stated too
    expect(['person', 'business', 'research', 'total'].map((c) => r.values[t3Id('other', c as 'person')])).toEqual([3, 1, 0, 4]);
    expect(r.provenance[t3Id('other_no_fee', 'research')]).toMatchObject({ doubt: '空白单元格，按 0 计' });
    expect(r.provenance[t3Id('other', 'research')]).toMatchObject({ doubt: expect.stringContaining('空白单元格') });
    expect(r.provenance[t3Id('other', 'person')]!.doubt).toBeUndefined();
    expect(r.provenance[t3Id('other', 'person')]).toEqual({ kind: 'table', table: '三', row: '（六）其他处理（三个子项之和）', column: '自然人' });
  });

  it('a printed 其他处理 row is kept as printed, next to its sub-rows', () => {
    const read = readTable3(tokens(t3Text([[['（六）其他处理'], [5, 0, 0, 0, 0, 0, 5]], [['1.申请人无正当理由逾期不补正'], [1, 0, 0, 0, 0, 0, 1]]])));
    const r = table3Result(read, '2021');
    expect(r.values[t3Id('other', 'person')]).toBe(5);
    expect(r.values[t3Id('other_no_correction', 'person')]).toBe(1);
  });

  it('rows with fewer numbers than columns are read from the left with a doubt; a report cut off inside its last row is not', () => {
    const five = table3Result(readTable3(tokens(t3Text([[['一、本年新收政府信息公开申请数量'], [2, 0, 0, 1, 3]], [['二、上年结转政府信息公开申请数量'], [0, 0, 0, 0, 0]], [['（一）予以公开'], [1, 0, 0, 1, 2]]]))), '2021');
    expect(five.values[t3Id('new', 'legal')]).toBe(3);
    expect(five.values[t3Id('new', 'total')]).toBeUndefined();
    expect(five.provenance[t3Id('new', 'person')]!.doubt).toBe('该行只有 5 个数（应有 7 个），所在的列无法确定，按从左到右计');
    expect(five.provenance[t3Id('open', 'legal')]!.doubt).toContain('所在的列无法确定');
    const cut = table3Result(readTable3(tokens(t3Text([[['一、本年新收政府信息公开申请数量'], [2, 0, 0, 1, 0, 0, 3]], [['二、上年结转政府信息公开申请数量'], [0, 1, 0]]]))), '2021');
    expect(cut.values[t3Id('carried_in', 'business')]).toBe(1);
    expect(Object.values(cut.provenance).filter((p) => p.doubt)).toEqual([]);
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
    ['blank and dash cells: a blank among numbers is 0, `—` is not reported', header + row('', 0, '—', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), [0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], ['表四有 1 个空白单元格，按 0 计']],
    ['all blank: not reported', header + row('—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—'), Array<null>(15).fill(null), []],
    ['digits run together', header + '\t110130110210012\n', [1, 1, 0, 1, 3, 0, 1, 1, 0, 2, 1, 0, 0, 1, 2], ['表四的数字连在一起，按每格一位数读取']],
    ['padded with empty cells (`| |`) after the row', header + row(...Array<number>(15).fill(1), '', '', ''), Array<number>(15).fill(1), []],
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

/** The least of a few timings of `f` (a loaded machine makes single timings noisy). */
function fastest(f: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('tables take time linear in their length, however they are rendered', () => {
  it.each<[string, (n: number) => string]>([
    ['a row padded with empty cells', (n) => `二、主动公开政府信息情况\n规章 ${'| '.repeat(n)}\n行政许可 | 1 |\n行政处罚 | 2 |\n`],
    ['digits run together', (n) => `二、主动公开政府信息情况\n\t规章${'0'.repeat(n)}\n四、政府信息公开行政复议、行政诉讼情况\n\t行政复议${'0'.repeat(n)}\n`],
    ['a long run of words', (n) => `二、主动公开政府信息情况\n\t${'规章 '.repeat(n / 4)}\n`],
    ['a long run of values', (n) => `四、政府信息公开行政复议、行政诉讼情况\n\t${'0 '.repeat(n / 2)}\n`],
  ])('%s', (_, input) => {
    const n = 50_000;
    const small = input(n);
    const big = input(4 * n);
    parseReportText(small, 'x.txt'); // warm up
    const a = fastest(() => parseReportText(small, 'x.txt'));
    const b = fastest(() => parseReportText(big, 'x.txt'));
    expect(b / Math.max(a, 1)).toBeLessThan(10);
  }, 60_000);
});
