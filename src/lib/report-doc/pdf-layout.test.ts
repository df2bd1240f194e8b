/**
 * Rebuilding a PDF page: runs into lines, rules into tables with merged cells, cells in row order,
 * paragraphs and titles, page furniture dropped. Pages made by hand, as pdf.js gives them (runs in
 * any order, borders as many short pieces).
 */
import { describe, expect, it } from 'vitest';
import type { DocLine } from './cells.ts';
import { findTables, isPageNumber, mergeRules, normalizeRun, pagesToLines, runsToLines, tidy, withoutOverprint, type PageContent, type Rule, type TextRun } from './pdf-layout.ts';

const run = (str: string, x: number, y: number, size = 12, w = [...str].length * size): TextRun => ({ str, x, y, w, size });
const h = (y: number, a: number, b: number): Rule => ({ o: 'h', pos: y, a, b });
const v = (x: number, a: number, b: number): Rule => ({ o: 'v', pos: x, a, b });
const page = (runs: TextRun[], rules: Rule[] = []): PageContent => ({ width: 595, height: 842, runs, rules });

/** Lines as the text export writes them: a tab before a cell, an empty line after a row. */
const show = (lines: readonly DocLine[]) => lines.map((l) => (l.blank ? '' : l.cell ? `\t${l.text}` : l.text));

/** Rules of a box drawn as four thin pieces per side, as Word draws cell borders. */
function box(x0: number, y0: number, x1: number, y1: number): Rule[] {
  const pieces = (a: number, b: number) => [0, 1, 2, 3].map((k) => [a + ((b - a) * k) / 4, a + ((b - a) * (k + 1)) / 4] as const);
  return [
    ...pieces(x0, x1).flatMap(([a, b]) => [h(y0, a, b), h(y1 + 0.4, a, b)]),
    ...pieces(y0, y1).flatMap(([a, b]) => [v(x0, a, b), v(x1 - 0.3, a, b)]),
  ];
}

describe('characters', () => {
  it('reads radicals and compatibility ideographs as the ordinary characters', () => {
    expect(normalizeRun('汶上县⼈⺠政府⼀⼆三⻄')).toBe('汶上县人民政府一二三西');
    expect(normalizeRun('（一）予以公开 12')).toBe('（一）予以公开 12');
  });
  it('drops the spaces pdf.js writes between spread-out Chinese characters, keeps those around numbers', () => {
    expect(tidy('本 报 告  依照　条例，共 642 条')).toBe('本报告依照条例，共 642 条');
  });
  it('knows page numbers in their usual forms', () => {
    for (const s of ['- 3 -', '— 12 —', '3', '第 3 页 共 5 页', '第3页', '共5页 第3页', '3/5', 'Page 2 of 4']) expect(isPageNumber(s), s).toBe(true);
    for (const s of ['3件', '一、总体情况', '2023年']) expect(isPageNumber(s), s).toBe(false);
  });
});

describe('runs to lines', () => {
  it('drops the copy of a run printed again a fraction of a point away (a bold face made by printing twice)', () => {
    const runs = withoutOverprint([run('一、总体情况', 80, 100), run('一、总体情况', 80.3, 100.2), run('0', 200, 100, 12, 6), run('0', 240, 100, 12, 6)]);
    expect(runs.map((r) => r.str)).toEqual(['一、总体情况', '0', '0']);
  });

  it('groups runs by baseline within half a character, left to right, whatever their order', () => {
    const lines = runsToLines([run('条，其中', 150, 101.5), run('全年共', 72, 100), run('642', 112, 100.4, 12, 20), run('第二行', 72, 130)]);
    expect(lines.map((l) => l.text)).toEqual(['全年共642条，其中', '第二行']);
  });
  it('joins pieces of a number that were written as two runs', () => {
    expect(runsToLines([run('64', 100, 100, 12, 13), run('2', 113, 100, 12, 6.5)])[0]!.text).toBe('642');
  });
});

