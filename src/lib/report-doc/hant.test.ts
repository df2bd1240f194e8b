import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { T2_2019, T2_2021, T3_ROWS } from '../model/tables.ts';
import { HANT_TABLE, looksTraditional, pinyinCount, stripPinyin, toSimplified } from './hant.ts';

describe('traditional characters of the report vocabulary', () => {
  it.each([
    ['鎮人民政府2020年政府信息公開工作年度報告', '镇人民政府2020年政府信息公开工作年度报告'],
    ['第二十條第（一）項', '第二十条第（一）项'],
    ['本年新製作數量', '本年新制作数量'],
    ['規範性檔案', '规范性档案'],
    ['其他對外管理服務事項', '其他对外管理服务事项'],
    ['行政事業性收費', '行政事业性收费'],
    ['政府集中採購', '政府集中采购'],
    ['（二）部分公開（區分處理的，只計這一情形，不計其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['3.危及“三安全一穩定”', '3.危及“三安全一稳定”'],
    ['1.申請人無正當理由逾期不補正、行政機關不再處理其政府信息公開申請', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['政府信息公開行政復議、行政訴訟情況', '政府信息公开行政复议、行政诉讼情况'],
    ['行政複議', '行政复议'],
    ['結果維持 結果糾正 其他結果 尚未審結 總計', '结果维持 结果纠正 其他结果 尚未审结 总计'],
    ['賓川縣平川鎮', '宾川县平川镇'],
    ['通過政府網站發布信息120條，微信公眾號推送信息300條', '通过政府网站发布信息120条，微信公众号推送信息300条'],
  ])('%s → %s', (hant, hans) => expect(toSimplified(hant)).toBe(hans));

  it('changes nothing in simplified text: no key is a simplified character', () => {
    const simplified = new Set(HANT_TABLE.values());
    for (const k of HANT_TABLE.keys()) expect(simplified.has(k), k).toBe(false);
    const sample = readFileSync(new URL('../../../data/sources/000_75c809bd29ead2fa.txt', import.meta.url), 'utf8');
    expect(toSimplified(sample)).toBe(sample);
    const labels = [...T2_2019, ...T2_2021].flatMap((b) => [b.item, ...b.columns, ...b.rows.map((r) => r.label)]).concat(T3_ROWS.map((r) => r.label)).join('');
    expect(toSimplified(labels)).toBe(labels);
    // 於潜镇 is a town's simplified name: 於 is not in the table
    expect(toSimplified('於潜镇')).toBe('於潜镇');
  });

  it('tells a traditional mirror from a simplified page', () => {
    expect(looksTraditional('鎮人民政府2020年政府信息公開工作年度報告。通過政府網站發布信息120條，微信公眾號推送信息300條。')).toBe(true);
    expect(looksTraditional('镇人民政府2020年政府信息公开工作年度报告。张三在會议上发言。')).toBe(false);
  });

  it('drops the pinyin some mirrors put after characters', () => {
    expect(stripPinyin('拖市鎮(zhèn)2020年數(shù)據(jù)')).toBe('拖市鎮2020年數據');
    expect(stripPinyin('公(gong)(gong)開(kai)')).toBe('公開');
    expect(pinyinCount('文(wen)章(zhang)來源')).toBe(2);
    expect(stripPinyin('（一）予以公开 (1) 第(2)项')).toBe('（一）予以公开 (1) 第(2)项');
  });
});
