/**
 * What one sentence of the narrative states: numbers only where the text says them, each tied to
 * the channel, training or case count it is written next to. Nothing is guessed.
 *
 * Publication counts are a number with 条 / 篇 / 期 / 则 (or 次 right after 更新 / 发布 …) after the
 * channel named closest before it and a publishing word (发布、推送、公开、更新 …) in the sentence:
 * `通过政府网站发布信息13条`, `共642条，其中网站210条、微信356条`, `分别为政府信息公开平台51条，
 * 政务微信996条`. Approximate numbers (100余条, 约300条, 近百条) are kept as stated and marked.
 * Numbers about another year (`较2022年的98条`), changes (`增加20条`), views and followers, ordinals
 * (第二十条), footnote marks (12³条) and masked phone numbers are not counts.
 */
import { NUM, parseCount } from './numerals.ts';

export interface Statement {
  metric: string;
  /** a finer key: the new-media channel (公众号, 微博 …) or the website's name; equals `metric` otherwise */
  channel: string;
  value: number;
  /** stated approximately (余、约、近、多) */
  approximate?: boolean;
  /** why a person should check it */
  doubt?: string;
  /** a part after 其中 of the statement before it (same channel), not a statement of its own */
  partOf?: number;
}

/** Publication channels, most specific first (微信公众号 before 微信, 政府网站 before 网站). */
const CHANNELS: readonly (readonly [channel: string, metric: string, re: RegExp])[] = [
  ['小程序', 'pub_newmedia', /小程序/],
  ['微信公众号', 'pub_newmedia', /微信公众号|公众号|微信公众账号|微信/],
  ['政务微博', 'pub_newmedia', /微博/],
  ['抖音', 'pub_newmedia', /抖音/],
  ['快手', 'pub_newmedia', /快手/],
  ['头条号', 'pub_newmedia', /头条号|今日头条/],
  ['视频号', 'pub_newmedia', /视频号/],
  ['客户端', 'pub_newmedia', /客户端|APP|南方\+|学习强国|强国号|人民号|澎湃号|百家号|企鹅号|网易号|搜狐号|小红书|大鱼号/i],
  ['政务新媒体', 'pub_newmedia', /新媒体/],
  ['pub_website', 'pub_website', /政府网站|门户网站|网站|门户网|政府外网|政府网|政府官网|官网|信息公开平台|信息平台|政务公开平台|公开平台|信息公开网|公开信息网|政务公开网|信息公开专栏|政务公开专栏/],
  ['pub_board', 'pub_board', /公开栏|公示栏|公告栏|宣传栏|公示板|公开板|公开墙|公示墙|电子屏|显示屏/],
  ['pub_other', 'pub_other', /其他形式|其他渠道|其他方式|其它形式|其它渠道|其它方式/],
  ['pub_total', 'pub_total', /(?<!法定|依申请|不予)主动公开/],
];
const KEYWORD = new RegExp(CHANNELS.map(([, , re]) => re.source).join('|'), 'gi');
const HAS_KEYWORD = new RegExp(KEYWORD.source, 'i');
const PUBLISH = /发布|推送|公开|更新|刊发|刊登|张贴|公示|上传|推出|编发|转发|报送|信息|文章|推文|动态|消息|内容|图文|视频|政策/;
const NOT_PUBLISHED = /浏览|阅读|点击|访问|粉丝|关注|订阅|留言|回复|回应|信访|咨询|来电|来信|转载|点赞|评论|播放|删除|清理|撤下|下架|投稿/;
/** what a number counts: 条 and the like; 次 only right after a publishing verb */
const COUNT = new RegExp(
  `(约|近|超过|逾|共约|超|上(?=[百千万]))?${NUM}(余|多)?(条|篇|期|则|次)(?!例|款|规|目|意见|建议|措施|问题|线|街|路|河|龙|件|会|人|年)(左右|以上)?`,
  'g',
);
const DELTA = /(增加|减少|增长|下降|提高|降低|多了|少了|增|减)了?$/;

