/**
 * The metric catalogue: every value a report can state, with its id (CSV header, JSON key and
 * SQL column at once), 中文 label, unit, section, group and the layouts it belongs to.
 * Only ids from this catalogue ever become SQL identifiers.
 */
import {
  LAYOUTS,
  T2_2019,
  T2_2021,
  T3_COLUMNS,
  T3_ROWS,
  T4_BLOCKS,
  T4_COLUMNS,
  t3Id,
  t4Id,
  type Layout,
  type ValueKind,
  type T2Block,
} from './tables.ts';

export type Section = 'narrative' | 't2' | 't3' | 't4';

export const SECTION_LABELS: Readonly<Record<Section, string>> = {
  narrative: '正文数字',
  t2: '表二 主动公开政府信息情况',
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 政府信息公开行政复议、行政诉讼情况',
};

export interface MetricDef {
  readonly id: string;
  /** full, unique 中文 label; also accepted as a CSV header */
  readonly label: string;
  /** short label for chart axes and narrow tables */
  readonly short: string;
  readonly unit: string;
  readonly section: Section;
  /** the row (table 二/三), block (table 四) or theme (narrative) the metric belongs to */
  readonly group: string;
  /** the column label within its table, when it has one */
  readonly column?: string;
  readonly layouts: readonly Layout[];
  readonly kind: ValueKind;
}

const NARRATIVE: readonly MetricDef[] = [
  ['pub_website', '政府网站主动公开信息', '网站公开', '条', '主动公开'],
  ['pub_newmedia', '政务新媒体（微信公众号等）发布信息', '新媒体发布', '条', '主动公开'],
  ['pub_board', '政务公开栏等线下公开信息', '公开栏等线下', '条', '主动公开'],
  ['pub_other', '其他渠道公开信息', '其他渠道', '条', '主动公开'],
  ['pub_total', '主动公开信息总数', '主动公开总数', '条', '主动公开'],
  ['train_sessions', '政务公开培训次数', '培训次数', '次', '培训'],
  ['train_people', '政务公开培训人次', '培训人次', '人次', '培训'],
  ['text_applications', '正文所述收到申请数', '正文·申请数', '件', '正文核对'],
  ['text_review', '正文所述行政复议案件数', '正文·复议数', '件', '正文核对'],
  ['text_suit', '正文所述行政诉讼案件数', '正文·诉讼数', '件', '正文核对'],
].map(([id, label, short, unit, group]) => ({
  id: id!,
  label: label!,
  short: short!,
  unit: unit!,
  section: 'narrative' as const,
  group: group!,
  layouts: LAYOUTS,
  kind: 'count' as const,
}));

function t2Metrics(): MetricDef[] {
  const byId = new Map<string, { def: Omit<MetricDef, 'layouts'>; layouts: Layout[] }>();
  const visit = (blocks: readonly T2Block[], layout: Layout) => {
    for (const block of blocks) {
      for (const row of block.rows) {
        for (const c of row.cells) {
          const seen = byId.get(c.id);
          if (seen) {
            seen.layouts.push(layout);
            continue;
          }
          byId.set(c.id, {
            def: {
              id: c.id,
              label: `表二·${row.label}·${c.column}`,
              short: `${row.label}·${c.column}`,
              unit: c.unit,
              section: 't2',
              group: row.label,
              column: c.column,
              kind: c.kind,
            },
            layouts: [layout],
          });
        }
      }
    }
  };
  visit(T2_2021, '2021');
  visit(T2_2019, '2019');
  return [...byId.values()].map(({ def, layouts }) => ({ ...def, layouts: LAYOUTS.filter((l) => layouts.includes(l)) }));
}

function t3Metrics(): MetricDef[] {
  const out: MetricDef[] = [];
  for (const row of T3_ROWS) {
    for (const col of T3_COLUMNS) {
      out.push({
        id: t3Id(row.id, col.id),
        label: `表三·${row.short}·${col.label}`,
        short: col.id === 'total' ? row.short : `${row.short}·${col.label}`,
        unit: '件',
        section: 't3',
        group: row.id,
        column: col.label,
        layouts: row.layouts,
        kind: 'count',
      });
    }
  }
  return out;
}

function t4Metrics(): MetricDef[] {
  const out: MetricDef[] = [];
  for (const block of T4_BLOCKS) {
    for (const col of T4_COLUMNS) {
      out.push({
        id: t4Id(block.id, col.id),
        label: `表四·${block.label}·${col.label}`,
        short: `${block.short}·${col.label}`,
        unit: '件',
        section: 't4',
        group: block.id,
        column: col.label,
        layouts: LAYOUTS,
        kind: 'count',
      });
    }
  }
  return out;
}

/** Every metric, in a stable order: narrative, table 二, table 三, table 四. */
export const METRICS: readonly MetricDef[] = [...NARRATIVE, ...t2Metrics(), ...t3Metrics(), ...t4Metrics()];

export const METRIC_IDS: readonly string[] = METRICS.map((m) => m.id);

const BY_ID: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.id, m]));
const BY_LABEL: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.label, m]));

export function isMetricId(id: string): boolean {
  return BY_ID.has(id);
}

export function metric(id: string): MetricDef {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`未知指标：${id}`);
  return m;
}

/** A metric by its id or its full 中文 label, or undefined. */
export function findMetric(idOrLabel: string): MetricDef | undefined {
  return BY_ID.get(idOrLabel) ?? BY_LABEL.get(idOrLabel);
}

export function metricsOfLayout(layout: Layout): MetricDef[] {
  return METRICS.filter((m) => m.layouts.includes(layout));
}
