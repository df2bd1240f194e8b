/**
 * What one sentence of the narrative states: numbers only where the text says them, each tied to
 * the channel, training or case count it is written next to. Nothing is guessed.
 */
import { NUM, parseCount } from './numerals.ts';

export interface Statement {
  metric: string;
  /** a finer key: the new-media channel (公众号, 微博 …); equals `metric` otherwise */
  channel: string;
  value: number;
}

/** Publication channels, most specific first (微信公众号 before 微信, 政府网站 before 网站). */
const CHANNELS: readonly (readonly [channel: string, metric: string, re: RegExp])[] = [
  ['微信公众号', 'pub_newmedia', /微信公众号|公众号|微信/],
  ['政务微博', 'pub_newmedia', /微博/],
  ['抖音', 'pub_newmedia', /抖音/],
  ['快手', 'pub_newmedia', /快手/],
  ['头条号', 'pub_newmedia', /头条号|今日头条/],
  ['视频号', 'pub_newmedia', /视频号/],
  ['客户端', 'pub_newmedia', /客户端|APP/i],
  ['政务新媒体', 'pub_newmedia', /新媒体/],
  ['pub_website', 'pub_website', /政府网站|门户网站|网站|门户网|政府网/],
  ['pub_board', 'pub_board', /公开栏|公示栏|公告栏|宣传栏|公示板|公开板|公开墙|公示墙/],
  ['pub_total', 'pub_total', /主动公开/],
];
const KEYWORD = new RegExp(CHANNELS.map(([, , re]) => re.source).join('|'), 'gi');
const PUBLISH = /发布|推送|公开|更新|刊发|刊登|张贴|公示|上传|推出|编发|转发|报送|信息|文章|推文|动态|消息|内容|图文|视频|政策/;
const TIAO = new RegExp(`${NUM}(?:余|多)?条(?!例|款|规|目|意见|建议|措施|问题|线|街|路|河|龙|件)`, 'g');

const channelOf = (word: string) => CHANNELS.find(([, , re]) => re.test(word))!;
const notOrdinal = (s: string, at: number) => s[at - 1] !== '第';

/** `…发布信息13条` and the like: each N条 belongs to the channel named closest before it. */
function publication(s: string): Statement[] {
  const out: Statement[] = [];
  let from = 0;
  for (const m of s.matchAll(TIAO)) {
    const window = s.slice(from, m.index);
    from = m.index + m[0].length;
    if (!notOrdinal(s, m.index)) continue;
    const words = [...window.matchAll(KEYWORD)];
    let last = words[words.length - 1];
    if (!last || !PUBLISH.test(window.slice(last.index))) continue;
    let [channel, metric] = channelOf(last[0]);
    if (metric === 'pub_total') {
      // 通过政府网站主动公开信息13条: the channel named in the same clause comes first.
      const clauseStart = Math.max(window.lastIndexOf(',', last.index), window.lastIndexOf(';', last.index)) + 1;
      const inClause = words.filter((w) => w.index >= clauseStart && w.index < last!.index && channelOf(w[0])[1] !== 'pub_total');
      if (inClause.length > 0) {
        last = inClause[inClause.length - 1]!;
        [channel, metric] = channelOf(last[0]);
      }
    }
    const value = parseCount(m[1]!);
    if (value !== null) out.push({ metric, channel, value });
  }
  return out;
}

const TRAINING = new RegExp(`${NUM}(?:余|多)?(人次|名|人|次|场|期|轮)`, 'g');

/** `培训…6次`, `培训人员80余人次`: counts after the word 培训 (轮训, 参训) in the same sentence. */
function training(s: string): Statement[] {
  const out: Statement[] = [];
  let from = 0;
  for (const m of s.matchAll(TRAINING)) {
    const window = s.slice(from, m.index);
    from = m.index + m[0].length;
    if (!notOrdinal(s, m.index) || !/培训|轮训|参训/.test(window)) continue;
    const value = parseCount(m[1]!);
    if (value === null) continue;
    const metric = /人/.test(m[2]!) || m[2] === '名' ? 'train_people' : 'train_sessions';
    out.push({ metric, channel: metric, value });
  }
  return out;
}

