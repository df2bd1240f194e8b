import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_IDS, findMetric, metric, metricsOfLayout } from './catalogue.ts';

describe('metric catalogue', () => {
  it('has every metric of the data model: 10 narrative, 29 table 二, 182 table 三, 15 table 四', () => {
    expect(METRICS).toHaveLength(236);
    const count = (section: string) => METRICS.filter((m) => m.section === section).length;
    expect(count('narrative')).toBe(10);
    expect(count('t2')).toBe(29);
    expect(count('t3')).toBe(26 * 7);
    expect(count('t4')).toBe(15);
  });

  it('has unique snake_case ids and unique labels', () => {
    expect(new Set(METRIC_IDS).size).toBe(METRICS.length);
    expect(new Set(METRICS.map((m) => m.label)).size).toBe(METRICS.length);
    for (const id of METRIC_IDS) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it.each([
    ['pub_website', '政府网站主动公开信息', '条'],
    ['pub_newmedia', '政务新媒体（微信公众号等）发布信息', '条'],
    ['train_people', '政务公开培训人次', '人次'],
    ['t2_normative_in_force', '表二·行政规范性文件·现行有效件数', '件'],
    ['t2_normative_made', '表二·规范性文件·本年新制作数量', '件'],
    ['t2_license_change', '表二·行政许可·本年增/减', '项'],
    ['t2_fees_amount', '表二·行政事业性收费·本年收费金额（单位：万元）', '万元'],
    ['t3_new_person', '表三·本年新收申请·自然人', '件'],
    ['t3_partial_org_other', '表三·部分公开·其他', '件'],
    ['t3_deny_safety_total', '表三·不予公开·三安全一稳定·总计', '件'],
    ['t3_carried_out_total', '表三·结转下年度·总计', '件'],
    ['t4_suit_after_review_pending', '表四·行政诉讼·复议后起诉·尚未审结', '件'],
  ])('%s is 「%s」 in %s', (id, label, unit) => {
    expect(metric(id).label).toBe(label);
    expect(metric(id).unit).toBe(unit);
    expect(findMetric(label)?.id).toBe(id);
  });

  it('knows which layout each metric belongs to', () => {
    expect(metric('t2_rules_issued').layouts).toEqual(['2021']);
    expect(metric('t2_rules_made').layouts).toEqual(['2019']);
    expect(metric('t2_license_decisions').layouts).toEqual(['2019', '2021']);
    expect(metric('t3_other_misc_total').layouts).toEqual(['2021']);
    expect(metric('t3_other_total').layouts).toEqual(['2019', '2021']);
    // 10 narrative + 22 table 二 + 23 rows × 7 + 15
    expect(metricsOfLayout('2019')).toHaveLength(10 + 22 + 23 * 7 + 15);
    // 10 narrative + 10 table 二 + 26 rows × 7 + 15
    expect(metricsOfLayout('2021')).toHaveLength(10 + 10 + 26 * 7 + 15);
  });

  it('marks changes and amounts so that validation treats them differently from counts', () => {
    expect(metric('t2_penalty_change').kind).toBe('change');
    expect(metric('t2_procurement_amount').kind).toBe('amount');
    expect(metric('t3_new_total').kind).toBe('count');
  });

  it('refuses unknown ids', () => {
    expect(() => metric('drop table')).toThrow(/未知指标/);
    expect(findMetric('nonsense')).toBeUndefined();
  });
});