const channelOf = (word: string) => CHANNELS.find(([, , re]) => re.test(word))!;

/** Whether the digits at `at` are a real count: not 第N条, not the tail of a phone number or a masked one. */
function countAt(s: string, at: number): boolean {
  const prev = s[at - 1] ?? '';
  return prev !== '第' && !/[\d*＊xX×\-－.]/.test(prev);
}

/** The year a stretch of the sentence is about (the last `YYYY年` before `at`), if any. */
function yearBefore(s: string, at: number): number | null {
  // years inside a document's name (《…2022年度部门决算》) say nothing about the count
  const text = s.slice(0, at).replace(/《[^》]*》/g, (q) => '|'.repeat(q.length));
  const all = [...text.matchAll(/(\d{4})年(?!\d{1,2}月)/g)];
  const last = all.pop();
  return last ? Number(last[1]) : null;
}

/** A count written after an earlier year than the report's (2022年…条 in a 2023 report). */
function aboutEarlierYear(s: string, at: number, ctx: SentenceContext): boolean {
  const y = yearBefore(s, at);
  return ctx.year !== undefined && y !== null && y < ctx.year;
}

export interface SentenceContext {
  /** the report's year: counts stated for another year are not this report's */
  year?: number;
  /**
   * the one channel the sentence before named as where it publishes, stating no number itself
   * (`通过政务公开平台主动发布政府信息。全年累计公开信息59条`): a total with no channel of its own is that channel's
   */
  channelBefore?: string;
}

/**
 * The one channel a sentence names as where it publishes (a publishing word in the channel's
 * clause), when it names one kind only: `积极通过政务公开平台主动发布政府信息`.
 */
export function publishingChannel(s: string): string | undefined {
  const kinds = new Set<string>();
  const words = new Set<string>();
  let word = '';
  for (const clause of s.split(/[,;]/)) {
    for (const w of clause.matchAll(KEYWORD)) {
      const [channel, metric] = channelOf(w[0]);
      if (metric === 'pub_total') continue;
      const after = clause.slice(w.index! + w[0].length);
      if (!/发布|推送|公开|更新/.test(after) || /建设|维护|管理|优化|完善/.test(clause)) return undefined;
      kinds.add(metric === 'pub_newmedia' ? 'pub_newmedia' : channel);
      words.add(channel);
      word = w[0];
    }
  }
  if (kinds.size !== 1) return undefined;
  // 微信公众号、视频号: new media as a whole
  return words.size === 1 ? word : '新媒体';
}

interface Found extends Statement {
  at: number;
}

/**
 * `通过政府网站和微信公众号分别发布信息52条和71条`: channels named before 分别, their counts after it
 * in the same order, one each. By the index of each count in the sentence.
 */
