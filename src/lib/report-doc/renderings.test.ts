/**
 * Tables as copied from portal pages become the cells and rows the readers take: every `|` is a
 * boundary between cells, in each arrangement met (see renderings.ts).
 */
import { describe, expect, it } from 'vitest';
import { textToLines, tokenize, type Token } from './cells.ts';
import { normalizeRenderings } from './renderings.ts';

/** The cells and row breaks (`|`) the readers see. */
const cells = (text: string) => tokenize(normalizeRenderings(textToLines(text))).map((t: Token) => (t.kind === 'break' ? '/' : t.text));

describe('pipes between cells', () => {
  it.each<[string, string, string[]]>([
    ['markdown rows with outer pipes', '| 规章 | 0 | 1 | 2 |\n| 行政规范性文件 | 3 | 4 | 5 |\n| 行政许可 | 6 |\n', ['规章', '0', '1', '2', '/', '行政规范性文件', '3', '4', '5', '/', '行政许可', '6', '/']],
    ['rows without the first pipe, padding run together', '第二十条第（一）项 | |||\n规章 | 0 | 1 | 2 |\n行政许可 | 6 | ||\n', ['第二十条第（一）项', '', '', '', '/', '规章', '0', '1', '2', '/', '行政许可', '6', '', '', '/']],
    ['one cell per line, each followed by a lone pipe', '规章\n|\n0\n|\n1\n|\n\n|\n行政许可\n|\n6\n|\n', ['规章', '0', '1', '', '行政许可', '6']],
    ['a pipe line before each row, cells ending in ` |`', '|\n规章 |\n0 |\n1 |\n2 | |\n|\n行政许可 |\n6 | | |\n', ['规章', '0', '1', '2', '', '/', '行政许可', '6', '', '', '/']],
    ['the pipe in front of each cell', '规章\n| 0\n| 1\n|\n|\n行政规范性文件\n| 2\n', ['规章', '0', '1', '', '行政规范性文件', '2', '/']],
    ['a header cell over several lines', '信息内容 | 上一年项目数量\n| 本年增/减\n| 处理决定数量\n|\n行政许可 | 8 | 5 | 93 |\n', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政许可', '8', '5', '93', '/']],
    ['full-width pipes', '｜ 规章 ｜ 0 ｜ 1 ｜ 2 ｜\n｜ 行政许可 ｜ 6 ｜\n｜ 行政处罚 ｜ 7 ｜\n', ['规章', '0', '1', '2', '/', '行政许可', '6', '/', '行政处罚', '7', '/']],
  ])('%s', (_, text, want) => expect(cells(text)).toEqual(want));

  it('a heading between pipe tables stays a line the sections are found by', () => {
    const lines = normalizeRenderings(textToLines('政府集中采购 | 0 | 0 |\n行政许可 | 0 |\n行政处罚 | 0 |\n三、收到和处理政府信息公开申请情况\n申请人情况 | 自然人 |\n'));
    expect(lines.map((l) => l.text)).toContain('三、收到和处理政府信息公开申请情况');
  });

  it('menus and meta lines of a page with pipes stay text, even three in a row with numbers', () => {
    const text = '首页 | 政务公开 | 政府信息公开年报\n发布时间：2023-01-20 | 来源：南旺镇人民政府\n浏览次数 | 1234\n字体：大 | 中 | 小\n';
    expect(normalizeRenderings(textToLines(text)).filter((l) => !l.blank).every((l) => !l.cell)).toBe(true);
  });

  it('pipes outside tables are text: a page title, a meta line, a sentence', () => {
    const text = '南旺镇2022年政府信息公开工作年度报告 | 汶上县人民政府\n发布时间：2023-01-20 | 来源：南旺镇 | 字体：大 中 小\n一、总体情况\n全年发布信息 120 条。\n';
    expect(normalizeRenderings(textToLines(text)).filter((l) => !l.blank).map((l) => [l.text, l.cell])).toEqual([
      ['南旺镇2022年政府信息公开工作年度报告 | 汶上县人民政府', false],
      ['发布时间：2023-01-20 | 来源：南旺镇 | 字体：大 中 小', false],
      ['一、总体情况', false],
      ['全年发布信息 120 条。', false],
    ]);
  });

  it('a sentence after a table stays a paragraph', () => {
    const lines = normalizeRenderings(textToLines('规章 | 0 | 0 | 0 |\n行政许可 | 1 |\n行政处罚 | 2 |\n本年度我镇没有收到政府信息公开申请，也未发生行政复议和行政诉讼。\n'));
    expect(lines.filter((l) => !l.blank).pop()).toEqual({ text: '本年度我镇没有收到政府信息公开申请，也未发生行政复议和行政诉讼。', cell: false, blank: false });
  });
});

describe('a whole report on one line', () => {
  it('is split before its numbered section headings, each heading a line of its own', () => {
    const one =
      '曹坊镇2022年政府信息公开工作年度报告 本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。 一、总体情况 全年发布信息120条。 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 规章 0 0 0 三、收到和处理政府信息公开申请情况 申请人情况 四、政府信息公开行政复议、行政诉讼情况 行政复议 五、存在的主要问题及改进情况 无。';
    expect(normalizeRenderings(textToLines(one)).map((l) => l.text)).toEqual([
      '曹坊镇2022年政府信息公开工作年度报告 本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
      '一、总体情况',
      '全年发布信息120条。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项 信息内容 本年制发件数 规章 0 0 0',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议',
      '五、存在的主要问题及改进情况',
      '无。',
    ]);
  });

  it('the headings listed in the introduction (no numerals) do not split it', () => {
    const intro = `${'本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况等部分。'.repeat(3)}`;
    expect(normalizeRenderings(textToLines(intro))).toHaveLength(1);
  });
});
