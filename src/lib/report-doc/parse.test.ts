import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexDivisions, type DivisionIndex } from '../ingest/division-match.ts';
import { parseDivisions } from '../model/divisions.ts';
import type { Report } from '../model/report.ts';
import { checkReport } from '../model/rules.ts';
import { METRIC_IDS } from '../model/catalogue.ts';
import type { CorpusExpectation } from './corpus/corpus.ts';
import { renderReportHtml } from './fixtures/html-render.ts';
import { SAMPLE_HTML, SAMPLE_TEXT, SITE } from './fixtures/generate-html.ts';
import { parseReportHtml, parseReportText } from './parse.ts';
import type { ParsedReportDoc } from '../model/report-doc.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string | URL) => readFileSync(path instanceof URL ? path : new URL(path, root), 'utf8');
/** A corpus fixture's document, and its hand-written record's metrics (every other one empty). */
const fixture = (name: string) => read(new URL(`./corpus/${name}/report.txt`, import.meta.url));
const metricsOf = (name: string) => {
  const e = JSON.parse(read(new URL(`./corpus/${name}/expected.json`, import.meta.url))) as CorpusExpectation;
  return Object.fromEntries(METRIC_IDS.map((id) => [id, e.values[id] ?? null]));
};

let divisions: DivisionIndex;
beforeAll(() => {
  divisions = indexDivisions(parseDivisions(read('data/divisions/townships_cn.csv')));
});

/** Every stated value has a provenance, and nothing else has one. */
function expectProvenanceForEachValue(doc: ParsedReportDoc) {
  const stated = Object.entries(doc.report.metrics)
    .filter(([, v]) => v !== null)
    .map(([id]) => id)
    .sort();
  expect(Object.keys(doc.provenance).sort()).toEqual(stated);
  for (const [id, p] of Object.entries(doc.provenance)) {
    const section = id.slice(0, 3);
    const want = section === 't2_' ? '二' : section === 't3_' ? '三' : section === 't4_' ? '四' : null;
    if (want) expect(p).toMatchObject({ kind: 'table', table: want });
    else expect(p.kind).toBe('text');
    if (p.kind === 'table') expect(p.row !== '' && p.column !== '').toBe(true);
    else expect(p.sentence.length).toBeGreaterThan(4);
  }
}