function respectively(s: string, ctx: SentenceContext): Map<number, Found> {
  const out = new Map<number, Found>();
  const counts = [...s.matchAll(COUNT)];
  for (const at of [...s.matchAll(/分别/g)].map((m) => m.index)) {
    const partStart = s.lastIndexOf(';', at) + 1;
    let clauseStart = Math.max(partStart, s.lastIndexOf(',', at) + 1);
    const named = (from: number) => [...s.slice(from, at).matchAll(KEYWORD)].filter((w) => channelOf(w[0])[1] !== 'pub_total');
    let words = named(clauseStart);
    if (words.length === 0 && clauseStart > partStart) {
      clauseStart = Math.max(partStart, s.lastIndexOf(',', clauseStart - 2) + 1);
      words = named(clauseStart);
    }
    const channels = words.map((w) => {
      const [c, mt] = channelOf(w[0]);
      return [mt === 'pub_website' ? 'pub_website' : c, mt] as const;
    });
    if (channels.length < 2 || new Set(channels.map(([c]) => c)).size !== channels.length) continue;
    if (!PUBLISH.test(s.slice(clauseStart, at + 12)) || aboutEarlierYear(s, at, ctx)) continue;
    const after = counts.filter((m) => m.index > at);
    const run: RegExpMatchArray[] = [];
    for (const m of after) {
      const gap = s.slice(run.length === 0 ? at + 2 : run[run.length - 1]!.index! + run[run.length - 1]![0].length, m.index);
      const ok = run.length === 0 ? gap.length <= 12 && !/[,;]/.test(gap) && !HAS_KEYWORD.test(gap) && !DELTA_WORD.test(gap) : /^[、,和及与]$/.test(gap);
      if (!ok) break;
      run.push(m);
    }
    if (run.length !== channels.length) continue;
    run.forEach((m, i) => {
      const value = parseCount(m[2]!);
      if (value === null) return;
      const approximate = m[1] !== undefined || m[3] !== undefined || m[5] !== undefined;
      out.set(m.index!, { metric: channels[i]![1], channel: channels[i]![0], value, at: m.index!, ...(approximate ? { approximate: true } : {}) });
    });
  }
  return out;
}
/**
 * A count whose unit was lost (`发布的信息数量304利用…`, `主动公开政府信息260余`): a number right after
 * 信息 / 信息数量 and the like, followed by no unit of its own, is read as 条.
 */
function withUnit(s: string): string {
  return s.replace(
    /((?:信息|信息数|信息数量|信息总数|信息总量)(?:为|达|共|共计|是)?)(\d{1,3}(?:,\d{3})+|\d+)(余|多)?(?=$|,(?!\d)|[;。!?)]|[^\d条篇期则次件个人名万元%年月日号时.:余多\-、*,])/g,
    '$1$2$3条',
  );
}
const DELTA_WORD = /增加|减少|增长|下降|提高|降低|同比|上年|去年/;

