/**
 * The PDF fixtures of the corpus: a report written by us (see README.md), laid out as a town's Word
 * file prints — A4, 仿宋-like body with first-line indent, a 小标宋-like title over two lines, the
 * official tables with their merged cells (rowspan/colspan as the Word template has them), page
 * numbers in the footer — as an HTML page that the tests print to PDF with Chromium
 * (`report.pdf.html`), and the record it states (`expected.json`).
 *
 *   npx tsx src/lib/report-doc/corpus/pdf-report.ts   # rewrites the PDF fixture folders
 *
 * pdf-report.test.ts checks that the folders are what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { T2_BY_LAYOUT, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, t3Id, t4Id, type Layout } from '../../model/tables.ts';
import type { CorpusExpectation } from './corpus.ts';

export interface PdfReportSpec {
  folder: string;
  hazards: string[];
  town: string;
  county: string;
  year: number;
  layout: Layout;
  /** the title as printed, one string per line */
  title: string[];
  /** paragraphs; `# ` starts a heading (一、总体情况), `## ` a sub-heading; `@二` `@三` `@四` place the tables */
  body: string[];
  /** the numbers the paragraphs state, by metric id */
  narrative: Record<string, number>;
  /** table 二 by metric id */
  t2: Record<string, number>;
  /** table 三 by row id: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 */
  t3: Record<string, number[]>;
  /** table 四: 行政复议, 未经复议直接起诉, 复议后起诉, each 结果维持 … 总计 */
  t4: number[];
  style: {
    /** page numbers: `— 3 —` on the outer side, `- 3 -` centred, or `第 3 页 共 5 页` */
    footer: 'outer' | 'centre' | 'page-of';
    /** a running header on every page */
    header?: string;
    /** a page break forced before this row of table 三 (a table split without repeated headers) */
    t3BreakBefore?: string;
    /** table 三's header rows repeated on each page it runs over */
    repeatHeader?: boolean;
    /** cell alignment of values */
    values: 'centre' | 'right';
    vertical: 'middle' | 'top';
    /** border width, in points */
    rule: number;
    /** width of 表三's label columns, in em of the table's font: narrow ones wrap the labels over more lines */
    labelWidths: [number, number, number];
    /** no table borders at all (a table printed from a page whose borders were lost) */
    borderless?: boolean;
    /** 表二 as one table per 第二十条 item, as many portal pages print it */
    t2Split?: boolean;
    /**
     * the county portal's page printed from the browser: breadcrumb, the 索引号 table and the meta
     * line above the report, the site's footer below it, the browser's date, title, address and
     * page count in the margins
     */
    portal?: { crumb: string; index: [string, string][]; meta: string; footer: string; printed: string; url: string };
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const td = (text: string | number, attrs: { rowspan?: number; colspan?: number; cls?: string } = {}) => {
  const a = [
    attrs.rowspan && attrs.rowspan > 1 ? ` rowspan="${attrs.rowspan}"` : '',
    attrs.colspan && attrs.colspan > 1 ? ` colspan="${attrs.colspan}"` : '',
    attrs.cls ? ` class="${attrs.cls}"` : '',
  ].join('');
  return `<td${a}>${esc(String(text))}</td>`;
};
const num = (v: number) => td(v, { cls: 'v' });

function table2(spec: PdfReportSpec): string {
  const rows: string[] = [];
  const tables: string[] = [];
  for (const block of T2_BY_LAYOUT[spec.layout]) {
    if (spec.style.t2Split && rows.length > 0) tables.push(rows.splice(0).join('\n'));
    rows.push(`<tr>${td(block.item, { colspan: 4, cls: 'item' })}</tr>`);
    const span = 3 / block.columns.length;
    const headSpans = block.columns.map((_, i) => (i === block.columns.length - 1 ? 3 - Math.floor(span) * i : Math.floor(span)));
    rows.push(`<tr>${td('信息内容')}${block.columns.map((c, i) => td(c, { colspan: headSpans[i]! })).join('')}</tr>`);
    for (const row of block.rows) {
      rows.push(`<tr>${td(row.label)}${row.cells.map((c, i) => td(spec.t2[c.id] ?? '', { colspan: headSpans[i]!, cls: 'v' })).join('')}</tr>`);
    }
  }
  tables.push(rows.join('\n'));
  return tables.map((t) => `<table class="t2"><colgroup><col style="width:34%"><col><col><col></colgroup>\n${t}\n</table>`).join('\n');
}

function table3(spec: PdfReportSpec): string {
  const rows = T3_ROWS.filter((r) => r.layouts.includes(spec.layout) && !(spec.layout === '2021' && r.id === 'other'));
  const values = (id: string) => (spec.t3[id] ?? [0, 0, 0, 0, 0, 0, 0]).map(num).join('');
  const head = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { colspan: 3, rowspan: 3, cls: 'note' })}${td('申请人情况', { colspan: 7 })}</tr>`,
    `<tr>${td('自然人', { rowspan: 2 })}${td('法人或其他组织', { colspan: 5 })}${td('总计', { rowspan: 2 })}</tr>`,
    `<tr>${T3_COLUMNS.slice(1, 6).map((c) => td(c.label)).join('')}</tr>`,
  ];
  const body: string[] = [];
  const results = rows.filter((r) => r.group && r.id !== 'new' && r.id !== 'carried_in' && r.id !== 'carried_out');
  const groupSize = (g: string) => rows.filter((r) => r.group === g).length;
  let inResults = 0;
  for (const r of rows) {
    const brk = spec.style.t3BreakBefore === r.id ? ' class="break"' : '';
    if (!r.group) {
      body.push(`<tr${brk}>${td(r.label, { colspan: 3 })}${values(r.id)}</tr>`);
      continue;
    }
    const first = inResults++ === 0 ? td('三、本年度办理结果', { rowspan: results.length, cls: 'vert' }) : '';
    if (r.group === '三、本年度办理结果') {
      const hasSubRows = spec.layout === '2021' && r.id === 'other';
      if (!hasSubRows) body.push(`<tr${brk}>${first}${td(r.label, { colspan: 2 })}${values(r.id)}</tr>`);
      continue;
    }
    const lead = rows.find((x) => x.group === r.group) === r ? td(r.group, { rowspan: groupSize(r.group) }) : '';
    body.push(`<tr${brk}>${first}${lead}${td(r.label)}${values(r.id)}</tr>`);
  }
  const [a, b, c] = spec.style.labelWidths;
  const cols = `<colgroup><col style="width:${a}em"><col style="width:${b}em"><col style="width:${c}em">${'<col>'.repeat(7)}</colgroup>`;
  const thead = spec.style.repeatHeader ? `<thead>\n${head.join('\n')}\n</thead>` : head.join('\n');
  return `<table class="t3">${cols}\n${thead}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