describe('rules to tables', () => {
  it('merges pieces of a rule and finds one table per connected frame', () => {
    const rules = [...box(72, 100, 300, 140), h(120, 72, 300), v(200, 100, 140), ...box(72, 300, 200, 320)];
    expect(mergeRules(rules).filter((r) => r.o === 'h')).toHaveLength(5);
    const tables = findTables(rules);
    expect(tables.map((t) => [t.grid.xs.length, t.grid.ys.length])).toEqual([
      [3, 3],
      [2, 2],
    ]);
  });
  it('ignores a lone underline', () => {
    expect(findTables([h(200, 72, 500)])).toEqual([]);
  });
});

/**
 * A piece of 表三 as Word prints it: 三、本年度办理结果 down the first column (rowspan), the long
 * 部分公开 label wrapped over three lines across columns 2–3 (colspan), the values in the middle of
 * their cells' height, the group label （三）不予公开 over two rows.
 */
function table3Piece(): PageContent {
  const xs = [72, 100, 150, 260, 300, 340];
    const rules: Rule[] = [
    h(100, xs[0]!, xs[5]!),
    h(120, xs[1]!, xs[5]!),
    h(170, xs[1]!, xs[5]!),
    h(190, xs[2]!, xs[5]!), // （三）不予公开 spans two rows
    h(210, xs[0]!, xs[5]!),
    v(xs[0]!, 100, 210),
    v(xs[1]!, 100, 210),
    v(xs[2]!, 170, 210), // between （三）不予公开 and its sub-rows only
    v(xs[3]!, 100, 210),
    v(xs[4]!, 100, 210),
    v(xs[5]!, 100, 210),
  ];
  const runs = [
    run('0', 315, 205, 10, 6),
    run('三、', 76, 115, 10, 20),
    run('本年', 76, 128, 10, 20),
    run('度办', 76, 141, 10, 20),
    run('理', 76, 154, 10, 10),
    run('（一）予以公开', 160, 114, 10),
    run('3', 275, 114, 10, 6),
    run('4', 315, 114, 10, 6),
    run('（二）部分公开（区分处', 104, 138, 10),
    run('理的，只计这一情形，', 104, 151, 10),
    run('不计其他情形）', 104, 164, 10),
    run('1', 275, 150, 10, 6),
    run('1', 315, 150, 10, 6),
    run('（三）不予', 104, 190, 10),
    run('公开', 110, 203, 10),
    run('1.属于国家秘密', 152, 184, 10),
    run('0', 275, 184, 10, 6),
    run('0', 315, 184, 10, 6),
    run('2.其他法律行政法规禁止公开', 152, 205, 10, 100),
    run('0', 275, 205, 10, 6),
  ];
  return page(runs, rules);
}

describe('tables to cells', () => {
  it('gives the cells row by row as an HTML table has them, merged cells once, wrapped labels joined', () => {
    expect(show(pagesToLines([table3Piece()]))).toEqual([
      '\t三、本年度办理',
      '\t（一）予以公开',
      '\t3',
      '\t4',
      '',
      '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '\t1',
      '\t1',
      '',
      '\t（三）不予公开',
      '\t1.属于国家秘密',
      '\t0',
      '\t0',
      '',
      '\t2.其他法律行政法规禁止公开',
      '\t0',
      '\t0',
      '',
    ]);
  });

  it('splits a run printed across two cells at the rule between them', () => {
    const rules = [h(100, 72, 272), h(120, 72, 272), v(72, 100, 120), v(172, 100, 120), v(272, 100, 120)];
    // one run for 规章 and its value, the gap filled with spaces as some writers do
    const lines = pagesToLines([page([run('规章      0', 80, 115, 10, 110)], rules)]);
    expect(show(lines)).toEqual(['\t规章', '\t0', '']);
  });

  it('reads a table split by a page break, its open side bounded by the other rules', () => {
    // the continuation on the next page: no rule along its top
    const rules = [h(160, 72, 300), v(72, 100, 160), v(200, 100, 160), v(300, 100, 160)];
    const lines = pagesToLines([page([run('1.申请人无正当理由', 76, 115, 10), run('逾期不补正', 76, 128, 10), run('0', 240, 122, 10, 6)], rules)]);
    expect(show(lines)).toEqual(['\t1.申请人无正当理由逾期不补正', '\t0', '']);
  });

  it('keeps a box drawn round a paragraph as text', () => {
    const lines = pagesToLines([page([run('本报告电子版可在网站下载。', 80, 115)], box(72, 100, 400, 125))]);
    expect(show(lines)).toEqual(['本报告电子版可在网站下载。']);
  });
});

