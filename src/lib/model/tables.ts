/**
 * The official report form, row by row and column by column, for both layouts.
 * The metric catalogue is built from these definitions, and so is the
 * reconstruction of a report's tables in the town detail view: one source.
 */

export type Layout = '2019' | '2021';
export const LAYOUTS: readonly Layout[] = ['2019', '2021'];

/** Kind of a value: counts are non-negative integers, changes may be negative, amounts are 万元 with decimals. */
export type ValueKind = 'count' | 'change' | 'amount';

export interface T2Cell {
  readonly id: string;
  /** column header as printed on the form */
  readonly column: string;
  readonly unit: string;
  readonly kind: ValueKind;
}

export interface T2Row {
  /** row label as printed on the form */
  readonly label: string;
  readonly cells: readonly T2Cell[];
}

export interface T2Block {
  /** 第二十条第（一）项 … */
  readonly item: string;
  /** column headers of this block */
  readonly columns: readonly string[];
  readonly rows: readonly T2Row[];
}

const cell = (id: string, column: string, unit: string, kind: ValueKind = 'count'): T2Cell => ({ id, column, unit, kind });

const COL_2021 = ['本年制发件数', '本年废止件数', '现行有效件数'] as const;
const COL_2019_DOC = ['本年新制作数量', '本年新公开数量', '对外公开总数量'] as const;
const COL_2019_ITEMS = ['上一年项目数量', '本年增/减', '处理决定数量'] as const;

function docRow2021(label: string, key: string): T2Row {
  return {
    label,
    cells: [
      cell(`t2_${key}_issued`, COL_2021[0], '件'),
      cell(`t2_${key}_repealed`, COL_2021[1], '件'),
      cell(`t2_${key}_in_force`, COL_2021[2], '件'),
    ],
  };
}

function docRow2019(label: string, key: string): T2Row {
  return {
    label,
    cells: [
      cell(`t2_${key}_made`, COL_2019_DOC[0], '件'),
      cell(`t2_${key}_published`, COL_2019_DOC[1], '件'),
      cell(`t2_${key}_total`, COL_2019_DOC[2], '件'),
    ],
  };
}

function itemRow2019(label: string, key: string): T2Row {
  return {
    label,
    cells: [
      cell(`t2_${key}_prev`, COL_2019_ITEMS[0], '项'),
      cell(`t2_${key}_change`, COL_2019_ITEMS[1], '项', 'change'),
      cell(`t2_${key}_decisions`, COL_2019_ITEMS[2], '件'),
    ],
  };
}

/** Table 二 主动公开政府信息情况, layout 2021 (国办公开办函〔2021〕30号). */
export const T2_2021: readonly T2Block[] = [
  {
    item: '第二十条第（一）项',
    columns: COL_2021,
    rows: [docRow2021('规章', 'rules'), docRow2021('行政规范性文件', 'normative')],
  },
  {
    item: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: [{ label: '行政许可', cells: [cell('t2_license_decisions', '本年处理决定数量', '件')] }],
  },
  {
    item: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [
      { label: '行政处罚', cells: [cell('t2_penalty_decisions', '本年处理决定数量', '件')] },
      { label: '行政强制', cells: [cell('t2_coercion_decisions', '本年处理决定数量', '件')] },
    ],
  },
  {
    item: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: [{ label: '行政事业性收费', cells: [cell('t2_fees_amount', '本年收费金额（单位：万元）', '万元', 'amount')] }],
  },
];

/** Table 二 主动公开政府信息情况, layout 2019 (国办公开办函〔2019〕60号). */
export const T2_2019: readonly T2Block[] = [
  {
    item: '第二十条第（一）项',
    columns: COL_2019_DOC,
    rows: [docRow2019('规章', 'rules'), docRow2019('规范性文件', 'normative')],
  },
  {
    item: '第二十条第（五）项',
    columns: COL_2019_ITEMS,
    rows: [itemRow2019('行政许可', 'license'), itemRow2019('其他对外管理服务事项', 'services')],
  },
  {
    item: '第二十条第（六）项',
    columns: COL_2019_ITEMS,
    rows: [itemRow2019('行政处罚', 'penalty'), itemRow2019('行政强制', 'coercion')],
  },
  {
    item: '第二十条第（八）项',
    columns: ['上一年项目数量', '本年增/减'],
    rows: [
      {
        label: '行政事业性收费',
        cells: [cell('t2_fees_prev', '上一年项目数量', '项'), cell('t2_fees_change', '本年增/减', '项', 'change')],
      },
    ],
  },
  {
    item: '第二十条第（九）项',
    columns: ['采购项目数量', '采购总金额'],
    rows: [
      {
        label: '政府集中采购',
        cells: [cell('t2_procurement_projects', '采购项目数量', '项'), cell('t2_procurement_amount', '采购总金额', '万元', 'amount')],
      },
    ],
  },
];

export const T2_BY_LAYOUT: Readonly<Record<Layout, readonly T2Block[]>> = { '2019': T2_2019, '2021': T2_2021 };