const CASE_UNIT = '(?:件|起|宗|个|次)';
const NEG = /未|没有|无(?!法|正当)/;
const ZERO_STATED = /(为|是)(零|0)(件|起|个)?$|(为|是)(零|0)(件|起|个)?[,;。]/;
const RECEIVED_N = new RegExp(`(?:收到|受理|接到|接收|新收)[^,;]{0,30}?申请[^,;]{0,12}?${NUM}(?:余|多)?(?:件|个|份|条|起|宗)`);
const RECEIVED_N_BEFORE = new RegExp(`(?:收到|受理|接到|接收|新收)[^,;]{0,10}?${NUM}(?:件|个|份|起)[^,;]{0,20}申请`);
const REVIEW_N = new RegExp(`复议(?:案件|申请)?[^,;\\d诉]{0,12}?${NUM}${CASE_UNIT}`);
const SUIT_N = new RegExp(`(?:诉讼|起诉)(?:案件)?[^,;\\d复]{0,12}?${NUM}${CASE_UNIT}`);
const BOTH_N = new RegExp(`复议[^,;]{0,6}诉讼[^,;]{0,6}各${NUM}${CASE_UNIT}`);

/** 收到…申请N件 / 未收到…申请 / 依申请公开…数量为零: the applications the text says were received. */
function applications(clause: string): Statement[] {
  if (/复议|诉讼|结转/.test(clause) || !/申请/.test(clause)) return [];
  const n = RECEIVED_N.exec(clause) ?? RECEIVED_N_BEFORE.exec(clause);
  const value = n ? parseCount(n[1]!) : null;
  if (value !== null) return [{ metric: 'text_applications', channel: 'text_applications', value }];
  const none =
    /(未|没有)(收到|受理|接到|接收|发生)[^,;]*申请/.test(clause) ||
    /无[^,;]{0,4}申请/.test(clause) ||
    (/(依申请|申请)/.test(clause) && ZERO_STATED.test(clause));
  return none ? [{ metric: 'text_applications', channel: 'text_applications', value: 0 }] : [];
}

/** 行政复议N件 / 行政诉讼N起 / 未发生…行政复议和行政诉讼 / …均为零. */
function cases(clause: string): Statement[] {
  if (!/复议|诉讼/.test(clause)) return [];
  const stated = new Map<string, number>();
  const both = BOTH_N.exec(clause);
  if (both) {
    const v = parseCount(both[1]!);
    if (v !== null) [stated.set('text_review', v), stated.set('text_suit', v)];
  }
  const review = REVIEW_N.exec(clause);
  const suit = SUIT_N.exec(clause);
  if (review && !stated.has('text_review')) stated.set('text_review', parseCount(review[1]!) ?? NaN);
  if (suit && !stated.has('text_suit')) stated.set('text_suit', parseCount(suit[1]!) ?? NaN);
  const neg = NEG.exec(clause);
  const zero = ZERO_STATED.test(clause);
  for (const [metric, word] of [
    ['text_review', /复议/],
    ['text_suit', /诉讼/],
  ] as const) {
    if (stated.has(metric)) continue;
    const at = clause.search(word);
    if (at < 0) continue;
    if ((neg && neg.index < at) || zero) stated.set(metric, 0);
  }
  return [...stated]
    .filter(([, v]) => Number.isFinite(v))
    .map(([metric, value]) => ({ metric, channel: metric, value }));
}

/** Everything one sentence states (`s` already normalized: NFKC, no spaces). */
export function statementsOf(s: string): Statement[] {
  const clauses = s.split(/[,;]/);
  return [...publication(s), ...training(s), ...clauses.flatMap(applications), ...clauses.flatMap(cases)];
}