function table4(spec: PdfReportSpec): string {
  const results = T4_COLUMNS.map((c) => c.label);
  return [
    '<table class="t4">',
    `<tr>${td('行政复议', { colspan: 5 })}${td('行政诉讼', { colspan: 10 })}</tr>`,
    `<tr>${results.map((l) => td(l, { rowspan: 2 })).join('')}${td('未经复议直接起诉', { colspan: 5 })}${td('复议后起诉', { colspan: 5 })}</tr>`,
    `<tr>${[...results, ...results].map((l) => td(l)).join('')}</tr>`,
    `<tr>${spec.t4.map(num).join('')}</tr>`,
    '</table>',
  ].join('\n');
}

function footerCss(spec: PdfReportSpec): string {
  const portal = spec.style.portal;
  if (portal) {
    const small = 'font-family: "Noto Sans CJK SC", sans-serif; font-size: 8pt;';
    return `@page { margin: 1.6cm 1.2cm; @top-left { content: "${portal.printed}"; ${small} } @top-center { content: "${spec.title.join('')}"; ${small} }
  @bottom-left { content: "${portal.url}"; ${small} } @bottom-right { content: counter(page) "/" counter(pages); ${small} } }`;
  }
  const box = 'font-family: "Noto Serif CJK SC", serif; font-size: 14pt;';
  const header = spec.style.header ? `@top-center { content: "${spec.style.header}"; font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; border-bottom: 0.5pt solid #000; }` : '';
  switch (spec.style.footer) {
    case 'outer':
      return `@page :right { @bottom-right { content: "— " counter(page) " —"; ${box} } ${header} }
@page :left { @bottom-left { content: "— " counter(page) " —"; ${box} } ${header} }`;
    case 'centre':
      return `@page { @bottom-center { content: "- " counter(page) " -"; ${box} } ${header} }`;
    case 'page-of':
      return `@page { @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 10.5pt; } ${header} }`;
  }
}

