import { describe, expect, it } from 'vitest';
import { linesToText, rowsOf, splitCell, textToLines, tokenize, type Token } from './cells.ts';

describe('splitCell', () => {
  it.each<[string, string[]]>([
    ['0', ['0']],
    ['0\u00a0', ['0']],
    ['规章', ['规章']],
    ['0 0 0', ['0', '0', '0']],
    ['规章 0 0 0', ['规章', '0', '0', '0']],
    ['行政规范性文件 １ １ ３', ['行政规范性文件', '１', '１', '３']],
    ['未经复议直接起诉 0 0 0 0 0', ['未经复议直接起诉', '0', '0', '0', '0', '0']],
    ['行政许可 — — —', ['行政许可', '—', '—', '—']],
    ['（1） 主动公开情况', ['（1） 主动公开情况']],
    ['本年增/减', ['本年增/减']],
    ['1.属于国家秘密', ['1.属于国家秘密']],
    ['ABC 1 2', ['ABC 1 2']],
  ])('%j → %j', (part, cells) => expect(splitCell(part)).toEqual(cells));
});

const cellsOf = (tokens: Token[]) => tokens.map((t) => (t.kind === 'break' ? '|' : t.text));

describe('tokenize: one cell per line, one row per line, or both', () => {
  it.each<[string, string, string[]]>([
    ['one cell per line, blank line between rows', '\t规章\n\t0\n\t0\n\n\t规范性文件\n\t1\n', ['规章', '0', '0', '|', '规范性文件', '1', '|']],
    ['tab-separated row', '\t规章\t0\t0\t0\n\n', ['规章', '0', '0', '0', '|']],
    ['space-separated row, not indented', '行政处罚 4 2 18\n行政强制\t0\t0\t0\n', ['行政处罚', '4', '2', '18', '|', '行政强制', '0', '0', '0', '|']],
    ['empty cells stay cells', '\t\n\t（二）部分公开\n\t\u00a0\n', ['', '（二）部分公开', '', '|']],
    ['paragraphs are rows of their own', '一、总体情况\n正文。\n', ['一、总体情况', '|', '正文。', '|']],
    ['artifacts dropped', '[bookmark: _GoBack]\n标题\n', ['标题', '|']],
  ])('%s', (_, text, want) => expect(cellsOf(tokenize(textToLines(text)))).toEqual(want));

  it('rows are the cells between breaks', () => {
    const rows = rowsOf(tokenize(textToLines('\t行政复议\n\t行政诉讼\n\n\t0\n\t1\n')));
    expect(rows.map((r) => r.cells)).toEqual([['行政复议', '行政诉讼'], ['0', '1']]);
  });

  it('CRLF and a BOM read like LF', () => {
    expect(textToLines('\ufeff标题\r\n\t0\r\n')).toEqual([
      { text: '标题', cell: false, blank: false },
      { text: '0', cell: true, blank: false },
      { text: '', cell: false, blank: true },
    ]);
  });

  it('plain text: one non-empty paragraph or cell per line', () => {
    expect(linesToText(textToLines('标题\n\t规章\t0\n\t\n\n  正文 \n'))).toBe('标题\n规章\n0\n正文');
  });
});
