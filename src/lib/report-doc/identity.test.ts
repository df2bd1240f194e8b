import { describe, expect, it } from 'vitest';
import { indexDivisions } from '../ingest/division-match.ts';
import type { Division } from '../model/divisions.ts';
import { countyFromText, findPeriodYear, findTitle, identify, looksLikeTown, parseTitleLine, splitBody, townFromText } from './identity.ts';
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

describe('findPeriodYear: periods with characters lost', () => {
  it.each<[string, number | null]>([
    ['所列数据统计期限自20231月1日起至202312月31日止。', 2023],
    ['本报告中所列数据的统计期限自202111日起至20211230日止。', 2021],
    ['统计期限自202111日至20221231日。', 2022],
    ['本年度报告所列数据统计期限为202020年1月1日至2020年12月31日。', 2020],
    ['所列数据的统计期限自2021年1月1日起至12月31日止。', 2021],
    ['报告中所列数据统计期限为2022年1月1日到12月31日。', 2022],
    ['統計期限為2023年1月1日到12月31日。', 2023],
    ['截至2023年12月31日，共发布信息20条。', null],
    ['发布时间：2024-01-19 11:04', null],
  ])('%s', (text, year) => expect(findPeriodYear(text)?.year ?? null).toBe(year));
});

describe('parseTitleLine', () => {
  it.each<[string, { body: string; year: number | null } | null]>([
    ['梁山县梁山街道办事处2022年政府信息公开工作告年度报', { body: '梁山县梁山街道办事处', year: 2022 }],
    ['关于苑庄镇2022年度政府信息公开工作情况的报告', { body: '苑庄镇', year: 2022 }],
    ['名称：三河市某街道办事处2019年政府信息公开年度报告', { body: '三河市某街道办事处', year: 2019 }],
    ['2021年康驿镇政府信息公开工作年度报告', { body: '康驿镇', year: 2021 }],
    ['2023年政府信息公开工作年度报告', { body: '', year: 2023 }],
    ['九门回族乡2022年政府信息公开工作年度报告_石家庄市藁城区人民政府', { body: '九门回族乡', year: 2022 }],
    ['下湿壕镇政府2022年信息公开工作年度报告', { body: '下湿壕镇政府', year: 2022 }],
    ['我镇认真编制了《义桥镇2020年政府信息公开工作年度报告》，现予公布。', null],
    ['一、总体情况', null],
  ])('%s', (line, want) => expect(parseTitleLine(line)).toEqual(want));
});

describe('looksLikeTown: a township name, never a fragment of a sentence', () => {
  it.each<[string, boolean]>([
    ['康驿镇', true],
    ['九门回族乡', true],
    ['古砦仫佬族乡', true],
    ['苏米图苏木', true],
    ['吴家山街', true],
    ['梁山街道', true],
    ['全镇', false],
    ['我镇', false],
    ['请联系民意乡', false],
    ['度大东坝镇', true], // shaped like one: the list (or the stop words) cut it to 大东坝镇
    ['关于做好年度报告编制工作的通知镇', false],
    ['街道', false],
  ])('%s → %s', (name, want) => expect(looksLikeTown(name)).toBe(want));
});

describe('identify: the town from every place the text names it', () => {
  const FULL = indexDivisions([
    div('370830108', '义桥镇', '汶上县'),
    div('370830107', '苑庄镇', '汶上县'),
    div('370830205', '军屯乡', '汶上县'),
    div('130109200', '九门回族乡', '藁城区', '石家庄市'),
    div('130109104', '梅花镇', '藁城区', '石家庄市'),
  ]);
  it.each<[string, string[], { town: string; county: string | null; year: number }]>([
    [
      'the report name quoted in the introduction',
      ['根据有关规定，我镇认真编制了《义桥镇2020年政府信息公开工作年度报告》。统计期限自2021年1月1日起至12月31日止。'],
      { town: '义桥镇', county: null, year: 2021 },
    ],
    ['the contact line', ['本乡编制了本年度报告。统计期限自2021年1月1日起至2021年12月31日止。如有疑问，请与汶上县军屯乡人民政府联系。'], { town: '军屯乡', county: '汶上县', year: 2021 }],
    [
      'a sidebar title before the real one',
      ['梅花镇2022年政府信息公开工作年度报告', '九门回族乡2022年政府信息公开工作年度报告', '一、总体情况', '2022年，九门回族乡人民政府坚持公开。'],
      { town: '九门回族乡', county: null, year: 2022 },
    ],
    ['a title split over two lines', ['藁城区九门回族乡人民政府', '2022年政府信息公开工作年度报告', '一、总体情况'], { town: '九门回族乡', county: '藁城区', year: 2022 }],
    ['the opening sentence', ['政府信息公开工作年度报告', '2023年，苑庄镇严格按照《中华人民共和国政府信息公开条例》开展工作。'], { town: '苑庄镇', county: null, year: 2023 }],
    ['a report that never names its town', ['2023年政府信息公开工作年度报告', '一、总体情况', '本机关全年主动公开信息86条。我镇坚持先审后发。'], { town: '', county: null, year: 2023 }],
  ])('%s', (_, lines, want) => expect(identify(lines, FULL)).toMatchObject(want));

  it('a county government report gives no town, and says why', () => {
    const r = identify(['汶上县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '义桥镇人民政府被申请行政复议1件。'], FULL);
    expect(r.town).toBe('');
    expect(r.warnings).toContain('标题所写的报告机关「汶上县人民政府」不是乡镇（街道），未取镇街名称');
  });

  it('a name not in the list is dropped, never kept as a fragment', () => {
    const r = identify(['火星镇2023年政府信息公开工作年度报告', '一、总体情况'], FULL);
    expect(r.town).toBe('');
    expect(r.warnings[0]).toBe('标题中的「火星镇」不在区划代码表中，未作为镇街名称；请核对后填写镇街');
  });
});
