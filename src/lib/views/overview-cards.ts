/**
 * The lines under the 主动公开总量 card of 总览: the four channels, then what the total holds
 * beyond them (views.ts publicationSplit), so that the lines add up to the total.
 */
import type { OverviewMeasure, PublicationSplit } from '../db/queries/index.ts';
import { measure } from '../model/measures.ts';

export const CHANNEL_MEASURES = ['pub_website', 'pub_newmedia', 'pub_board', 'pub_other'] as const satisfies readonly OverviewMeasure[];

export interface CardPart {
  label: string;
  /** null: 未报告 */
  value: number | null;
  /** what the line counts, when its label alone does not say */
  note?: string;
}

/**
 * The channels' totals; 仅报总数 when some report states a total and no channel (its total counts
 * in 主动公开总量 and in no channel); and, when some report's total is not the sum of the channels
 * it states, the difference. Together they make 主动公开总量.
 */
export function publicationParts(values: Readonly<Partial<Record<OverviewMeasure, number | null>>>, split: PublicationSplit): CardPart[] {
  const parts: CardPart[] = CHANNEL_MEASURES.map((id) => ({ label: measure(id).label, value: values[id] ?? null }));
  if (split.totalOnly !== null)
    parts.push({ label: '仅报总数', value: split.totalOnly, note: `${split.totalOnlyReports} 个镇街只报了总数，未分渠道` });
  if (split.gap !== 0)
    parts.push({ label: '总数与所报渠道之差', value: split.gap, note: `${split.gapReports} 个镇街报告的总数不等于其所报各渠道之和` });
  return parts;
}
