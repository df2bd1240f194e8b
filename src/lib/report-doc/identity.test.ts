import { describe, expect, it } from 'vitest';
import { indexDivisions } from '../ingest/division-match.ts';
import type { Division } from '../model/divisions.ts';
import { countyFromText, findPeriodYear, findTitle, splitBody, townFromText } from './identity.ts';
import { parseReportText } from './parse.ts';
import { resolveTownCode } from './town-code.ts';

describe('findTitle', () => {
  it.each<[string, string[], number | null, string | null]>([
    ['body first', ['康驿镇人民政府2021年政府信息公开工作年度报告'], 2021, '康驿镇人民政府'],
    ['街道办事处, 年度', ['金城街道办事处2022年度政府信息公开工作年度报告'], 2022, '金城街道办事处'],
    ['with county', ['汶上县康驿镇人民政府2021年政府信息公开工作年度报告'], 2021, '汶上县康驿镇人民政府'],
    ['year first', ['2021年康驿镇政府信息公开工作年度报告'], 2021, '康驿镇'],
    ['full-width digits', ['康驿镇２０２１年政府信息公开工作年度报告'], 2021, '康驿镇'],
    ['Chinese year', ['康驿镇人民政府二〇二一年政府信息公开工作年度报告'], 2021, '康驿镇人民政府'],
    ['spaces', ['康驿镇 2021 年 政府信息公开 工作 年度报告'], 2021, '康驿镇'],
    ['after a breadcrumb', ['首页 > 政务公开', '康驿镇人民政府2021年政府信息公开工作年度报告_汶上县人民政府'], 2021, '康驿镇人民政府'],
    ['no title', ['一、总体情况', '2021年，康驿镇理顺体制。'], null, null],
  ])('%s', (_, paragraphs, year, body) => expect(findTitle(paragraphs)).toEqual({ year, body }));
});

describe('splitBody: the town and the county-level name before it', () => {
  it.each<[string, string, string | null]>([
    ['康驿镇人民政府', '康驿镇', null],
    ['汶上县康驿镇人民政府', '康驿镇', '汶上县'],
    ['山东省济宁市汶上县康驿镇人民政府', '康驿镇', '汶上县'],
    ['济宁市任城区金城街道办事处', '金城街道', '任城区'],
    ['邹城市钢山街道办事处', '钢山街道', '邹城市'],
    ['城区街道办事处', '城区街道', null],
    ['任城区新市镇人民政府', '新市镇', '任城区'],
    ['次邱镇人民政府办公室', '次邱镇', null],
    ['军屯乡人民政府', '军屯乡', null],
  ])('%s', (body, town, county) => expect(splitBody(body)).toEqual({ town, county }));
});

describe('countyFromText', () => {
  it.each<[string, string, string, string | null]>([
    ['before the town', '2021年，汶上县康驿镇通过公众号推送信息。', '康驿镇', '汶上县'],
    ['before 政府网站', '通过汶上县政府网站发布信息13条。', '康驿镇', '汶上县'],
    ['after 在', '金城街道在任城区人民政府网站发布政府信息。', '金城街道', '任城区'],
    ['a county name starting with 和', '在和平区人民政府网站发布。', '某街道', '和平区'],
    ['the name written most often', '济宁市任城区人民政府。汶上县人民政府。汶上县政府网站。', '康驿镇', '汶上县'],
    ['县政府 without a name', '依托县政府网站发布信息。', '康驿镇', null],
    ['a city is not a county', '济宁市人民政府网站。', '康驿镇', null],
  ])('%s', (_, text, town, county) => expect(countyFromText(text, town)).toBe(county));
});

describe('findPeriodYear', () => {
  it.each<[string, number | null]>([
    ['本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。', 2021],
    ['统计时间为2022年1月1日至2022年12月31日。', 2022],
    ['统计期限自２０２３年１月１日起至２０２３年１２月３１日止。', 2023],
    ['统计期限自2023年01月01日起至2023年12月31日止。', 2023],
    ['2021年，康驿镇理顺体制。', null],
  ])('%s', (text, year) => expect(findPeriodYear(text)?.year ?? null).toBe(year));
});