/** `…发布信息13条` and the like: each count belongs to the channel named closest before it. */
function publication(sentence: string, ctx: SentenceContext): Found[] {
  const s = withUnit(sentence);
  const out: Found[] = [];
  let from = 0;
  let lastHead: Found | null = null;
  let partsMode = false;
  const resp = respectively(s, ctx);
  for (const m of s.matchAll(COUNT)) {
    const numAt = m.index + (m[1]?.length ?? 0);
    const winStart = from;
    const window = s.slice(from, m.index);
    const assigned = resp.get(m.index);
    if (assigned) {
      from = m.index + m[0].length;
      out.push(assigned);
      continue;
    }
    // not a count at all (第N条, a phone number's tail, 每月更新一次): the window goes on past it
    if (!countAt(s, numAt)) continue;
    if (m[4] === '次' && (!/(更新|发布|推送|公开|张贴|公示)[^,;]{0,8}$/.test(window) || /(每|一周|一月|一天|周|月|日)[^,;]{0,4}(更新|发布|推送)/.test(window))) continue;
    from = m.index + m[0].length;
    if (window.includes(';')) [partsMode, lastHead] = [false, null]; // a new part of the sentence
    if (/其中|包括|分别为|含/.test(window) && lastHead) partsMode = true;
    if (DELTA.test(window) || /上年|去年|上一年|同比|比$|较$/.test(window.slice(-6))) continue;
    if (aboutEarlierYear(s, m.index, ctx)) continue;
    const words = [...window.matchAll(KEYWORD)];
    let last = words[words.length - 1];
    const value = parseCount(m[2]!);
    if (value === null) continue;
    const approximate = m[1] !== undefined || m[3] !== undefined || m[5] !== undefined;
    let metric: string;
    let channel: string;
    let doubt: string | undefined;
    if (!last) {
      // 累计公开政务信息1368条 / 我镇公开政府信息120条: a total with no channel named
      const clause = window.slice(Math.max(window.lastIndexOf(','), window.lastIndexOf(';')) + 1);
      const totalWords =
        /公开数量|公开总量|信息总量|信息总数|(共|累计|合计|总计|全年|共计|总数|总量|年度|年)[^,;]{0,12}(公开|发布)(了)?[^,;]{0,8}(信息|政务|政府)|(公开|发布)(了)?(各类)?(政府|政务)信息|(共|累计|合计|总计|共计)(主动)?(公开|发布)(了)?(各类)?$/;
      const listed = /(共计|共|合计|总计|累计)$/.test(clause) && /主动[^,;]{0,4}公开|公开了|发布了/.test(s.slice(0, m.index));
      if (partsMode && lastHead) {
        // 其中政策解读12条、工作动态150条: categories of the count before, checked against it
        out.push({ metric: lastHead.metric, channel: lastHead.channel, value, at: m.index, partOf: lastHead.value });
        continue;
      }
      const carried = ctx.channelBefore !== undefined && /(共|累计|合计|总计|全年|共计)[^,;]{0,8}(发布|公开|推送|更新)/.test(clause);
      if (partsMode || out.length > 0 || !(totalWords.test(clause) || listed || carried)) continue;
      if (/依申请|不予公开/.test(clause)) continue;
      // 通过与群众面对面交流、召开村民代表大会以及张贴宣传资料等方式，公开…42条: ways that are none of the channels
      const ways = /(通过|采取|利用)([^,;]{2,40}?)等(多种)?(方式|形式|渠道|途径)(,[^,;]*|[^,;]*)$/.exec(window);
      [metric, channel] = ways && /、|以及|和|及/.test(ways[2]!) && !HAS_KEYWORD.test(ways[2]!) ? ['pub_other', 'pub_other'] : ['pub_total', 'pub_total'];
    } else {
      const after = window.slice(last.index);
      const numClause = window.slice(Math.max(window.lastIndexOf(','), window.lastIndexOf(';')) + 1);
      const keywordInClause = words.some((w) => w.index! >= window.length - numClause.length);
      // 加强信息公开平台建设,…,2025年公开政务信息91条: a clause of its own, with its own year, is not the platform's
      // 全年在省市县各类媒体平台发布300余篇: a place the clause names itself, not a channel we know
      const kwClauseEnd = window.indexOf(',', last.index! + last[0].length);
      const kwClause = window.slice(Math.max(window.lastIndexOf(',', last.index!), window.lastIndexOf(';', last.index!)) + 1, kwClauseEnd < 0 ? undefined : kwClauseEnd);
      const building = /建设|加强|完善|优化|推进|打造|维护|管理/.test(kwClause);
      if (!keywordInClause && ((/^\d{4}年/.test(numClause) && building) || /(在|通过|依托|利用)[^,;]{1,14}(平台|媒体|报|台|网)/.test(numClause))) {
        if (/^\d{4}年/.test(numClause) && out.length === 0 && !partsMode && /(公开|发布)(了)?[^,;]{0,8}(信息|政务|政府)/.test(numClause)) {
          out.push({ metric: 'pub_total', channel: 'pub_total', value, at: m.index, ...(approximate ? { approximate: true } : {}) });
          lastHead = out[out.length - 1]!;
        }
        continue;
      }
      // 门户网站发布信息分别为工作动态41条、通知公告12条: categories of the channel, not the channel's count
      if (/分别|包括|其中/.test(after)) continue;
      const clause = after.slice(Math.max(after.lastIndexOf(','), after.lastIndexOf(';')) + 1);
      if (NOT_PUBLISHED.test(clause)) continue;
      if (!PUBLISH.test(after) && !PUBLISH.test(s.slice(0, winStart + last.index!))) continue;
      [channel, metric] = channelOf(last[0]);
      if (metric === 'pub_total') {
        // 通过政府网站主动公开信息13条: the channel named in the same clause comes first.
        const clauseStart = Math.max(window.lastIndexOf(',', last.index), window.lastIndexOf(';', last.index)) + 1;
        const inClause = words.filter((w) => w.index >= clauseStart && w.index < last!.index && channelOf(w[0])[1] !== 'pub_total');
        if (inClause.length > 0) {
          last = inClause[inClause.length - 1]!;
          [channel, metric] = channelOf(last[0]);
        }
      }
      // 依托微信公众号、视频号等平台发布100条: one number for several channels
      const group = enumeration(window, words, last);
      if (group) {
        const metrics = new Set(group.map((w) => channelOf(w[0])[1]));
        if (group.length === 2 && group[0] === group[1]) metrics.add('unknown');
        if (metrics.size === 1 && metrics.has('pub_newmedia')) [channel, metric] = ['政务新媒体', 'pub_newmedia'];
        else if (metrics.size > 1) {
          [channel, metric] = ['pub_total', 'pub_total'];
          doubt = `一个数涵盖${[...new Set(group.map((w) => w[0]))].join('、')}等几个渠道，记为主动公开总数`;
        }
      }
      if (metric === 'pub_website') channel = websiteName(window, last);
    }
    const st: Found = { metric, channel, value, at: m.index, ...(approximate ? { approximate: true } : {}), ...(doubt ? { doubt } : {}) };
    // after 其中: parts of a channel (its categories, or itself on a sub-page) are not statements;
    // the channels under a stated total, or a new-media total's channels, are
    const breakdown = lastHead && (lastHead.metric === 'pub_total' || (lastHead.channel === '政务新媒体' && metric === 'pub_newmedia' && channel !== '政务新媒体'));
    if (partsMode && lastHead && !breakdown) {
      st.partOf = lastHead.value;
      out.push(st);
      continue;
    }
    if (!partsMode) lastHead = st;
    out.push(st);
    // 共主动公开政府信息58条，均通过区政府门户网站发布: the whole count on one channel
    const all = /^,?(均|全部|都)(是)?(通过|在|依托|于)([^,;]{0,16}?)(发布|公开|推送)/.exec(s.slice(m.index + m[0].length));
    const allWord = all ? [...all[4]!.matchAll(KEYWORD)].pop() : undefined;
    if (metric === 'pub_total' && allWord && channelOf(allWord[0])[1] !== 'pub_total') {
      const [c, mt] = channelOf(allWord[0]);
      out.push({ metric: mt, channel: mt === 'pub_website' ? 'pub_website' : c, value, at: m.index, ...(approximate ? { approximate: true } : {}) });
    }
  }
  // 积极通过政务公开平台主动发布政府信息。全年累计公开信息59条: the channel of the sentence before
  const named = [...s.matchAll(KEYWORD)].some((w) => channelOf(w[0])[1] !== 'pub_total');
  if (ctx.channelBefore && !named && out.length === 1 && out[0]!.metric === 'pub_total' && !out[0]!.doubt) {
    const [c, mt] = channelOf(ctx.channelBefore);
    out[0] = { ...out[0]!, metric: mt, channel: mt === 'pub_website' ? 'pub_website' : c };
  }
  return out;
}

