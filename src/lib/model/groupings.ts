/**
 * Groupings the charts use: publication channels, application outcome groups, applicant types,
 * review and litigation results. Each refers to catalogue ids only.
 */
import { T3_ROWS, T3_ORG_COLUMNS, T3_COLUMNS, T4_BLOCKS, T4_COLUMNS } from './tables.ts';

export interface Group {
  readonly id: string;
  readonly label: string;
  readonly metrics: readonly string[];
}

/** 主动公开 channels, stacked in the publication chart. */
export const PUBLICATION_CHANNELS: readonly Group[] = [
  { id: 'website', label: '政府网站', metrics: ['pub_website'] },
  { id: 'newmedia', label: '政务新媒体', metrics: ['pub_newmedia'] },
  { id: 'board', label: '公开栏等线下', metrics: ['pub_board'] },
  { id: 'other', label: '其他渠道', metrics: ['pub_other'] },
];

const t3RowsWithPrefix = (prefix: string) => T3_ROWS.filter((r) => r.id.startsWith(prefix)).map((r) => r.id);

/** The six outcome groups of table 三, as t3 row ids. */
export const OUTCOME_GROUPS: readonly { id: string; label: string; rows: readonly string[] }[] = [
  { id: 'open', label: '予以公开', rows: ['open'] },
  { id: 'partial', label: '部分公开', rows: ['partial'] },
  { id: 'deny', label: '不予公开', rows: t3RowsWithPrefix('deny_') },
  { id: 'unable', label: '无法提供', rows: t3RowsWithPrefix('unable_') },
  { id: 'reject', label: '不予处理', rows: t3RowsWithPrefix('reject_') },
  { id: 'other', label: '其他处理', rows: ['other'] },
];

/** Applicant types: 自然人 and the five kinds of 法人或其他组织 (table 三 columns). */
export const APPLICANT_TYPES: readonly { id: string; label: string; isOrg: boolean }[] = T3_COLUMNS.filter(
  (c) => c.id !== 'total',
).map((c) => ({ id: c.id, label: c.id === 'org_other' ? '其他组织' : c.label, isOrg: T3_ORG_COLUMNS.includes(c.id) }));

/** Review and litigation: the three blocks of table 四 and their result columns. */
export const REVIEW_BLOCKS = T4_BLOCKS;
export const REVIEW_RESULTS = T4_COLUMNS.filter((c) => c.id !== 'total');