const PORTAL_CSS = `
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 22pt; }
p.title { font-size: 18pt; font-weight: bold; margin: 14pt 0 6pt; }
p.h1, p.h2 { font-family: inherit; font-weight: bold; }
.crumb, .meta { text-indent: 0; text-align: left; font-size: 9pt; color: #555; }
.meta { text-align: center; border-bottom: 1px solid #ccc; margin-bottom: 10pt; }
table.index { font-size: 9pt; margin-bottom: 8pt; }
table.index td { border: 1px solid #bbb; text-align: left; }
.site { margin-top: 20pt; border-top: 2px solid #b00; font-size: 9pt; text-align: center; }`;

function portalTop(portal: NonNullable<PdfReportSpec['style']['portal']>): string {
  const cells = portal.index.map(([k, v]) => `<td>${esc(k)}</td><td>${esc(v)}</td>`);
  const rows = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells.slice(i, i + 2).join('')}</tr>`);
  return `<p class="crumb">${esc(portal.crumb)}</p>\n<table class="index">${rows.join('')}</table>\n`;
}

/** The report as an HTML page laid out as its Word file prints (or as its portal page does). */
export function renderPdfReport(spec: PdfReportSpec): string {
  const s = spec.style;
  const border = s.borderless ? 'none' : `${s.rule}pt solid #000`;
  const body = spec.body.map((p) => {
    if (p === '@二') return table2(spec);
    if (p === '@三') return table3(spec);
    if (p === '@四') return table4(spec);
    if (p.startsWith('## ')) return `<p class="h2">${esc(p.slice(3))}</p>`;
    if (p.startsWith('# ')) return `<p class="h1">${esc(p.slice(2))}</p>`;
    if (p.startsWith('> ')) return `<p class="sign">${esc(p.slice(2))}</p>`;
    return `<p>${esc(p)}</p>`;
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(spec.title.join(''))}</title>
<style>
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
${footerCss(spec)}
body { margin: 0; font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.title { text-indent: 0; text-align: center; font-size: 22pt; line-height: 34pt; font-weight: bold; margin-bottom: 28pt; }
p.h1 { font-family: "Noto Sans CJK SC", sans-serif; }
p.h2 { font-weight: bold; }
p.sign { text-align: right; text-indent: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 14pt; margin: 6pt 0; }
td { border: ${border}; padding: 2pt 3pt; text-align: center; vertical-align: ${s.vertical}; }
td.v { text-align: ${s.values === 'right' ? 'right' : 'center'}; }
td.item { text-align: left; }
tr { break-inside: avoid; }
tr.break { break-before: page; }${s.portal ? PORTAL_CSS : ''}
</style>
</head>
<body>
${s.portal ? portalTop(s.portal) : ''}<p class="title">${spec.title.map(esc).join('<br>')}</p>
${s.portal ? `<p class="meta">${esc(s.portal.meta)}</p>\n` : ''}${body.join('\n')}
${s.portal ? `<div class="site">${esc(s.portal.footer)}</div>\n` : ''}</body>
</html>
`;
}

/** Every value the document states: the tables' cells and the numbers of its text. */
export function expectedOf(spec: PdfReportSpec): CorpusExpectation {
  const values: Record<string, number> = { ...spec.narrative };
  for (const block of T2_BY_LAYOUT[spec.layout]) for (const row of block.rows) for (const c of row.cells) if (spec.t2[c.id] !== undefined) values[c.id] = spec.t2[c.id]!;
  for (const r of T3_ROWS) {
    if (!r.layouts.includes(spec.layout)) continue;
    let row = spec.t3[r.id] ?? [0, 0, 0, 0, 0, 0, 0];
    // layout 2021 prints （六）其他处理 as its three sub-rows; the row is their sum
    if (spec.layout === '2021' && r.id === 'other') {
      row = T3_COLUMNS.map((_, i) => ['other_no_correction', 'other_no_fee', 'other_misc'].reduce((sum, id) => sum + (spec.t3[id]?.[i] ?? 0), 0));
    }
    T3_COLUMNS.forEach((c, i) => (values[t3Id(r.id, c.id)] = row[i]!));
  }
  T4_BLOCKS.forEach((b, k) => T4_COLUMNS.forEach((c, i) => (values[t4Id(b.id, c.id)] = spec.t4[k * 5 + i]!)));
  return { rendering: 'pdf', hazards: spec.hazards, town: spec.town, county: spec.county, year: spec.year, layout: spec.layout, values };
}

const Z = [0, 0, 0, 0, 0, 0, 0];

export const PDF_REPORTS: readonly PdfReportSpec[] = [
  {
    folder: 'ciqiu-2023-pdf',
    hazards: [
      'identity: 标题分两行居中，字号大于正文',
      'identity: 页码「— 1 —」在外侧（单页居右、双页居左）',
      'narrative: 网站、公众号、公开栏各自的条数，段落跨行、跨页',
      'narrative: 培训次数和人次',
      '表二: 2021 表式，合并单元格（第二十条各项占整行，处理决定数量占三列）',
      '表三: 窄列中的长标签在单元格内折成三四行，数字在单元格中垂直居中',
      '表三: 表格跨页，下一页没有表头，「三、本年度办理结果」的合并单元格跨页',
      '表四: 十五列，列名在窄列中折行',
    ],
    town: '次邱镇',
    county: '汶上县',
    year: 2023,
    layout: '2021',
    title: ['汶上县次邱镇人民政府', '2023年政府信息公开工作年度报告'],
    body: [
      '本报告依照《中华人民共和国政府信息公开条例》第五十条的规定，由次邱镇人民政府综合办公室在梳理全年政务公开工作的基础上编写。报告中的统计数据时间范围为2023年1月1日至2023年12月31日。对报告内容有疑问的，可向次邱镇人民政府党政办公室咨询。',
      '# 一、总体情况',
      '## （一）主动公开',
      '这一年，我镇把惠民补贴、乡村振兴项目、人居环境整治等群众关心的事项作为公开重点。通过汶上县人民政府网站主动公开政府信息128条，通过“次邱发布”微信公众号推送信息412条，在镇政府大院和各村的政务公开栏张贴公示信息57条，做到应公开尽公开。',
      '## （二）依申请公开',
      '全年共收到政府信息公开申请6件，按照法定期限全部答复完毕，另有上年结转的申请1件一并办结，结转到下一年度继续办理的1件。',
      '## （三）政府信息管理',
      '坚持信息发布前“三审”制度，由经办人初审、分管负责人复审、主要负责人终审，全年未出现泄密和错发情况。对照上级清单对已公开的行政规范性文件逐件清理，公开目录随时更新。',
      '## （四）平台建设',
      '进一步规范政务新媒体的日常管理，安排专人负责公众号的内容编辑和留言回复，村级公开栏统一了版式，公开内容每季度至少更新一次。',
      '## （五）监督保障',
      '把政务公开纳入各办站所年度考核，全年组织政务公开业务培训4次，培训镇村干部150人次。本年度发生政府信息公开行政复议1件、行政诉讼1件，均已依法应诉处理。',
      '# 二、主动公开政府信息情况',
      '@二',
      '# 三、收到和处理政府信息公开申请情况',
      '@三',
      '# 四、政府信息公开行政复议、行政诉讼情况',
      '@四',
      '# 五、存在的主要问题及改进情况',
      '我镇政务公开工作还存在一些不足：部分村的公开栏内容更新不够及时，政策解读的形式比较单一，个别工作人员对条例的理解还不够深入。下一步，我们将加强对村级公开工作的指导，丰富图解、视频等解读形式，并把条例学习列入干部日常学习计划。',
      '# 六、其他需要报告的事项',
      '本年度未收取信息处理费。本年度没有需要报告的其他事项。',
      '> 汶上县次邱镇人民政府',
      '> 2024年1月19日',
    ],
    narrative: {
      pub_website: 128,
      pub_newmedia: 412,
      pub_board: 57,
      train_sessions: 4,
      train_people: 150,
      text_applications: 6,
      text_review: 1,
      text_suit: 1,
    },
    t2: {
      t2_rules_issued: 0,
      t2_rules_repealed: 0,
      t2_rules_in_force: 0,
      t2_normative_issued: 1,
      t2_normative_repealed: 0,
      t2_normative_in_force: 3,
      t2_license_decisions: 46,
      t2_penalty_decisions: 9,
      t2_coercion_decisions: 0,
      t2_fees_amount: 0,
    },
    t3: {
      new: [5, 1, 0, 0, 0, 0, 6],
      carried_in: [1, 0, 0, 0, 0, 0, 1],
      open: [3, 1, 0, 0, 0, 0, 4],
      partial: [1, 0, 0, 0, 0, 0, 1],
      unable_not_held: [1, 0, 0, 0, 0, 0, 1],
      total: [5, 1, 0, 0, 0, 0, 6],
      carried_out: [1, 0, 0, 0, 0, 0, 1],
    },
    t4: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
    style: { footer: 'outer', values: 'centre', vertical: 'middle', rule: 0.75, labelWidths: [2.4, 4.2, 8] },
  },
  {
    folder: 'fenshui-2020-pdf',
    hazards: [
      'identity: 页眉每页重复县镇名称，页脚「第 1 页 共 4 页」',
      'narrative: 公众号和微博两个新媒体渠道相加',
      '表二: 2019 表式，本年增/减有负数，收费和采购两列的行',
      '表三: 2019 表式，表头在每一页重复',
      '表三: 数字右对齐、单元格内顶端对齐',
      '表四: 全为 0',
    ],
    town: '分水镇',
    county: '桐庐县',
    year: 2020,
    layout: '2019',
    title: ['桐庐县分水镇2020年政府信息公开', '工作年度报告'],
    body: [
      '根据《中华人民共和国政府信息公开条例》和上级关于做好政府信息公开工作年度报告的要求，现将分水镇2020年度政府信息公开工作情况报告如下。本报告统计期限为2020年1月1日至2020年12月31日。',
      '# 一、总体情况',
      '2020年，分水镇围绕疫情防控、复工复产和民生实事，及时发布各类政府信息。本年度通过桐庐县政府门户网站公开信息263条，通过政务微信公众号发布信息540条、政务微博发布信息95条。',
      '镇党委政府重视政务公开队伍建设，举办政务公开专题培训2次，参训人员80人次。全年共受理政府信息公开申请4件，均在规定时间内办结。',
      '# 二、主动公开政府信息情况',
      '@二',
      '# 三、收到和处理政府信息公开申请情况',
      '@三',
      '# 四、政府信息公开行政复议、行政诉讼情况',
      '@四',
      '# 五、存在的主要问题及改进情况',
      '信息公开的主动性和规范性仍需提高，部分业务科室报送信息不够及时。明年将完善信息报送考核办法，加强对新进人员的业务指导。',
      '# 六、其他需要报告的事项',
      '无。',
    ],
    narrative: { pub_website: 263, pub_newmedia: 635, train_sessions: 2, train_people: 80, text_applications: 4 },
    t2: {
      t2_rules_made: 0,
      t2_rules_published: 0,
      t2_rules_total: 0,
      t2_normative_made: 2,
      t2_normative_published: 2,
      t2_normative_total: 11,
      t2_license_prev: 14,
      t2_license_change: -2,
      t2_license_decisions: 87,
      t2_services_prev: 6,
      t2_services_change: 1,
      t2_services_decisions: 30,
      t2_penalty_prev: 3,
      t2_penalty_change: 0,
      t2_penalty_decisions: 25,
      t2_coercion_prev: 0,
      t2_coercion_change: 0,
      t2_coercion_decisions: 0,
      t2_fees_prev: 0,
      t2_fees_change: 0,
      t2_procurement_projects: 2,
      t2_procurement_amount: 36.5,
    },
    t3: {
      new: [3, 0, 0, 0, 0, 1, 4],
      open: [2, 0, 0, 0, 0, 1, 3],
      unable_not_held: [1, 0, 0, 0, 0, 0, 1],
      total: [3, 0, 0, 0, 0, 1, 4],
    },
    t4: Array.from({ length: 15 }, () => 0),
    style: {
      footer: 'page-of',
      header: '桐庐县分水镇人民政府',
      repeatHeader: true,
      values: 'right',
      vertical: 'top',
      rule: 1,
      labelWidths: [3, 6, 12],
    },
  },
  {
    folder: 'huitang-2021-pdf',
    hazards: [
      'identity: 标题含县级市名，一行',
      'identity: 页码「- 2 -」居中',
      'narrative: 主动公开总数和三个渠道，数字在行尾换行',
      'narrative: 正文所述申请、复议、诉讼件数',
      '表二: 2021 表式，收费金额有小数',
      '表三: 在「（四）无法提供」前强制分页，续页没有表头，合并单元格跨页',
      '表三: 法人一栏和其他组织一栏有非零数',
      '表四: 非零的单元格',
    ],
    town: '灰汤镇',
    county: '宁乡市',
    year: 2021,
    layout: '2021',
    title: ['宁乡市灰汤镇2021年政府信息公开工作年度报告'],
    body: [
      '本年度报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
      '# 一、总体情况',
      '## （一）主动公开',
      '灰汤镇紧扣温泉小镇建设、农村危房改造、防汛救灾等重点工作做好信息发布，全年主动公开政府信息共1639条。其中，在宁乡市人民政府门户网站发布305条，通过“灰汤发布”微信公众号推送1246条，通过镇村两级政务公开栏公开88条，群众关注的补贴发放名单、项目招投标结果均按时公开。',
      '## （二）依申请公开',
      '全年共收到政府信息公开申请8件，其中自然人提出6件、商业企业提出1件、法律服务机构提出1件，已全部按时办结。',
      '## （三）政府信息管理',
      '严格落实政府信息公开保密审查制度，建立信息公开台账，对照公开目录逐项核对，对过时的信息及时更新或者撤下。',
      '## （四）政府信息公开平台建设',
      '依托市政府门户网站集约化平台运维镇级栏目，新开设“温泉小镇建设”专栏，方便群众查阅项目进度。',
      '## （五）监督保障',
      '镇政务公开领导小组每季度听取一次工作汇报，开展培训3次，参训120人次。2021年发生政府信息公开行政复议案件3件、行政诉讼案件2件。',
      '# 二、主动公开政府信息情况',
      '@二',
      '# 三、收到和处理政府信息公开申请情况',
      '@三',
      '# 四、政府信息公开行政复议、行政诉讼情况',
      '@四',
      '# 五、存在的主要问题及改进情况',
      '一是公开内容还不够丰富，部分村级事务公开不够及时；二是政策解读的针对性有待增强。下一步，我镇将压实村级公开责任，结合群众关心的热点问题开展图文解读。',
      '# 六、其他需要报告的事项',
      '本机关本年度未收取信息处理费。',
    ],
    narrative: {
      pub_total: 1639,
      pub_website: 305,
      pub_newmedia: 1246,
      pub_board: 88,
      train_sessions: 3,
      train_people: 120,
      text_applications: 8,
      text_review: 3,
      text_suit: 2,
    },
    t2: {
      t2_rules_issued: 0,
      t2_rules_repealed: 0,
      t2_rules_in_force: 0,
      t2_normative_issued: 0,
      t2_normative_repealed: 0,
      t2_normative_in_force: 2,
      t2_license_decisions: 112,
      t2_penalty_decisions: 31,
      t2_coercion_decisions: 2,
      t2_fees_amount: 3.86,
    },
    t3: {
      new: [6, 1, 0, 0, 1, 0, 8],
      carried_in: Z,
      open: [2, 1, 0, 0, 0, 0, 3],
      partial: [1, 0, 0, 0, 0, 0, 1],
      deny_process: [1, 0, 0, 0, 0, 0, 1],
      unable_not_held: [1, 0, 0, 0, 1, 0, 2],
      reject_repeat: [1, 0, 0, 0, 0, 0, 1],
      total: [6, 1, 0, 0, 1, 0, 8],
      carried_out: Z,
    },
    t4: [2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1],
    style: { footer: 'centre', t3BreakBefore: 'unable_not_held', values: 'centre', vertical: 'middle', rule: 0.5, labelWidths: [2.2, 4.5, 10] },
  },
  {
    folder: 'guolou-2024-pdf',
    hazards: [
      'identity: 县政府网站上的报告网页用浏览器打印成 PDF：面包屑、索引号表格、发布信息行、网站页脚',
      'identity: 浏览器在页边打印的日期、标题、网址和页码「1/4」',
      'narrative: 累计主动公开总数和三个渠道',
      'narrative: 未发生行政复议、行政诉讼',
      '表二: 每个第二十条事项各是一张表',
      '表三: 大多为 0',
      '表四: 全为 0',
    ],
    town: '郭楼镇',
    county: '汶上县',
    year: 2024,
    layout: '2021',
    title: ['汶上县郭楼镇2024年政府信息公开工作年度报告'],
    body: [
      '根据《中华人民共和国政府信息公开条例》规定，特向社会公布郭楼镇2024年政府信息公开工作年度报告。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
      '# 一、总体情况',
      '2024年，郭楼镇累计主动公开政府信息406条，其中通过汶上县人民政府门户网站发布98条，“郭楼镇发布”微信公众号发布288条，村务公开栏公开20条。',
      '全年共收到政府信息公开申请2件，均按期答复。开展政务公开培训2次，培训60人次。本年度未发生政府信息公开行政复议、行政诉讼案件。',
      '# 二、主动公开政府信息情况',
      '@二',
      '# 三、收到和处理政府信息公开申请情况',
      '@三',
      '# 四、政府信息公开行政复议、行政诉讼情况',
      '@四',
      '# 五、存在的主要问题及改进情况',
      '个别栏目更新不及时。下一步将定期检查栏目内容，做到及时更新。',
      '# 六、其他需要报告的事项',
      '无。',
    ],
    narrative: {
      pub_total: 406,
      pub_website: 98,
      pub_newmedia: 288,
      pub_board: 20,
      text_applications: 2,
      train_sessions: 2,
      train_people: 60,
      text_review: 0,
      text_suit: 0,
    },
    t2: {
      t2_rules_issued: 0,
      t2_rules_repealed: 0,
      t2_rules_in_force: 0,
      t2_normative_issued: 0,
      t2_normative_repealed: 0,
      t2_normative_in_force: 1,
      t2_license_decisions: 23,
      t2_penalty_decisions: 0,
      t2_coercion_decisions: 0,
      t2_fees_amount: 0,
    },
    t3: {
      new: [2, 0, 0, 0, 0, 0, 2],
      open: [1, 0, 0, 0, 0, 0, 1],
      unable_not_held: [1, 0, 0, 0, 0, 0, 1],
      total: [2, 0, 0, 0, 0, 0, 2],
    },
    t4: Array.from({ length: 15 }, () => 0),
    style: {
      footer: 'centre',
      values: 'centre',
      vertical: 'middle',
      rule: 0.75,
      labelWidths: [3, 6, 14],
      t2Split: true,
      portal: {
        crumb: '当前位置：首页 > 政务公开 > 乡镇街道 > 郭楼镇 > 政府信息公开年报',
        index: [
          ['索引号', '11370830MB28530152/2025-00004'],
          ['发布机构', '汶上县郭楼镇人民政府'],
          ['成文日期', '2025-01-17'],
          ['发布日期', '2025-01-17'],
        ],
        meta: '发布时间：2025-01-17 09:30　来源：郭楼镇　字体：大 中 小　浏览次数：',
        footer: '主办单位：汶上县人民政府办公室　网站标识码：3708300001　联系我们　网站地图',
        printed: '2025/1/20 10:42',
        url: 'http://www.wenshang.gov.cn/art/2025/1/17/art_12345_67890.html',
      },
    },
  },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  for (const spec of PDF_REPORTS) {
    mkdirSync(join(dir, spec.folder), { recursive: true });
    writeFileSync(join(dir, spec.folder, 'report.pdf.html'), renderPdfReport(spec));
    writeFileSync(join(dir, spec.folder, 'expected.json'), `${JSON.stringify(expectedOf(spec), null, 2)}\n`);
    console.log(`已写入 ${spec.folder}`);
  }
}