/** The keywords of an enumeration `A、B等` ending at `last`, when there is one. */
function enumeration(window: string, words: RegExpMatchArray[], last: RegExpMatchArray): RegExpMatchArray[] | null {
  const tail = window.slice(last.index! + last[0].length);
  if (!/^[^,;]{0,4}等/.test(tail)) return null;
  const group = [last];
  for (let k = words.indexOf(last) - 1; k >= 0; k--) {
    const w = words[k]!;
    const between = window.slice(w.index! + w[0].length, group[0]!.index!);
    if (!/^[^,;]{0,8}?[、和及与/]$|^[、和及与/]/.test(between) || between.length > 10) break;
    group.unshift(w);
  }
  if (group.length > 1) return group;
  // 在天门市政府官网、天门日报、“小板发布”微信公众号等平台: items we know and items we do not
  const clauseStart = Math.max(window.lastIndexOf(',', last.index!), window.lastIndexOf(';', last.index!)) + 1;
  return /、/.test(window.slice(clauseStart, last.index!)) ? [last, last] : null;
}

/** 旗政府网站 vs 旗三务公开网站: websites of different names in one sentence are different channels. */
function websiteName(window: string, last: RegExpMatchArray): string {
  const before = /[\u4e00-\u9fff]{0,4}$/.exec(window.slice(0, last.index))?.[0] ?? '';
  return /三务|党务|村务|财务/.test(before) ? `${before.replace(/^.*?(三务|党务|村务|财务)/, '$1')}${last[0]}` : 'pub_website';
}