describe('townFromText (no title)', () => {
  it.each<[string, string | null]>([
    ['如有疑问，请与康驿镇人民政府联系。康驿镇人民政府地址：康驿大街1号。', '康驿镇'],
    ['金城街道办事处负责本报告。', '金城街道'],
    ['本报告由县政府办公室编制。', null],
  ])('%s', (text, town) => expect(townFromText(text)).toBe(town));
});

const div = (code: string, name: string, county: string, city = '济宁市'): Division => ({
  code,
  name,
  type: name.endsWith('街道') ? '街道' : '镇',
  county_code: code.slice(0, 6),
  county,
  city_code: code.slice(0, 4),
  city,
  province_code: code.slice(0, 2),
  province: '山东省',
});
const INDEX = indexDivisions([
  div('370830103', '次邱镇', '汶上县'),
  div('370830106', '康驿镇', '汶上县'),
  div('370811008', '金城街道', '任城区'),
  div('370102001', '金城街道', '历下区', '济南市'),
]);

describe('resolveTownCode', () => {
  it.each<[string, string, string | null, string, { county: string | null; town_code: string | null; warnings: string[] }]>([
    ['unique name', '康驿镇', null, '', { county: '汶上县', town_code: '370830106', warnings: [] }],
    ['shared name, county stated', '金城街道', '任城区', '', { county: '任城区', town_code: '370811008', warnings: [] }],
    ['shared name, county in the text', '金城街道', null, '通过历下区政府网站', { county: '历下区', town_code: '370102001', warnings: [] }],
    [
      'shared name, nothing says which',
      '金城街道',
      null,
      '',
      { county: null, town_code: null, warnings: ['区划代码表中有 2 个「金城街道」（济宁市任城区、济南市历下区），正文未写明是哪一个，未补全区划代码'] },
    ],
    ['not in the list', '次丘镇', '汶上县', '', { county: '汶上县', town_code: null, warnings: ['镇街「次丘镇」不在汶上县的区划代码表中，未补全区划代码，是否为「次邱镇」？'] }],
    [
      'unique name, another county stated',
      '康驿镇',
      '梁山县',
      '',
      { county: '汶上县', town_code: '370830106', warnings: ['正文所写的「梁山县」与区划代码表不符：「康驿镇」属于汶上县（区划代码 370830106），按区划代码表取汶上县'] },
    ],
  ])('%s', (_, town, county, text, want) => expect(resolveTownCode(INDEX, town, county, text)).toEqual(want));
});

describe('identity in parseReportText', () => {
  it('statistical year from 统计期限 over the title, with a warning when they differ', () => {
    const doc = parseReportText('康驿镇人民政府2022年政府信息公开工作年度报告\n统计期限自2021年1月1日起至2021年12月31日止。\n', 'x.txt');
    expect(doc.report.year).toBe(2021);
    expect(doc.warnings).toContain('标题年份 2022 与统计期限「2021年1月1日起至2021年12月31日」不一致，取统计期限的 2021 年');
  });

  it('never from the file name', () => {
    const doc = parseReportText('一、总体情况\n本镇认真落实。\n', '2021_康驿镇.txt');
    expect(doc.report).toMatchObject({ year: 0, town: '', county: '', town_code: null, layout: null, source: '2021_康驿镇.txt', synthetic: false });
    expect(doc.warnings).toEqual([
      '未找到镇街名称：标题、发布机构、联系方式和正文中都没有可辨认的乡镇（街道）名称，请填写镇街',
      '未找到统计年度：标题和统计期限中都没有写明年份',
      '未找到表二（主动公开政府信息情况）',
      '未找到表三（收到和处理政府信息公开申请情况）',
      '未找到表四（政府信息公开行政复议、行政诉讼情况）',
    ]);
  });

  it('county and town from the title; code from divisions', () => {
    const doc = parseReportText('汶上县康驿镇人民政府2021年度政府信息公开工作年度报告\n', 'x.txt', { divisions: INDEX });
    expect(doc.report).toMatchObject({ county: '汶上县', town: '康驿镇', town_code: '370830106', year: 2021 });
  });
});