/** A row of a 3-column table between y0 and y1 with its rules; `top` false leaves its top open (a page's first row). */
function row3(y0: number, y1: number, top = true): Rule[] {
  return [...(top ? [h(y0, 72, 400)] : []), h(y1, 72, 400), v(72, y0, y1), v(250, y0, y1), v(330, y0, y1), v(400, y0, y1)];
}

describe('a row broken across a page', () => {
  it('is joined: the rest of its label on the next page, its values on either page', () => {
    const pages = [
      page([run('1.属于国家秘密', 80, 715, 10), run('0', 290, 715, 10, 6), run('0', 360, 715, 10, 6), run('（二）部分公开（区分处理', 80, 735, 10), run('1', 290, 735, 10, 6)], [...row3(700, 720), ...row3(720, 760)]),
      page([run('的，只计这一情形）', 80, 85, 10), run('2', 360, 85, 10, 6), run('2.重复申请', 80, 110, 10), run('0', 290, 110, 10, 6), run('0', 360, 110, 10, 6)], [...row3(72, 95, false), ...row3(95, 120)]),
    ];
    expect(show(pagesToLines(pages))).toEqual([
      '\t1.属于国家秘密', '\t0', '\t0', '',
      '\t（二）部分公开（区分处理的，只计这一情形）', '\t1', '\t2', '',
      '\t2.重复申请', '\t0', '\t0', '',
    ]);
  });

  it('is not joined to a new row at the top of the next page: a numbered label, or values on both pages', () => {
    const pages = [
      page([run('规章', 80, 715, 10), run('0', 290, 715, 10, 6), run('0', 360, 715, 10, 6)], row3(700, 720)),
      page([run('行政规范性文件', 80, 85, 10), run('2', 290, 85, 10, 6), run('5', 360, 85, 10, 6), run('2.重复申请', 80, 110, 10)], [...row3(72, 95), ...row3(95, 120)]),
    ];
    expect(show(pagesToLines(pages))).toEqual(['\t规章', '\t0', '\t0', '', '\t行政规范性文件', '\t2', '\t5', '', '\t2.重复申请', '\t', '\t', '']);
  });
});

describe('rows without rules', () => {
  it('reads lines whose parts stand apart as rows, a wrapped label with the row it is next to', () => {
    const lines = pagesToLines([
      page([
        run('信息内容', 72, 100),
        run('本年制发件数', 200, 100),
        run('本年废止件数', 300, 100),
        run('现行有效件数', 400, 100),
        run('规章', 72, 120),
        run('0', 240, 120, 12, 6),
        run('0', 340, 120, 12, 6),
        run('0', 440, 120, 12, 6),
        run('行政规范性', 72, 136),
        run('2', 240, 142, 12, 6),
        run('1', 340, 142, 12, 6),
        run('5', 440, 142, 12, 6),
        run('文件', 72, 150),
      ]),
    ]);
    expect(show(lines)).toEqual([
      '\t信息内容',
      '\t本年制发件数',
      '\t本年废止件数',
      '\t现行有效件数',
      '',
      '\t规章',
      '\t0',
      '\t0',
      '\t0',
      '',
      '\t行政规范性文件',
      '\t2',
      '\t1',
      '\t5',
      '',
    ]);
  });
});

/**
 * Body lines of a page, 16 pt, 28 pt apart, from the left margin x = 80 (indent in characters); a
 * line marked full is spread to the right margin x = 515, as justified text is.
 */