const TRAINING = new RegExp(`(约|近)?${NUM}(余|多)?(人次|名|人|次|场|期|轮)`, 'g');

/** `培训…6次`, `培训人员80余人次`: counts after the word 培训 (轮训, 参训) in the same sentence. */
function training(s: string): Found[] {
  const out: Found[] = [];
  let from = 0;
  let chained = false;
  for (const m of s.matchAll(TRAINING)) {
    const numAt = m.index + (m[1]?.length ?? 0);
    const window = s.slice(from, m.index);
    from = m.index + m[0].length;
    const trained = /培训|轮训|参训|授课|讲座/.test(window) || (chained && !/会议|检查|督查|活动|调研|走访|发布|推送/.test(window) && /覆盖|参加|参与|人员|干部|工作人员|达|共/.test(window));
    if (!countAt(s, numAt) || !trained) {
      if (!/[,;]/.test(window)) continue;
      chained = false;
      continue;
    }
    const value = parseCount(m[2]!);
    if (value === null) continue;
    chained = true;
    const metric = /人/.test(m[4]!) || m[4] === '名' ? 'train_people' : 'train_sessions';
    const approximate = m[1] !== undefined || m[3] !== undefined;
    out.push({ metric, channel: metric, value, at: m.index, ...(approximate ? { approximate: true } : {}) });
  }
  return out;
}

const CASE_UNIT = '(?:件|起|宗|个|次)';
const NEG = /未|没有|无(?!法|正当)/;
const ZERO_STATED = /(为|是)(零|0)(件|起|个)?$|(为|是)(零|0)(件|起|个)?[,;。]/;
const RECEIVED_N = new RegExp(`(?:收到|受理|接到|接收|新收)[^,;]{0,30}?申请[^,;]{0,12}?(约|近)?${NUM}(余|多)?(?:件|个(?!部分|方面)|份|条|起|宗)`);
const RECEIVED_N_BEFORE = new RegExp(`(?:收到|受理|接到|接收|新收)[^,;]{0,10}?(约|近)?${NUM}(余|多)?(?:件|个(?!部分|方面)|份|起)[^,;]{0,20}申请`);
/** 依申请公开政府信息共4件 (件, not 条: applications, not published items) */
const BY_REQUEST_N = new RegExp(`依申请(?:公开)?(?:政府信息)?(?:申请)?(?:共|共计|总计|合计)?[^,;\\d]{0,4}?(约|近)?${NUM}(余|多)?(?:件|个(?!部分|方面)|份|次(?=[,;。]|$))`);
/** 办理依申请公开事项2件: handled, which may include last year's */
const HANDLED_N = new RegExp(`办理[^,;]{0,12}?申请[^,;]{0,8}?(约|近)?${NUM}(余|多)?(?:件|个(?!部分|方面)|份)`);
const REVIEW_N = new RegExp(`复议(?:案件|申请)?[^,;\\d诉]{0,12}?${NUM}${CASE_UNIT}`);
const SUIT_N = new RegExp(`(?:诉讼|起诉)(?:案件)?[^,;\\d复]{0,12}?${NUM}${CASE_UNIT}`);
const BOTH_N = new RegExp(`复议[^,;]{0,6}诉讼[^,;]{0,6}各${NUM}${CASE_UNIT}`);

