import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToLines } from './html.ts';

describe('decodeEntities', () => {
  it.each([
    ['&nbsp;', '\u00a0'],
    ['&ldquo;三安全一稳定&rdquo;', '“三安全一稳定”'],
    ['&#8220;三&#x201D;', '“三”'],
    ['&amp;lt;', '&lt;'],
    ['a &gt; b', 'a > b'],
    ['0&nbsp', '0\u00a0'],
    ['&unknown;', '&unknown;'],
    ['&#0;', '&#0;'],
  ])('%s', (html, text) => expect(decodeEntities(html)).toBe(text));
});

/** Lines as the text export writes them: cells tab-indented, blank lines between rows. */
const asText = (html: string) => htmlToLines(html).map((l) => (l.blank ? '' : l.cell ? `\t${l.text}` : l.text));

describe('htmlToLines', () => {
  it.each<[string, string, string[]]>([
    ['paragraphs and line breaks', '<p>一、总体情况</p><p>正文<br/>第二行</p>', ['一、总体情况', '正文', '第二行']],
    ['inline tags and whitespace', '<p><span style="x">康驿镇</span>\n  <b>2021</b>年</p>', ['康驿镇 2021年']],
    [
      'table rows become cells and blank lines',
      '<table><tr><td rowspan="2">规章</td><td>0&nbsp;</td><td colspan="2">&nbsp;</td></tr><tr><td>1</td></tr></table>',
      ['\t规章', '\t0', '\t', '', '\t1', ''],
    ],
    ['paragraphs inside a cell join', '<table><tr><td><p>1.属于</p><p>国家秘密</p></td></tr></table>', ['\t1.属于 国家秘密', '']],
    ['th cells and upper case tags', '<TABLE><TR><TH>行政复议</TH><Th>行政诉讼</Th></TR></TABLE>', ['\t行政复议', '\t行政诉讼', '']],
    ['unclosed cells and rows', '<table><tr><td>a<td>b<tr><td>c</table><p>后</p>', ['\ta', '\tb', '', '\tc', '', '后']],
    ['caption is a row of its own', '<table><caption>表三</caption><tr><td>0</td></tr></table>', ['\t表三', '', '\t0', '']],
    ['scripts, styles and comments are dropped', '<script>var a = "<p>x</p>";</script><style>p{}</style><!-- <p>y</p> --><p>z</p>', ['z']],
    ['the page title comes first', '<html><head><title>康驿镇2021年报告_汶上县</title></head><body><p>正文</p></body></html>', ['康驿镇2021年报告_汶上县', '正文']],
    ['text between table and paragraph', '前文<table><tr><td>0</td></tr></table>后文', ['前文', '\t0', '', '后文']],
  ])('%s', (_, html, lines) => expect(asText(html)).toEqual(lines));
});
