/**
 * Section 一 numbers and the counts the text states (申请数、复议数、诉讼数), sentence by sentence.
 * A number stated twice with the same value is one statement; with different values the first is
 * kept and a warning names both sentences. New-media channels add up (so do websites of different
 * names in one sentence), unless the text states the new-media total itself. Approximate numbers
 * are kept as stated and marked approximate; a sum with an approximate part is approximate. A part
 * larger than its total, or channels that do not add up to the stated total, are warnings naming
 * the numbers and the sentence: every number stays as stated.
 */
import { metric as metricDef } from '../model/catalogue.ts';
import { stripPinyin, toSimplified as fold } from './hant.ts';

/** Traditional characters folded to simplified, inserted pinyin removed. */
const toSimplified = (s: string): string => fold(stripPinyin(s));
import { publishingChannel, statementsOf, type SentenceContext, type Statement } from './narrative-rules.ts';
import type { Provenance } from '../model/report-doc.ts';

export interface NarrativeResult {
  values: Record<string, number>;
  provenance: Record<string, Provenance>;
  warnings: string[];
}

/** Sentences of the paragraphs, each ending at 。！？ (or the end of its paragraph). */
export function sentencesOf(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) =>
    (p.match(/[^。！？!?]+[。！？!?]*/g) ?? []).map((s) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim()).filter((s) => s !== ''),
  );
}

/**
 * The sentences of each paragraph with the one before it in the paragraph: a sentence that begins
 * with 其中 goes on the one before (`全年共发布信息123条。其中网站52条，微信71条。`).
 */
function sentencesInContext(paragraphs: readonly string[]): { sentence: string; before?: string }[] {
  const out: { sentence: string; before?: string }[] = [];
  for (const p of paragraphs) {
    const list: string[] = [];
    for (const s of sentencesOf([p])) {
      if (list.length > 0 && /^[(（]?其中/.test(s)) list[list.length - 1] += s;
      else list.push(s);
    }
    list.forEach((sentence, i) => out.push(i > 0 ? { sentence, before: list[i - 1]! } : { sentence }));
  }
  return out;
}

/** Footnote marks (12³条) and circled list numbers (①政府网站…) are not digits of a count. */
const FOOTNOTE = /[\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]/g;
const CIRCLED = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/g;

const normalize = (s: string) =>
  toSimplified(s.replace(FOOTNOTE, '').replace(CIRCLED, ',').normalize('NFKC'))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/,+/g, ',');

interface Stated extends Statement {
  sentence: string;
}

const nameOf = (s: Stated): string =>
  s.metric === 'pub_newmedia' && s.channel !== '政务新媒体'
    ? `${s.channel}发布信息`
    : s.metric === 'pub_website' && s.channel !== 'pub_website'
      ? `${s.channel}发布信息`
      : metricDef(s.metric).label;

const shown = (s: { value: number; approximate?: boolean }) => `${s.value}${s.approximate ? '（约数）' : ''}`;

