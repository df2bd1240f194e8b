import { describe, expect, it } from 'vitest';
import { isBlank, isFilledValue, labelKey, matchKey, printed, readValue, type CellValue } from './labels.ts';

describe('readValue: value cells as printed', () => {
  it.each<[string, string, CellValue | null]>([
    ['zero', '0', { kind: 'number', value: 0 }],
    ['zero + NBSP', '0\u00a0', { kind: 'number', value: 0 }],
    ['zero + spaces', ' 0  ', { kind: 'number', value: 0 }],
    ['full-width', '１２', { kind: 'number', value: 12 }],
    ['grouped', '1,234', { kind: 'number', value: 1234 }],
    ['decimal amount', '12.5', { kind: 'number', value: 12.5 }],
    ['negative change', '-1', { kind: 'number', value: -1 }],
    ['minus sign', '\u22123', { kind: 'number', value: -3 }],
    ['with unit', '3件', { kind: 'number', value: 3, unit: '件' }],
    ['amount in 元', '80618元', { kind: 'number', value: 80618, unit: '元' }],
    ['amount in 万元', '12.5 万元', { kind: 'number', value: 12.5, unit: '万元' }],
    ['traditional unit', '3條', { kind: 'number', value: 3, unit: '条' }],
    ['empty', '', { kind: 'empty' }],
    ['NBSP only', '\u00a0', { kind: 'empty' }],
    ['em dash', '—', { kind: 'empty' }],
    ['double em dash', '——', { kind: 'empty' }],
    ['hyphen', '-', { kind: 'empty' }],
    ['slash', '/', { kind: 'empty' }],
    ['full-width slash', '／', { kind: 'empty' }],
    ['无', '无', { kind: 'empty' }],
    ['label', '规章', null],
    ['numbered label', '1.属于国家秘密', null],
    ['header with slash', '本年增/减', null],
    ['two numbers', '0 0', null],
  ])('%s', (_, text, want) => expect(readValue(text)).toEqual(want));

  it('a blank cell is a value but not a filled one, and blank unlike a mark', () => {
    expect(isBlank('\u00a0 ')).toBe(true);
    expect(isBlank('—')).toBe(false);
    expect(isBlank('0')).toBe(false);
    expect(isFilledValue('')).toBe(false);
    expect(isFilledValue('\u00a0')).toBe(false);
    expect(isFilledValue('—')).toBe(true);
    expect(isFilledValue('0')).toBe(true);
    expect(isFilledValue('规章')).toBe(false);
  });
});

describe('labelKey: labels compared without spacing, quotes or item numbers', () => {
  it.each([
    ['（一）予以公开', '予以公开'],
    ['予以公开', '予以公开'],
    ['(一)予以公开', '予以公开'],
    ['三、本年度办理结果', '本年度办理结果'],
    ['3.危及“三安全一稳定”', '危及三安全一稳定'],
    ['3.危及"三安全一稳定"', '危及三安全一稳定'],
    ['3.危及「三安全一稳定」', '危及三安全一稳定'],
    ['３．危及三安全一稳定', '危及三安全一稳定'],
    ['3、危及三安全一稳定', '危及三安全一稳定'],
    ['① 属于国家秘密', '属于国家秘密'],
    ['（七） 总 计', '总计'],
    ['四、结转下年度继续办理', '结转下年度继续办理'],
    ['第二十条第（一）项', '第二十条第(一)项'],
    ['本年增/减', '本年增/减'],
  ])('%s → %s', (text, key) => expect(labelKey(text)).toBe(key));

  it.each([
    ['規範性文件', '规范性文件'],
    ['3.危及“三安全一穩定”', '危及三安全一稳定'],
    ['行政許可(xǔ)', '行政许可'],
    ['鎮(zhèn)政府', '镇政府'],
  ])('traditional characters and pinyin: %s → %s', (text, key) => expect(labelKey(text)).toBe(key));

  it.each([
    ['规章（设区的市、自治州人民政府应提供相关数据）', '规章'],
    ['处理决定数量(指2020年办件量)', '处理决定数量'],
    ['本年收费金额（单位：万元）', '本年收费金额'],
    ['本年制发件数本年制发件数', '本年制发件数'],
    ['（本列数据的勾稽关系为：第一项加第二项之和）', '(本列数据的勾稽关系为:第一项加第二项之和)'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'],
  ])('matchKey drops bracketed notes and a second printing: %s → %s', (text, key) => expect(matchKey(text)).toBe(key));

  it('printed keeps the label, trimmed', () => {
    expect(printed('\u00a0 行政 许可 ')).toBe('行政 许可');
  });
});