const body = (texts: readonly (readonly [string, number, 'full'?])[], from = 100, size = 16) =>
  texts.map(([t, indent, full], i) => {
    const x = 80 + indent * size;
    return run(t, x, from + i * 28, size, full ? 515 - x : [...t].length * size);
  });

describe('paragraphs', () => {
  it('joins lines that run to the right margin with the next line at the left margin; a heading or an indented line starts anew', () => {
    const lines = pagesToLines([
      page([
        ...body([
          ['本报告依照条例编写，统计期限为2023年1月1日至2023年12', 2, 'full'],
          ['月31日。对本报告有疑问的，可向镇党政办公室咨询，联系电话为', 0, 'full'],
          ['12345。', 0],
          ['一、总体情况', 2],
          ['全年通过县政府网站公开信息128条，通过微信公众号推送信息', 2, 'full'],
          ['412条。', 0],
          ['上一段的最后一行也到了右边，下一段的第一行缩进两个字符，所以', 2, 'full'],
          ['是新的一段，不接在前一段后面。这一段到右边为止，正好写满。', 0, 'full'],
          ['新的一段从缩进两个字符的地方开始。', 2],
        ]),
      ]),
    ]);
    expect(show(lines)).toEqual([
      '本报告依照条例编写，统计期限为2023年1月1日至2023年12月31日。对本报告有疑问的，可向镇党政办公室咨询，联系电话为12345。',
      '一、总体情况',
      '全年通过县政府网站公开信息128条，通过微信公众号推送信息412条。',
      '上一段的最后一行也到了右边，下一段的第一行缩进两个字符，所以是新的一段，不接在前一段后面。这一段到右边为止，正好写满。',
      '新的一段从缩进两个字符的地方开始。',
    ]);
  });

  it('joins a title set larger than the body over two lines', () => {
    const lines = pagesToLines([
      page([
        run('汶上县次邱镇人民政府', 187, 90, 22),
        run('2023年政府信息公开工作年度报告', 130, 124, 22, 330),
        ...body([
          ['本报告依照条例编写，统计期限为2023年1月1日至2023年12', 2, 'full'],
          ['月31日。', 0],
        ], 170),
      ]),
    ]);
    expect(show(lines).slice(0, 1)).toEqual(['汶上县次邱镇人民政府2023年政府信息公开工作年度报告']);
  });

  it('continues a paragraph on the next page, past the page number and running header', () => {
    const header = () => run('汶上县次邱镇人民政府', 220, 40, 9, 90);
    const pages = [
      page([header(), ...body([
        ['全年通过县政府网站公开信息128条，通过微信公众号推送信息', 2, 'full'],
        ['412条，通过各村政务公开栏公开信息57条，做到应公开尽公开，', 0, 'full'],
      ], 700), run('— 1 —', 460, 800, 14, 40)]),
      page([header(), ...body([
        ['群众满意度进一步提高。', 0],
        ['二、主动公开政府信息情况', 2],
      ], 100), run('— 2 —', 80, 800, 14, 40)]),
    ];
    expect(show(pagesToLines(pages))).toEqual([
      '全年通过县政府网站公开信息128条，通过微信公众号推送信息412条，通过各村政务公开栏公开信息57条，做到应公开尽公开，群众满意度进一步提高。',
      '二、主动公开政府信息情况',
    ]);
  });

  it('drops 第 N 页 共 M 页 even on a one-page report, and keeps a number that is content', () => {
    const lines = pagesToLines([
      page([
        ...body([
          ['正文第一行写满到右边为止，第二行的数字单独成行，它是正文，', 2, 'full'],
          ['不是页码：', 0],
          ['36', 0],
        ]),
        run('第 1 页 共 1 页', 260, 810, 10, 70),
      ]),
    ]);
    expect(show(lines)).toEqual(['正文第一行写满到右边为止，第二行的数字单独成行，它是正文，不是页码：', '36']);
  });
});
