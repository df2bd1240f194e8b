/**
 * Section 一 numbers and the counts the text states (申请数、复议数、诉讼数), sentence by sentence.
 * A number stated twice with the same value is one statement; with different values the first is
 * kept and a warning names both sentences. New-media channels add up, unless the text states the
 * new-media total itself.
 */
import { metric as metricDef } from '../model/catalogue.ts';
import { statementsOf } from './narrative-rules.ts';
import type { Provenance } from './types.ts';

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

const normalize = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');

interface Stated {
  metric: string;
  channel: string;
  value: number;
  sentence: string;
}

const nameOf = (s: Stated): string => (s.metric === 'pub_newmedia' && s.channel !== '政务新媒体' ? `${s.channel}发布信息` : metricDef(s.metric).label);

export function readNarrative(paragraphs: readonly string[]): NarrativeResult {
  const result: NarrativeResult = { values: {}, provenance: {}, warnings: [] };
  const first = new Map<string, Stated>();
  for (const sentence of sentencesOf(paragraphs)) {
    for (const st of statementsOf(normalize(sentence))) {
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
  const put = (metric: string, value: number, sentence: string) => {
    result.values[metric] = value;
    result.provenance[metric] = { kind: 'text', sentence };
  };
  const media: Stated[] = [];
  for (const st of first.values()) {
    if (st.metric === 'pub_newmedia') media.push(st);
    else put(st.metric, st.value, st.sentence);
  }
  const total = media.find((m) => m.channel === '政务新媒体');
  const channels = media.filter((m) => m !== total);
  const sum = channels.reduce((a, m) => a + m.value, 0);
  if (total) {
    put('pub_newmedia', total.value, total.sentence);
    if (channels.length > 0 && sum !== total.value) {
      const parts = channels.map((m) => `${m.channel} ${m.value}`).join('、');
      result.warnings.push(`正文所述政务新媒体发布信息 ${total.value} 条，与各渠道之和 ${sum} 条（${parts}）不一致；取前者`);
    }
  } else if (channels.length > 0) {
    put('pub_newmedia', sum, [...new Set(channels.map((m) => m.sentence))].join(' '));
  }
  return result;
}