export function readNarrative(paragraphs: readonly string[], ctx: SentenceContext = {}): NarrativeResult {
  const result: NarrativeResult = { values: {}, provenance: {}, warnings: [] };
  const first = new Map<string, Stated>();
  for (const { sentence, before } of sentencesInContext(paragraphs)) {
    const channelBefore = before === undefined ? undefined : publishingChannel(normalize(before));
    for (const st of statementsOf(normalize(sentence), channelBefore && statementsOf(normalize(before!), ctx).length === 0 ? { ...ctx, channelBefore } : ctx)) {
      if (st.partOf !== undefined) {
        if (st.value > st.partOf) {
          result.warnings.push(`正文「${sentence}」中，其中一项 ${st.value} 条大于总数 ${st.partOf} 条，请核对`);
        }
        continue;
      }
      const key = `${st.metric}/${st.channel}`;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { ...st, sentence });
        continue;
      }
      if (seen.value !== st.value) {
        result.warnings.push(
          `正文中「${nameOf(seen)}」前后不一致：「${seen.sentence}」为 ${seen.value}，「${sentence}」为 ${st.value}；取前者`,
        );
      }
    }
  }
  const put = (metric: string, value: number, sentence: string, certainty: { approximate?: boolean; doubt?: string } = {}) => {
    result.values[metric] = value;
    result.provenance[metric] = {
      kind: 'text',
      sentence,
      ...(certainty.approximate ? { approximate: true as const } : {}),
      ...(certainty.doubt ? { doubt: certainty.doubt } : {}),
    };
  };
  const summed: Record<string, Stated[]> = { pub_newmedia: [], pub_website: [] };
  for (const st of first.values()) {
    if (st.metric in summed) summed[st.metric]!.push(st);
    else put(st.metric, st.value, st.sentence, st);
  }
  for (const [metric, whole] of [
    ['pub_newmedia', '政务新媒体'],
    ['pub_website', 'pub_website'],
  ] as const) {
    const all = summed[metric]!;
    const total = all.find((m) => m.channel === whole);
    const channels = all.filter((m) => m !== total);
    const sum = channels.reduce((a, m) => a + m.value, 0);
    const approximate = channels.some((m) => m.approximate);
    if (total && (metric === 'pub_newmedia' || channels.length === 0 || !total.sentence || !channels.every((c) => c.sentence === total.sentence))) {
      put(metric, total.value, total.sentence, total);
      if (metric === 'pub_newmedia' && channels.length > 0 && sum !== total.value && !approximate && !total.approximate) {
        const parts = channels.map((m) => `${m.channel} ${m.value}`).join('、');
        result.warnings.push(`正文所述政务新媒体发布信息 ${total.value} 条，与各渠道之和 ${sum} 条（${parts}）不一致；取前者`);
      }
    } else if (all.length > 0) {
      const parts = total ? [total, ...channels] : channels;
      const value = parts.reduce((a, m) => a + m.value, 0);
      const anyApprox = parts.some((m) => m.approximate);
      const sentences = [...new Set(parts.map((m) => m.sentence))];
      const doubt =
        metric === 'pub_website' && parts.length > 1 ? `几个网站之和：${parts.map((m) => `${m.channel === 'pub_website' ? '政府网站' : m.channel} ${shown(m)}`).join('、')}` : undefined;
      put(metric, value, sentences.join(' '), { approximate: anyApprox, ...(doubt ? { doubt } : {}) });
    }
  }
  checkTotal(result);
  return result;
}

/** A stated total against the channels stated with it: a channel larger than the total, or channels that do not add up. */
function checkTotal(result: NarrativeResult) {
  const total = result.provenance.pub_total;
  const value = result.values.pub_total;
  if (!total || total.kind !== 'text' || value === undefined) return;
  const ids = ['pub_website', 'pub_newmedia', 'pub_board', 'pub_other'].filter((id) => result.values[id] !== undefined);
  const exact = (id: string) => !result.provenance[id]!.approximate;
  for (const id of ids) {
    const v = result.values[id]!;
    if (v > value && exact(id) && !total.approximate) {
      result.warnings.push(`正文所述${metricDef(id).label} ${v} 条大于主动公开信息总数 ${value} 条（「${total.sentence}」），请核对`);
    }
  }
  const together = ids.filter((id) => {
    const p = result.provenance[id]!;
    return p.kind === 'text' && p.sentence.includes(total.sentence);
  });
  if (together.length >= 2 && !total.approximate && together.every(exact)) {
    const sum = together.reduce((a, id) => a + result.values[id]!, 0);
    if (sum !== value) {
      const parts = together.map((id) => `${metricDef(id).label.replace(/（.*）/, '')} ${result.values[id]}`).join('、');
      result.warnings.push(`正文所述主动公开信息总数 ${value} 条，与所列各渠道之和 ${sum} 条（${parts}）不一致（「${total.sentence}」）；各数按原文记录`);
    }
  }
}
