import { describe, expect, it } from 'vitest';
import { htmlToLines } from './html.ts';

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
    ['a quoted `>` in an attribute is not the end of the tag', '<p><a title="首页 > 政务公开" href="/">返回</a></p><table><tr><td data-x="a>b">规章</td><td>3</td></tr></table>', ['返回', '\t规章', '\t3', '']],
    ['a `<` in a script is not a tag', '<script>if (a < b && c > d) { document.write("<table><tr><td>x</td></tr></table>"); }</script><p>正文</p>', ['正文']],
  ])('%s', (_, html, lines) => expect(asText(html)).toEqual(lines));

  it.each([
    ['&ldquo;三安全一稳定&rdquo;', '“三安全一稳定”'],
    ['&#8220;三&#x201D;', '“三”'],
    ['&amp;lt;', '&lt;'],
    ['a &gt; b', 'a > b'],
    ['&laquo;返回&raquo; &copy; &middot; &hellip;', '«返回» © · …'],
    ['0&nbsp;件', '0\u00a0件'],
    ['0&nbsp', '0'],
    ['&unknown;', '&unknown;'],
  ])('entities, named and numeric: %s', (html, text) => expect(asText(`<p>${html}</p>`)).toEqual([text]));

  it('a table inside a cell (a layout table around the article): its paragraphs are paragraphs, its tables tables', () => {
    const html =
      '<table class="layout"><tr><td class="nav">首页</td><td class="main"><h1>南旺镇2022年报告</h1><p>一、总体情况</p><p>全年发布信息120条。</p>' +
      '<table><tr><td>规章</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>申请人情况</td></tr></table><p>后记</p></td></tr>' +
      '<tr><td>主办单位：汶上县人民政府</td></tr></table>';
    expect(asText(html)).toEqual([
      '\t首页',
      '',
      '南旺镇2022年报告',
      '一、总体情况',
      '全年发布信息120条。',
      '\t规章',
      '\t0',
      '',
      '三、收到和处理政府信息公开申请情况',
      '\t申请人情况',
      '',
      '后记',
      '\t主办单位：汶上县人民政府',
      '',
    ]);
  });

  it('a cell holding many paragraphs is part of the page, a cell with a paragraph or two is a cell', () => {
    const long = Array.from({ length: 4 }, (_, i) => `<p>第${i + 1}段。${'本镇依法公开政府信息，'.repeat(10)}</p>`).join('');
    const lines = htmlToLines(`<table><tr><td>${long}</td></tr></table>`);
    expect(lines.filter((l) => !l.blank).map((l) => l.cell)).toEqual([false, false, false, false]);
    expect(htmlToLines('<table><tr><td><p>1.属于</p><p>国家秘密</p></td></tr></table>')[0]!.cell).toBe(true);
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

describe('htmlToLines takes time linear in its input', () => {
  // 4 times the input may take about 4 times as long; a quadratic reader takes 16 times as long
  // (the old regular expressions took minutes for 262,144 `<!--`)
  it.each<[string, (n: number) => string]>([
    ['`<!--` without `>`', (n) => '<!--'.repeat(n)],
    ['`<a ` without `>`', (n) => '<p>x</p><a '.repeat(n)],
    ['unclosed quoted attributes', (n) => '<td title="'.repeat(n)],
    ['`&` without a name', (n) => '&'.repeat(n)],
    ['nested tables', (n) => '<table><tr><td>0'.repeat(n / 8)],
    ['an unclosed script', (n) => '<script>' + '<'.repeat(n)],
    ['deep elements and stray closing tags', (n) => '<div><span>'.repeat(n / 11) + '</p></b>'.repeat(n / 8)],
  ])('%s', (_, input) => {
    const n = 65_536;
    const small = input(n);
    const big = input(4 * n);
    htmlToLines(small); // warm up
    const a = fastest(() => htmlToLines(small));
    const b = fastest(() => htmlToLines(big));
    expect(b / Math.max(a, 1)).toBeLessThan(10);
  }, 60_000);

  it('262,144 `<!--` are read at once, as nothing', () => {
    expect(htmlToLines('<!--'.repeat(262_144))).toEqual([]);
  });
});