const approx = (m: RegExpExecArray) => (m[1] !== undefined || m[3] !== undefined ? { approximate: true as const } : {});

/** 收到…申请N件 / 未收到…申请 / 依申请公开…数量为零: the applications the text says were received. */
function applications(clause: string, ctx: SentenceContext, sentence = clause): Statement[] {
  if (/复议|诉讼|结转/.test(clause) || !/申请|要求公开/.test(clause)) return [];
  if (aboutEarlierYear(clause, clause.length, ctx)) return [];
  // 发文96件，其中主动公开0件，依申请公开0件: documents published on request, not applications
  const documents = /发文|文件/.test(sentence.slice(0, sentence.indexOf(clause) + 1));
  const received = /收到|受理|接到|接收|新收/.test(clause);
  const n = RECEIVED_N.exec(clause) ?? RECEIVED_N_BEFORE.exec(clause) ?? (documents || (!received && HANDLED_N.test(clause)) ? null : BY_REQUEST_N.exec(clause));
  const value = n ? parseCount(n[2]!) : null;
  if (n && value !== null) return [{ metric: 'text_applications', channel: 'text_applications', value, ...approx(n) }];
  const h = HANDLED_N.exec(clause);
  const handled = h ? parseCount(h[2]!) : null;
  if (h && handled !== null) {
    return [{ metric: 'text_applications', channel: 'text_applications', value: handled, ...approx(h), doubt: '正文写的是办理的申请数，可能含上年结转' }];
  }
  const none =
    /(未|没有)(收到|受理|接到|接收|发生)[^,;]*申请/.test(clause) ||
    /(未|没有)(收到|接到|接收|受理)[^,;]{0,12}要求公开/.test(clause) ||
    /无[^,;]{0,4}申请/.test(clause) ||
    /申请[^,;]{0,12}(数量|情况)[:：]?无[。]?$/.test(clause) ||
    (/(依申请|申请)/.test(clause) && ZERO_STATED.test(clause));
  return none ? [{ metric: 'text_applications', channel: 'text_applications', value: 0 }] : [];
}

/** 行政复议N件 / 行政诉讼N起 / 未发生…行政复议和行政诉讼 / …均为零. */
function cases(text: string): Statement[] {
  if (!/复议|诉讼/.test(text)) return [];
  // 表四's column 未经复议直接起诉 (a paragraph of its own in some copies) denies nothing
  const clause = text.replace(/未经(?:行政)?复议(?:直接)?/g, '直接');
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
  const zero = ZERO_STATED.test(clause) || /(情况|数量)[:：]无[。]?$/.test(clause);
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
export function statementsOf(s: string, ctx: SentenceContext = {}): Statement[] {
  const clauses = s.split(/[,;]/);
  const strip = ({ at: _at, ...st }: Found): Statement => st;
  return [
    ...publication(s, ctx).map(strip),
    ...training(s).map(strip),
    ...clauses.flatMap((c) => applications(c, ctx, s)),
    ...casesOf(clauses),
  ];
}

/**
 * The case counts of each clause; a clause that only names the other kind of case goes on with the
 * negation of the clause before (`全年未发生因政府信息公开申请行政复议，提起行政诉讼的情况`).
 */
function casesOf(clauses: readonly string[]): Statement[] {
  const out: Statement[] = [];
  let denied = false;
  for (const clause of clauses) {
    const found = cases(clause);
    if (found.length === 0 && denied && /^(提起|被提起|发生|被申请)?(行政)?(诉讼|复议)[^,;\d]{0,8}$/.test(clause)) {
      const metric = /诉讼/.test(clause) ? 'text_suit' : 'text_review';
      out.push({ metric, channel: metric, value: 0 });
      continue;
    }
    denied = found.length > 0 && found.every((st) => st.value === 0) && NEG.test(clause);
    out.push(...found);
  }
  return out;
}
