import { describe, expect, it } from 'vitest';
import {
  APPLICANTS,
  cell,
  dataIndexOf,
  formatFull,
  formatPercent,
  formatShort,
  header,
  horizontalLayout,
  num,
  OUTCOMES,
  percentCell,
  RESULTS,
  tooltipHtml,
  unreportedSubtitle,
  yearRange,
} from './common.ts';
import { XSS, XSS_ESCAPED } from './fixtures.ts';

describe('titles and subtitles', () => {
  it.each([
    [2023, 2023, '2023 年'],
    [2019, 2023, '2019–2023 年'],
  ])('yearRange(%i, %i) = %s', (from, to, s) => expect(yearRange(from, to)).toBe(s));

  it.each([
    [[], undefined, ''],
    [['军屯乡'], undefined, '未报告：军屯乡'],
    [['军屯乡', '康驿镇'], '各年均未报告', '各年均未报告：军屯乡、康驿镇'],
  ])('unreportedSubtitle(%j, %s) = %s', (names, label, s) => expect(unreportedSubtitle(names, label)).toBe(s));
});

describe('horizontalLayout', () => {
  it.each([
    [0, 240],
    [3, 240],
    [30, 30 * 26],
  ])('with %i towns the plot is at least %i px high', (n, least) => {
    const l = horizontalLayout(n);
    expect(l.height).toBeGreaterThanOrEqual(least);
    expect(l.height).toBeGreaterThanOrEqual(240);
  });

  it('grows about 26 px per town', () => {
    expect(horizontalLayout(40).height - horizontalLayout(30).height).toBe(260);
  });
});

describe('values', () => {
  it.each([
    [3, 3],
    [0, 0],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
    [Infinity, null],
  ])('num(%s) = %s', (v, out) => expect(num(v)).toBe(out));

  it.each([
    [3, 3],
    [0, 0],
    [null, null],
    [undefined, null],
    [Number.NaN, '—'],
    [-Infinity, '—'],
  ])('cell(%s) = %s', (v, out) => expect(cell(v)).toBe(out));

  it.each([
    [0.125, 12.5],
    [2 / 3, 66.67],
    [0, 0],
    [null, null],
    [Infinity, '—'],
  ])('percentCell(%s) = %s', (v, out) => expect(percentCell(v)).toBe(out));

  it.each([
    [0.125, '12.5%'],
    [0.5, '50%'],
    [1.234, '123.4%'],
    [0, '0%'],
    [null, '未报告'],
    [Number.NaN, '—'],
    [Infinity, '—'],
  ])('formatPercent(%s) = %s', (v, out) => expect(formatPercent(v)).toBe(out));

  it('formats by measure format', () => {
    expect(formatShort(12345)).toBe('1.23万');
    expect(formatShort(0.25, 'percent')).toBe('25%');
    expect(formatFull(1234, '条')).toBe('1,234 条');
    expect(formatFull(0.25, '%', 'percent')).toBe('25%');
    expect(formatFull(null, '条')).toBe('未报告');
  });

  it('writes headers with units', () => {
    expect(header('政府网站', '条')).toBe('政府网站（条）');
    expect(header('报告数', '')).toBe('报告数');
    // the form's own label names its unit: not twice
    expect(header('行政事业性收费·本年收费金额（单位：万元）', '万元')).toBe('行政事业性收费·本年收费金额（单位：万元）');
    expect(header('培训人次（人次）', '人次')).toBe('培训人次（人次）');
  });
});

describe('tooltips', () => {
  it.each([
    [{ dataIndex: 2 }, 2],
    [[{ dataIndex: 1 }, { dataIndex: 1 }], 1],
    [[], -1],
    [null, -1],
  ])('dataIndexOf(%j) = %i', (p, i) => expect(dataIndexOf(p)).toBe(i));

  it('escapes headings and lines', () => {
    const html = tooltipHtml(XSS, [{ label: '<script>', text: '1 条', color: '#2f6fb0' }]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<b>${XSS_ESCAPED}</b>`);
    expect(html).toContain('&lt;script&gt;：1 条');
    expect(html).toContain('background:#2f6fb0');
  });
});

describe('groupings', () => {
  it('has the six outcome groups, the six applicant types and the four results', () => {
    expect(OUTCOMES.map((g) => g.label)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    expect(OUTCOMES.map((g) => g.key)).toEqual(['open', 'partial', 'deny', 'unable', 'reject', 'other']);
    expect(APPLICANTS.map((a) => [a.key, a.label, a.isOrg])).toEqual([
      ['by_person', '自然人', false],
      ['by_business', '商业企业', true],
      ['by_research', '科研机构', true],
      ['by_ngo', '社会公益组织', true],
      ['by_legal', '法律服务机构', true],
      ['by_org_other', '其他组织', true],
    ]);
    expect(RESULTS.map((r) => r.label)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
  });
});

describe('chart height in steps of five towns', () => {
  it('keeps the height when one town is added or removed within a step', () => {
    const heights = [11, 12, 13, 14, 15].map((n) => horizontalLayout(n).height);
    expect(new Set(heights).size).toBeLessThanOrEqual(2);
    expect(horizontalLayout(15).height).toBeGreaterThanOrEqual(horizontalLayout(14).height);
  });
});