/** Table 三 columns: 申请人情况. */
export const T3_COLUMNS = [
  { id: 'person', label: '自然人' },
  { id: 'business', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'ngo', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'org_other', label: '其他' },
  { id: 'total', label: '总计' },
] as const;
export type T3ColumnId = (typeof T3_COLUMNS)[number]['id'];
/** The five kinds of 法人或其他组织. */
export const T3_ORG_COLUMNS: readonly T3ColumnId[] = ['business', 'research', 'ngo', 'legal', 'org_other'];
/** The six applicant columns whose sum is 总计 (R4). */
export const T3_APPLICANT_COLUMNS: readonly T3ColumnId[] = ['person', ...T3_ORG_COLUMNS];

export interface T3Row {
  readonly id: string;
  /** label as printed on the form (without the group prefix for numbered sub-rows) */
  readonly label: string;
  /** short label for charts and headers */
  readonly short: string;
  /** group heading a numbered sub-row belongs to, e.g. （三）不予公开 */
  readonly group?: string;
  readonly layouts: readonly Layout[];
}

const both = LAYOUTS;
const only2021: readonly Layout[] = ['2021'];

/** Table 三 rows, in form order. */
export const T3_ROWS: readonly T3Row[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', short: '本年新收申请', layouts: both },
  { id: 'carried_in', label: '二、上年结转政府信息公开申请数量', short: '上年结转', layouts: both },
  { id: 'open', label: '（一）予以公开', short: '予以公开', group: '三、本年度办理结果', layouts: both },
  {
    id: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    short: '部分公开',
    group: '三、本年度办理结果',
    layouts: both,
  },
  { id: 'deny_secret', label: '1.属于国家秘密', short: '不予公开·国家秘密', group: '（三）不予公开', layouts: both },
  { id: 'deny_law', label: '2.其他法律行政法规禁止公开', short: '不予公开·法律法规禁止', group: '（三）不予公开', layouts: both },
  { id: 'deny_safety', label: '3.危及“三安全一稳定”', short: '不予公开·三安全一稳定', group: '（三）不予公开', layouts: both },
  { id: 'deny_third_party', label: '4.保护第三方合法权益', short: '不予公开·第三方权益', group: '（三）不予公开', layouts: both },
  { id: 'deny_internal', label: '5.属于三类内部事务信息', short: '不予公开·内部事务', group: '（三）不予公开', layouts: both },
  { id: 'deny_process', label: '6.属于四类过程性信息', short: '不予公开·过程性信息', group: '（三）不予公开', layouts: both },
  { id: 'deny_enforcement', label: '7.属于行政执法案卷', short: '不予公开·执法案卷', group: '（三）不予公开', layouts: both },
  { id: 'deny_query', label: '8.属于行政查询事项', short: '不予公开·查询事项', group: '（三）不予公开', layouts: both },
  { id: 'unable_not_held', label: '1.本机关不掌握相关政府信息', short: '无法提供·不掌握', group: '（四）无法提供', layouts: both },
  { id: 'unable_create', label: '2.没有现成信息需要另行制作', short: '无法提供·需另行制作', group: '（四）无法提供', layouts: both },
  { id: 'unable_unclear', label: '3.补正后申请内容仍不明确', short: '无法提供·内容不明确', group: '（四）无法提供', layouts: both },
  { id: 'reject_petition', label: '1.信访举报投诉类申请', short: '不予处理·信访举报投诉', group: '（五）不予处理', layouts: both },
  { id: 'reject_repeat', label: '2.重复申请', short: '不予处理·重复申请', group: '（五）不予处理', layouts: both },
  { id: 'reject_publication', label: '3.要求提供公开出版物', short: '不予处理·公开出版物', group: '（五）不予处理', layouts: both },
  { id: 'reject_excessive', label: '4.无正当理由大量反复申请', short: '不予处理·大量反复申请', group: '（五）不予处理', layouts: both },
  {
    id: 'reject_confirm',
    label: '5.要求行政机关确认或重新出具已获取信息',
    short: '不予处理·确认或重新出具',
    group: '（五）不予处理',
    layouts: both,
  },
  { id: 'other', label: '（六）其他处理', short: '其他处理', group: '三、本年度办理结果', layouts: both },
  {
    id: 'other_no_correction',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    short: '其他处理·逾期不补正',
    group: '（六）其他处理',
    layouts: only2021,
  },
  {
    id: 'other_no_fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    short: '其他处理·逾期未缴费',
    group: '（六）其他处理',
    layouts: only2021,
  },
  { id: 'other_misc', label: '3.其他', short: '其他处理·其他', group: '（六）其他处理', layouts: only2021 },
  { id: 'total', label: '（七）总计', short: '办理总计', group: '三、本年度办理结果', layouts: both },
  { id: 'carried_out', label: '四、结转下年度继续办理', short: '结转下年度', layouts: both },
];
export type T3RowId = string;

/** Table 四 blocks and columns. */
export const T4_BLOCKS = [
  { id: 'review', label: '行政复议', short: '行政复议' },
  { id: 'suit_direct', label: '行政诉讼·未经复议直接起诉', short: '诉讼·直接起诉' },
  { id: 'suit_after_review', label: '行政诉讼·复议后起诉', short: '诉讼·复议后起诉' },
] as const;
export type T4BlockId = (typeof T4_BLOCKS)[number]['id'];

export const T4_COLUMNS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;
export type T4ColumnId = (typeof T4_COLUMNS)[number]['id'];

export const t3Id = (row: string, col: T3ColumnId): string => `t3_${row}_${col}`;
export const t4Id = (block: T4BlockId, col: T4ColumnId): string => `t4_${block}_${col}`;