describe('the real sample: 康驿镇 2021 (text export)', () => {
  const expected = (JSON.parse(read('data/reports/kangyi_2021.json')) as Report[])[0]!;
  const text = read(SAMPLE_TEXT);

  it('parses to the hand transcription, every cell and narrative number', () => {
    const doc = parseReportText(text, '000_75c809bd29ead2fa.txt', { divisions });
    expect(doc.report).toEqual(expected);
    expect(doc.warnings).toEqual([]);
    expectProvenanceForEachValue(doc);
  });

  it('without divisions: county from the text, no code', () => {
    const doc = parseReportText(text, '000_75c809bd29ead2fa.txt');
    expect(doc.report).toEqual({ ...expected, town_code: null });
    expect(doc.warnings).toEqual([]);
  });

  it('says where each value was read', () => {
    const { provenance } = parseReportText(text, 'k.txt');
    const media = '2021年，汶上县康驿镇通过“康驿便民在线”微信公众号号推送信息499条，汶上县政府网站发布信息13条。';
    expect(provenance.pub_newmedia).toEqual({ kind: 'text', sentence: media });
    expect(provenance.pub_website).toEqual({ kind: 'text', sentence: media });
    expect(provenance.pub_board).toEqual({ kind: 'text', sentence: '2021年，政府大厅新设政务公开栏1处，年度公开信息86条。' });
    expect(provenance.train_people).toEqual({ kind: 'text', sentence: '2021年共举办各类培训活动6次，培训人员80余人次。', approximate: true });
    expect(provenance.text_suit).toMatchObject({ kind: 'text', sentence: expect.stringContaining('未发生过针对本部门') });
    expect(provenance.t2_rules_made).toEqual({ kind: 'table', table: '二', row: '规章', column: '本年新制作数量' });
    expect(provenance.t2_services_change).toEqual({ kind: 'table', table: '二', row: '其他对外管理服务事项', column: '本年增/减' });
    expect(provenance.t3_deny_safety_total).toEqual({ kind: 'table', table: '三', row: '（三）不予公开 3.危及“三安全一稳定”', column: '总计' });
    expect(provenance.t3_new_person).toEqual({ kind: 'table', table: '三', row: '一、本年新收政府信息公开申请数量', column: '自然人' });
    expect(provenance.t3_other_org_other).toEqual({ kind: 'table', table: '三', row: '（六）其他处理', column: '其他' });
    expect(provenance.t4_suit_direct_pending).toEqual({ kind: 'table', table: '四', row: '行政诉讼·未经复议直接起诉', column: '尚未审结' });
  });

  it.each<[string, (raw: string) => string]>([
    ['pasted from a web page: no indentation, no blank lines', (raw) => raw.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n')],
    ['CRLF line ends', (raw) => raw.replace(/\n/g, '\r\n')],
    ['cells indented with spaces', (raw) => raw.replace(/^\t/gm, '    ')],
    ['full-width digits in the cells', (raw) => raw.replace(/^\t0/gm, '\t０')],
  ])('reads the same when %s', (_, variant) => {
    const doc = parseReportText(variant(text), '000_75c809bd29ead2fa.txt', { divisions });
    expect(doc.report).toEqual(expected);
    expect(doc.warnings).toEqual([]);
  });

  it('without table 三: the other tables, and what is missing', () => {
    const cut = text.slice(0, text.indexOf('三、收到和处理政府信息公开申请情况')) + text.slice(text.indexOf('四、政府信息公开行政复议'));
    const doc = parseReportText(cut, 'k.txt');
    expect(doc.warnings).toEqual(['未找到表三（收到和处理政府信息公开申请情况）']);
    expect(doc.report.layout).toBe('2019');
    expect(Object.keys(doc.report.metrics).filter((id) => id.startsWith('t3_') && doc.report.metrics[id] !== null)).toEqual([]);
    expect(doc.report.metrics.t2_procurement_amount).toBe(0);
    expect(doc.report.metrics.t4_suit_after_review_total).toBe(0);
  });

  it('table 四 cut short: the numbers read, in order, and how many are missing', () => {
    const lines = text.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const firstNumber = lines.findIndex((l, i) => i > heading && /^\t0/.test(l));
    const doc = parseReportText(lines.slice(0, firstNumber + 10).join('\n'), 'k.txt');
    expect(doc.warnings).toEqual(['表四只读到 10 个数，应有 15 个']);
    expect(doc.report.metrics.t4_suit_direct_total).toBe(0);
    expect(doc.report.metrics.t4_suit_after_review_upheld).toBeNull();
    expect(doc.provenance.t4_suit_after_review_upheld).toBeUndefined();
  });

  it('gives the document as plain text, one paragraph or cell per line', () => {
    const lines = parseReportText(text, 'k.txt').text.split('\n');
    expect(lines[0]).toBe('康驿镇人民政府2021年政府信息公开工作年度报告');
    expect(lines).toContain('3.危及“三安全一稳定”');
    expect(lines).not.toContain('[bookmark: _GoBack]');
    expect(lines.every((l) => l === l.trim() && l !== '')).toBe(true);
  });
});

describe('the sample as a county portal page (HTML)', () => {
  const expected = (JSON.parse(read('data/reports/kangyi_2021.json')) as Report[])[0]!;
  const html = read(SAMPLE_HTML);

  it('is what the generator renders from the text export', () => {
    expect(html).toBe(renderReportHtml(read(SAMPLE_TEXT), SITE));
    expect(html).toMatch(/rowspan="\d+"/);
    expect(html).toMatch(/colspan="\d+"/);
    expect(html).toContain('0&nbsp;');
  });

  it('parses to the same record', () => {
    const doc = parseReportHtml(html, 'kangyi_2021.html', { divisions });
    expect(doc.report).toEqual({ ...expected, source: 'kangyi_2021.html' });
    expect(doc.warnings).toEqual([]);
    expectProvenanceForEachValue(doc);
    expect(doc.provenance.t3_deny_safety_person).toEqual({ kind: 'table', table: '三', row: '（三）不予公开 3.危及“三安全一稳定”', column: '自然人' });
  });

  it('text has tags stripped and entities decoded, scripts dropped', () => {
    const { text } = parseReportHtml(html, 'kangyi_2021.html');
    expect(text).not.toMatch(/<|&nbsp;|&ldquo;|&gt;/);
    expect(text).toContain('首页 > 政务公开 > 政府信息公开年报');
    expect(text).toContain('“中国·汶上”政府门户网站');
    expect(text).not.toContain('不应出现');
  });
});

describe('corpus fixtures written from the official format, in detail', () => {
  const identity = (r: Report) => ({ county: r.county, town: r.town, town_code: r.town_code, year: r.year, layout: r.layout, source: r.source });

  it('(a) layout 2021 with non-zero tables: every value, no findings', () => {
    const doc = parseReportText(fixture('nanwang-2022-txt'), 'a.txt', { divisions });
    expect(identity(doc.report)).toEqual({ county: '汶上县', town: '南旺镇', town_code: '370830102', year: 2022, layout: '2021', source: 'a.txt' });
    expect(doc.report.synthetic).toBe(false);
    expect(doc.report.metrics).toEqual(metricsOf('nanwang-2022-txt'));
    expect(doc.warnings).toEqual([]);
    expectProvenanceForEachValue(doc);
    expect(doc.provenance.t3_other_total).toEqual({ kind: 'table', table: '三', row: '（六）其他处理（三个子项之和）', column: '总计' });
    expect(doc.provenance.t3_other_misc_org_other).toEqual({ kind: 'table', table: '三', row: '（六）其他处理 3.其他', column: '其他' });
    expect(doc.provenance.t2_fees_amount).toEqual({ kind: 'table', table: '二', row: '行政事业性收费', column: '本年收费金额（单位：万元）' });
    expect(doc.provenance.train_people).toEqual({ kind: 'text', sentence: '举办政务公开专题培训三次，参训人员一百二十人次。' });
    expect(checkReport(doc.report)).toEqual([]);
  });

  it('(c) a report that stops inside table 三 yields what is there and says what is missing', () => {
    const doc = parseReportText(fixture('nanwang-2022-truncated-txt'), 'c.txt', { divisions });
    expect(doc.report.layout).toBe('2021');
    expect(doc.report.metrics).toEqual(metricsOf('nanwang-2022-truncated-txt'));
    expect(doc.warnings).toEqual([
      '表三「（三）不予公开 3.危及“三安全一稳定”」行只读到 3 个数，应有 7 个',
      '表三在「（三）不予公开 3.危及“三安全一稳定”」行之后中断，缺少其后 18 行（「（三）不予公开 4.保护第三方合法权益」至「四、结转下年度继续办理」）',
      '未找到表四（政府信息公开行政复议、行政诉讼情况）',
    ]);
    expectProvenanceForEachValue(doc);
  });

  it('(d) label variants, full-width digits, one-line rows, `—` (not reported) and a blank cell (0, with a doubt)', () => {
    const doc = parseReportText(fixture('jincheng-2022-variants-txt'), 'd.txt', { divisions });
    expect(identity(doc.report)).toEqual({ county: '任城区', town: '金城街道', town_code: '370811008', year: 2022, layout: '2019', source: 'd.txt' });
    expect(doc.report.metrics).toEqual(metricsOf('jincheng-2022-variants-txt'));
    // `—` is not reported; the blank cell beside it (two tabs) was meant as 0
    expect(doc.report.metrics.t3_deny_enforcement_research).toBeNull();
    expect(doc.report.metrics.t3_deny_enforcement_ngo).toBe(0);
    expect(doc.provenance.t3_deny_enforcement_ngo).toMatchObject({ kind: 'table', table: '三', doubt: '空白单元格，按 0 计' });
    expect(doc.warnings).toEqual(['表三「不予公开 属于行政执法案卷」行的空白单元格（社会公益组织）按 0 计']);
    expectProvenanceForEachValue(doc);
    expect(doc.provenance.t2_normative_total).toEqual({ kind: 'table', table: '二', row: '行政规范性文件', column: '对外公开总数量' });
    expect(doc.provenance.t3_deny_safety_person).toEqual({ kind: 'table', table: '三', row: '不予公开 危及三安全一稳定', column: '自然人' });
    expect(doc.provenance.t3_new_org_other).toEqual({ kind: 'table', table: '三', row: '本年新收政府信息公开申请数量', column: '其他组织' });
    expect(doc.provenance.t4_review_upheld).toEqual({ kind: 'table', table: '四', row: '行政复议', column: '结果维持' });
    expect(doc.provenance.pub_newmedia).toMatchObject({ kind: 'text', sentence: expect.stringContaining('抖音发布短视频15条') });
    expect(checkReport(doc.report)).toEqual([]);
  });

  it('(d) without divisions: the county comes from 任城区人民政府网站, no code', () => {
    const doc = parseReportText(fixture('jincheng-2022-variants-txt'), 'd.txt');
    expect(identity(doc.report)).toEqual({ county: '任城区', town: '金城街道', town_code: null, year: 2022, layout: '2019', source: 'd.txt' });
  });

  it('(e) broken 勾稽关系: the numbers as printed; the findings come from checkReport', () => {
    const doc = parseReportText(fixture('ciqiu-2023-broken-txt'), 'e.txt', { divisions });
    expect(identity(doc.report)).toEqual({ county: '汶上县', town: '次邱镇', town_code: '370830103', year: 2023, layout: '2019', source: 'e.txt' });
    expect(doc.report.metrics).toEqual(metricsOf('ciqiu-2023-broken-txt'));
    expect(doc.warnings).toEqual([
      '正文中「政府网站主动公开信息」前后不一致：「2023年，汶上县次邱镇通过政府网站发布信息20条。」为 20，「下一步，将在政府网站公开信息25条以上的基础上，持续加大公开力度。」为 25；取前者',
    ]);
    expect(doc.provenance.t3_deny_safety_total).toEqual({ kind: 'table', table: '三', row: '（三）不予公开 3.危及「三安全一稳定」', column: '总计' });
    const findings = checkReport(doc.report);
    expect(findings.map((f) => [f.rule, f.cells[0], f.expected, f.actual])).toEqual([
      ['R1', 't3_new_person', 3, 2],
      ['R1', 't3_new_total', 3, 2],
      ['R5', 't4_review_total', 2, 1],
    ]);
  });
});
