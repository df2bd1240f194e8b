/**
 * The corpus of bad or awkward input files, as bytes. `generate.ts` writes them next to this
 * file; corpus.test.ts checks that the committed files still equal these bytes and parses each.
 */
import iconv from 'iconv-lite';
import { gbk } from './gbk.ts';
import { xlsxWorkbook } from '../testing/xlsx.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** GB18030 by iconv-lite: gbk.ts's own table holds only the characters of the files written with it */
const gb18030 = (s: string): Uint8Array => Uint8Array.from(iconv.encode(s, 'gb18030'));
const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const crlf = (...ls: string[]): string => ls.join('\r\n') + '\r\n';
const HYPERLINK = '"=HYPERLINK(""http://x"",""y"")"';

export const CORPUS_FILES: Readonly<Record<string, Uint8Array>> = {
  // Excel 「CSV（逗号分隔）」 on Chinese Windows: GBK, CRLF, 中文 headers.
  'gbk-wide-zh-headers.csv': gbk(
    crlf(
      '县（市、区）,镇街,区划代码,年度,表式,来源,示例数据,政府网站主动公开信息,政务公开培训次数',
      '汶上县,康驿镇,370830106,2021,2019,年报.txt,否,13,6',
      '汶上县,次邱镇,,2022年,2021,,是,—,4',
      '汶上县,南旺镇,370830102,2023,2021,,否,"1,234",0',
    ),
  ),
  // Excel 「CSV UTF-8（逗号分隔）」: BOM.
  'utf8-bom.csv': utf8('\ufeff' + lines('county,town,year,pub_website', '汶上县,康驿镇,2021,13', '汶上县,次邱镇,2021,7')),
  'utf8-no-bom.csv': utf8(lines('县（市、区）,镇街,年度,政务公开培训人次', '汶上县,康驿镇,2021,80', '汶上县,南旺镇,2021,')),
  // 㳇 (U+3CC7) and 䢺 (U+48BA) are outside GBK: four bytes each in GB18030. Real town names.
  'gb18030-rare-char.csv': gbk(crlf('县（市、区）,镇街,区划代码,年度,政务公开培训次数', '宜兴市,湖㳇镇,320282113,2023,2', '大邑县,䢺江镇,510129106,2023,3')),
  // Cut off in the middle of the last row, without a final newline.
  'truncated-last-row.csv': utf8('town,year,pub_website,pub_board\nA镇,2021,1,2\nB镇,2021,3'),
  'quoted-newline-town.csv': utf8(lines('town,year,pub_website', '"康驿镇\n（北片）",2021,1', 'B镇,2021,x', 'C镇,2021,3')),
  'unclosed-quote.csv': utf8(lines('town,year,source,pub_website', 'A镇,2021,a.pdf,1', 'B镇,2021,"b.pdf,2', 'C镇,2021,c.pdf,3', 'D镇,2021,d.pdf,4')),
  'extra-column.csv': utf8(lines('town,year,pub_website', 'A镇,2021,1', 'B镇,2021,2,3', 'C镇,2021,4')),
  'missing-column.csv': utf8(lines('town,year,pub_website', 'A镇,2021', 'B镇,2021,2')),
  'duplicate-header.csv': utf8(lines('镇街,年度,pub_website,政府网站主动公开信息', 'A镇,2021,1,2')),
  'unknown-header.csv': utf8(lines('town,year,规章数量,pub_board', 'A镇,2021,好,3')),
  // a clerk's own columns beside the data: 序号 first, 备注 last
  'serial-and-remarks.csv': utf8(lines('序号,town,year,pub_board,备注', '1,A镇,2021,3,已核对', '2,B镇,2021,4,')),
  // a sheet saved as CSV: two title rows above the header, the office's name for each town, a 合计 row
  'title-rows-totals.csv': gb18030(
    crlf(
      '汶上县2024年各镇街政务公开情况统计表,,,',
      '填报单位：县政务公开办,,,',
      '镇街,年度,政府网站主动公开信息,政务公开培训次数',
      '康驿镇人民政府,2024,12,3',
      '南站街道办事处,2024,8,x',
      '合 计,,20,3',
    ),
  ),
  'header-only.csv': utf8(lines('county,town,year,pub_website')),
  'empty.csv': new Uint8Array(0),
  'whitespace-only.csv': utf8(' \r\n\t\r\n\u3000 \n'),
  'formulas.csv': utf8(lines('town,year,pub_website,pub_board', 'A镇,2021,=1+1,1', `B镇,2021,1,${HYPERLINK}`, '=1+1,2021,1,2', `${HYPERLINK},2021,3,4`)),
  'html-town.csv': utf8(lines('town,year,pub_website', '<script>alert(1)</script>,2021,1', '<b>康驿镇</b>,2022,2', '"<img src=x onerror=""alert(1)"">",2023,3')),
  'huge-number.csv': utf8(lines('town,year,pub_website', 'A镇,2021,1000000000000000', 'B镇,2021,1e15', 'C镇,2021,2000000000', 'D镇,2021,2000000001')),
  'negative-count.csv': utf8(
    lines('town,year,pub_website,t2_license_change,t2_procurement_amount', 'A镇,2021,-1,0,0', 'B镇,2021,0,-3,0', 'C镇,2021,0,0,-0.5', 'D镇,2021,-0,0,0'),
  ),
  'fullwidth-and-grouped.csv': utf8(lines('town,year,pub_website,pub_board,pub_other,pub_total', 'A镇,２０２１,１２３,"1,234",１，２３４,1 234', 'B镇,2021,"12,34",0,0,0')),
  // A镇 states nothing but 未报告 marks: no value, so not a report; B镇 has one value beside them.
  'not-reported-marks.csv': utf8(lines('town,year,pub_website,pub_board,pub_other,pub_total,train_sessions,train_people', 'A镇,2021,—,-,/,——,,－', 'B镇,2021,—,-,/,——,3,－')),
  // 未报告 marks with spaces around them, as a hand-edited file has them: DuckDB's INTEGER reading
  // takes a lone sign with spaces (`- `) as 0 where the worker reads no value (db/csv-stage-grammar.test.ts)
  'spaced-marks.csv': utf8(lines('town,year,pub_website,pub_board,train_sessions', 'A镇,2021,- ,12, - ', 'B镇,2021,3,  -,4')),
  'year-range.csv': utf8(lines('town,year,pub_website', 'A镇,2007,1', 'B镇,2030,2', 'C镇,2023年,3', 'D镇,23,4', 'E镇,2008,5')),
  // The downloaded template with a few towns filled in: the rows left blank (or holding only
  // 未报告 marks) are not reports; the 示例数据 column says 否 as the template writes it.
  'template-partly-filled.csv': utf8(
    '\ufeff' +
      lines(
        '县（市、区）,镇街,区划代码,年度,表式,来源,示例数据,政府网站主动公开信息,政务公开培训次数,政务公开培训人次',
        '汶上县,中都街道,370830001,2025,2021,,否,,,',
        '汶上县,汶上街道,370830002,2025,2021,,否,12,,',
        '汶上县,南站街道,370830003,2025,2021,,否,,,',
        '汶上县,南旺镇,370830102,2025,2021,,否,,,',
        '汶上县,次邱镇,370830103,2025,2021,,否,—,,',
        '汶上县,寅寺镇,370830104,2025,2021,,否,0,3,45',
        '汶上县,郭楼镇,370830105,2025,2021,,否,,,',
        '汶上县,康驿镇,370830106,2025,2021,,否,,,',
      ),
  ),
  'duplicate-town-year.csv': utf8(lines('county,town,year,pub_website', '汶上县,A镇,2021,1', '汶上县,B镇,2021,2', '汶上县,A镇,2021年,3')),
  'long-valid.csv': utf8(
    lines(
      '县（市、区）,镇街,区划代码,年度,表式,指标,数值',
      '汶上县,康驿镇,370830106,2021,2019,政府网站主动公开信息,13',
      '汶上县,康驿镇,370830106,2021,2019,pub_newmedia,499',
      '汶上县,南旺镇,,2022,2021,t3_new_total,2',
      '汶上县,康驿镇,370830106,2021,2019,政务公开培训次数,—',
    ),
  ),
  'long-gbk.csv': gbk(crlf('镇街,年度,指标,数值', '康驿镇,2021,政务新媒体（微信公众号等）发布信息,499', '康驿镇,2021,政府网站主动公开信息,"1,234"')),
  'long-duplicate-metric.csv': utf8(
    lines('town,year,metric,value', 'A镇,2021,pub_website,1', 'B镇,2021,pub_website,2', 'A镇,2021,政府网站主动公开信息,3', 'B镇,2021,pub_board,4'),
  ),
  'long-identity-conflict.csv': utf8(lines('town,year,source,metric,value', 'A镇,2021,a.pdf,pub_website,1', 'A镇,2021,b.pdf,pub_board,2', 'B镇,2021,,pub_board,2')),
  'long-unknown-metric.csv': utf8(lines('指标编号,值,镇街,年度', 'pub_websites,1,A镇,2021', 'pub_board,2,B镇,2021')),
  'json-object-without-reports.json': utf8('{"town":"康驿镇","year":2021,"metrics":{"pub_website":13}}\n'),
  'json-array-of-numbers.json': utf8('[1, 2, 3]\n'),
  'json-unknown-metric.json': utf8(
    JSON.stringify([
      { town: 'A镇', year: 2021, metrics: { pub_website: 1, website: 2 } },
      { town: 'B镇', year: 2021, metrics: { 政府网站主动公开信息: 3 } },
    ]),
  ),
  'json-string-numbers.json': utf8(JSON.stringify([{ town: 'A镇', year: '2021', metrics: { pub_website: '12', pub_board: '1,234', pub_other: '—', t2_fees_amount: '0.5' } }])),
  'crlf.csv': utf8(crlf('town,year,pub_website', 'A镇,2021,1', '"B镇\r\n北",2021,2', 'C镇,2021,x')),
  // Excel in a European locale separates with `;` and may write a decimal comma.
  'semicolon.csv': utf8(lines('town;year;pub_website;t2_fees_amount', 'A镇;2021;1;14.55', 'B镇;2021;1,234;0', 'C镇;2021;2;14,55')),
  'tab-separated.txt': utf8(lines('town\tyear\tpub_website', 'A镇\t2021\t1', 'B镇\t2021\t2')),
  // the first bytes of a workbook only: not a whole zip
  'excel-workbook.xlsx': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
  // a county's workbook: a notes sheet, then one sheet per year without a 年度 column, a merged
  // title row, 序号, the office's name for a town, a 合计 row, a number Excel stores inexactly
  'workbook-sheets.xlsx': xlsxWorkbook([
    { name: '填表说明', rows: [['每个年度一个工作表'], ['数值填整数']] },
    {
      name: '2023年',
      rows: [
        ['汶上县2023年各镇街政务公开情况统计表', null, null, null],
        ['序号', '镇街', '政府网站主动公开信息', '政务公开培训次数'],
        [1, '康驿镇人民政府', 12, 3],
        [2, '次邱镇', 0.1 + 0.2, 2],
        [3, '南旺镇', 40, 0],
        [null, '合计', 52.3, 5],
      ],
      merges: ['A1:D1'],
    },
    { name: '2024年', rows: [['镇街', '政府网站主动公开信息', '政务公开培训次数'], ['康驿镇', 15, 4]] },
  ]),
  // Excel 「Unicode 文本」: UTF-16LE with BOM, tab-separated.
  'utf16le-unicode-text.txt': Uint8Array.from([0xff, 0xfe, ...[...'town\tyear\tpub_website\r\nA镇\t2021\t5\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]),
  'utf16be-text.txt': Uint8Array.from([0xfe, 0xff, ...[...'镇街\t年度\t政务公开培训次数\nB镇\t2022\t7\n'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]),
  // files that are not data: an old Word document (OLE2) and a photo of a table
  'old-word.doc': Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  'table-photo.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
};
