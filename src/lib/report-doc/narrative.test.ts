import { describe, expect, it } from 'vitest';
import { readNarrative, sentencesOf } from './narrative.ts';

describe('sentencesOf', () => {
  it('splits at 。！？ and keeps each sentence whole', () => {
    expect(sentencesOf(['一句。二句！三句？', '  无句号的段落 ', ''])).toEqual(['一句。', '二句！', '三句？', '无句号的段落']);
  });
});

/** What one paragraph states, as metric → value. */
const valuesOf = (...paragraphs: string[]) => readNarrative(paragraphs).values;

describe('readNarrative: numbers only where the text states them', () => {
  it.each<[string, string, Record<string, number>]>([
    [
      'website and WeChat in one sentence',
      '2021年，汶上县康驿镇通过“康驿便民在线”微信公众号号推送信息499条，汶上县政府网站发布信息13条。',
      { pub_newmedia: 499, pub_website: 13 },
    ],
    ['bulletin board across clauses', '2021年，政府大厅新设政务公开栏1处，年度公开信息86条。', { pub_board: 86 }],
    ['公示栏', '在社区公示栏张贴公开信息48条。', { pub_board: 48 }],
    ['门户网站, spaces and grouped digits', '通过县门户网站发布政务信息 1,230 条。', { pub_website: 1230 }],
    ['full-width digits', '通过政府网站发布信息１３条。', { pub_website: 13 }],
    ['Chinese numerals', '在政府网站发布政府信息一百零五条。', { pub_website: 105 }],
    ['several new-media channels add up', '通过微信公众号推送信息120条，政务微博发布40条，抖音发布短视频15条。', { pub_newmedia: 175 }],
    [
      'a stated total and its channels',
      '全年主动公开政府信息共642条，其中通过政府网站发布210条，通过微信公众号推送356条，通过政务公开栏公开76条。',
      { pub_total: 642, pub_website: 210, pub_newmedia: 356, pub_board: 76 },
    ],
    ['主动公开 through a named channel is that channel', '通过政府网站主动公开政府信息13条。', { pub_website: 13 }],
    ['a stated new-media total wins over its parts', '通过政务新媒体发布信息300条，其中微信公众号发布信息300条。', { pub_newmedia: 300 }],
    ['no channel, no number', '全年收集意见建议3条，均已办结。', {}],
    ['条例 and 第二十条 are not counts', '根据《条例》第二十条规定，依托政府网站公开。', {}],
    ['training sessions and people', '2021年共举办各类培训活动6次，培训人员80余人次。', { train_sessions: 6, train_people: 80 }],
    ['training in Chinese numerals, 参训', '举办政务公开专题培训三次，参训人员一百二十人次。', { train_sessions: 3, train_people: 120 }],
    ['training people in 人', '组织开展政务公开业务培训2次，参训干部45人。', { train_sessions: 2, train_people: 45 }],
    ['meetings are not training', '召开专题会议4次，研究部署政务公开工作。', {}],
    ['applications received', '全年共收到政府信息公开申请16件，均已按期答复。', { text_applications: 16 }],
    ['applications received, number first', '本年度共受理5件政府信息公开申请。', { text_applications: 5 }],
    ['未收到…申请 is zero', '康驿镇2021年全年未收到政府信息公开申请，未收取信息处理费。', { text_applications: 0 }],
    ['依申请公开…数量为零', '2021年，我镇依申请公开政府信息的数量为零。', { text_applications: 0 }],
    ['carried over is not received', '上年结转申请1件，结转下年度继续办理2件。', {}],
    ['未发生…行政复议和行政诉讼 is zero for both', '未发生针对本部门政府信息公开事务的行政复议和行政诉讼。', { text_review: 0, text_suit: 0 }],
    ['review and suit counts', '本年度发生政府信息公开行政复议2件，行政诉讼1件。', { text_review: 2, text_suit: 1 }],
    ['one stated, the other denied', '因政府信息公开被申请行政复议1件，未发生行政诉讼。', { text_review: 1, text_suit: 0 }],
    ['各N件', '政府信息公开行政复议、行政诉讼各1件。', { text_review: 1, text_suit: 1 }],
    ['均为零', '政府信息公开行政复议、行政诉讼数量均为零。', { text_review: 0, text_suit: 0 }],
    ['复议后起诉', '复议后起诉1件。', { text_suit: 1 }],
    ['a heading states nothing', '四、政府信息公开行政复议、行政诉讼情况', {}],
    ['表四 column 未经复议直接起诉 as a paragraph denies no review', '未经复议直接起诉', {}],
    ['未经复议直接起诉 N件 is a suit, not a denied review', '本年度未经复议直接起诉的行政诉讼1件。', { text_suit: 1 }],
    ['the list of sections states nothing', '本报告内容包括总体情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况等六部分内容。', {}],
  ])('%s', (_, paragraph, want) => expect(valuesOf(paragraph)).toEqual(want));
});

describe('readNarrative: provenance and repeated statements', () => {
  it('each value names its sentence', () => {
    const r = readNarrative(['一、总体情况', '2021年共举办各类培训活动6次，培训人员80余人次。其余略。']);
    expect(r.provenance).toEqual({
      train_sessions: { kind: 'text', sentence: '2021年共举办各类培训活动6次，培训人员80余人次。' },
      train_people: { kind: 'text', sentence: '2021年共举办各类培训活动6次，培训人员80余人次。', approximate: true },
    });
  });

  it('the same value stated twice is fine', () => {
    const r = readNarrative(['全年共举办培训6次。', '改进措施：2021年共举办各类培训活动6次。']);
    expect(r.values).toEqual({ train_sessions: 6 });
    expect(r.warnings).toEqual([]);
  });

  it('different values: the first is kept and both sentences are named', () => {
    const r = readNarrative(['通过政府网站发布信息20条。', '在政府网站公开信息25条。']);
    expect(r.values).toEqual({ pub_website: 20 });
    expect(r.provenance.pub_website).toEqual({ kind: 'text', sentence: '通过政府网站发布信息20条。' });
    expect(r.warnings).toEqual(['正文中「政府网站主动公开信息」前后不一致：「通过政府网站发布信息20条。」为 20，「在政府网站公开信息25条。」为 25；取前者']);
  });

  it('new-media channels from several sentences add up; the same channel twice does not', () => {
    const r = readNarrative(['通过微信公众号推送信息120条。', '通过抖音发布短视频15条。', '微信公众号推送信息120条。']);
    expect(r.values).toEqual({ pub_newmedia: 135 });
    expect(r.provenance.pub_newmedia).toEqual({ kind: 'text', sentence: '通过微信公众号推送信息120条。 通过抖音发布短视频15条。' });
    expect(r.warnings).toEqual([]);
  });

  it('a new-media total that disagrees with its channels is kept, with a warning', () => {
    const r = readNarrative(['通过政务新媒体发布信息300条，其中微信公众号推送信息200条，政务微博发布信息50条。']);
    expect(r.values).toEqual({ pub_newmedia: 300 });
    expect(r.warnings).toEqual(['正文所述政务新媒体发布信息 300 条，与各渠道之和 250 条（微信公众号 200、政务微博 50）不一致；取前者']);
  });

  it('a conflicting WeChat count names the channel', () => {
    const r = readNarrative(['微信公众号推送信息10条。', '微信公众号推送信息12条。']);
    expect(r.warnings).toEqual(['正文中「微信公众号发布信息」前后不一致：「微信公众号推送信息10条。」为 10，「微信公众号推送信息12条。」为 12；取前者']);
  });
});

describe('readNarrative: the phrasings reports use', () => {
  const read = (p: string, year?: number) => readNarrative([p], year ? { year } : {}).values;
  it.each<[string, string, Record<string, number>, number?]>([
    ['分别为 with the verb before the list', '主动公开政府信息1134条，分别为政府信息公开平台51条，政务微信996条，社区公开栏等其他形式87条。', { pub_total: 1134, pub_website: 51, pub_newmedia: 996, pub_other: 87 }],
    ['a total with no channel', '2022年度累计公开政务信息1368条。', { pub_total: 1368 }],
    ['篇 and 期', '通过微信公众号推送图文215篇，公开栏全年更新12期。', { pub_newmedia: 215, pub_board: 12 }],
    ['更新…次 after the verb, but not a frequency', '利用公告栏主动对外更新政府信息27次，坚持一周更新两次以上。', { pub_board: 27 }],
    ['categories of a channel are not its count', '门户网站发布信息分别为工作动态41条、通知公告12条。', {}],
    ['several new-media channels behind one number', '依托微信公众号、视频号等平台，全年发布各类政务信息100余条。', { pub_newmedia: 100 }],
    ['several kinds of channel behind one number', '通过政府网站、微信公众号等载体全年累计主动公开政府信息46条。', { pub_total: 46 }],
    ['websites of different names add up', '在旗政府网站主动公开信息217条、旗三务公开网站主动公开信息146条。', { pub_website: 363 }],
    ['小程序 is new media', '通过微信公众平台公开信息2464条，通过微信小程序公开信息270条。', { pub_newmedia: 2734 }],
    ['an earlier year is not this report’s', '2023年微信公众号推送信息196条，较2022年的131条增长49.6%。', { pub_newmedia: 196 }, 2023],
    ['a change is not a count', '通过政府网站发布信息88条，较上年增加15条。', { pub_website: 88 }],
    ['a footnote mark is not a digit', '通过政府网站发布信息12³条。', { pub_website: 12 }],
    ['circled list numbers are not digits', '①通过政府网站发布信息20条②微信公众号推送信息30条。', { pub_website: 20, pub_newmedia: 30 }],
    ['masked phone digits are not a count', '咨询电话0537-72****8条线路畅通，通过政府网站发布信息20条。', { pub_website: 20 }],
    ['views and deletions are not publications', '网站总浏览次数2912万次；集中清理过期信息，共删除1215条。', {}],
    ['依申请公开 N 条 is published items', '依申请公开信息数为6条。', {}],
    ['依申请公开 N 件 is applications', '2025年，我苏木依申请公开政府信息共4件，其中予以公开2件。', { text_applications: 4 }],
    ['documents published on request are not applications', '我镇共发文96件，其中主动公开文件0件，依申请公开0件。', {}],
    ['数量：无', '行政机关依申请公开政府信息的数量：无。', { text_applications: 0 }],
    ['training people in a following clause', '全年开展专题培训2次，覆盖乡村两级工作人员86人次。', { train_sessions: 2, train_people: 86 }],
  ])('%s', (_, p, want, year) => expect(read(p, year)).toEqual(want));
});

describe('readNarrative: approximate numbers and findings', () => {
  it('an approximate number is kept as stated and marked', () => {
    const r = readNarrative(['在政府网站公开政府信息一百余条，通过微信公众号发布信息约30条。']);
    expect(r.values).toEqual({ pub_website: 100, pub_newmedia: 30 });
    expect(r.provenance.pub_website).toMatchObject({ approximate: true });
    expect(r.provenance.pub_newmedia).toMatchObject({ approximate: true });
  });

  it('a sum with an approximate part is approximate, and no total check is made with it', () => {
    const r = readNarrative(['全年共公开信息300条，其中政府网站发布120条，微信公众号推送近两百条。']);
    expect(r.values).toEqual({ pub_total: 300, pub_website: 120, pub_newmedia: 200 });
    expect(r.provenance.pub_newmedia).toMatchObject({ approximate: true });
    expect(r.warnings).toEqual([]);
  });

  it('channels that do not add up to the stated total: a warning, every number as stated', () => {
    const r = readNarrative(['全年共主动公开政府信息360条，其中通过政府网站发布142条、微信公众号推送196条、政务公开栏公开40条。']);
    expect(r.values).toEqual({ pub_total: 360, pub_website: 142, pub_newmedia: 196, pub_board: 40 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('正文所述主动公开信息总数 360 条，与所列各渠道之和 378 条');
  });

  it('a part larger than its whole: a warning naming both and the sentence', () => {
    const r = readNarrative(['政府网站发布的142条信息，其中政策解读12条、工作动态150条。']);
    expect(r.values).toEqual({ pub_website: 142 });
    expect(r.warnings).toEqual(['正文「政府网站发布的142条信息，其中政策解读12条、工作动态150条。」中，其中一项 150 条大于总数 142 条，请核对']);
  });

  it('a channel larger than the total: a warning', () => {
    const r = readNarrative(['2023年，我镇主动公开政府信息5条，其中机构介绍1条。通过微信公众号公开工作动态379条。']);
    expect(r.values).toEqual({ pub_total: 5, pub_newmedia: 379 });
    expect(r.warnings[0]).toContain('大于主动公开信息总数 5 条');
  });

  it('办理…申请 is read with a doubt', () => {
    const r = readNarrative(['依据有关规定办理依申请公开事项2件。']);
    expect(r.values).toEqual({ text_applications: 2 });
    expect(r.provenance.text_applications).toMatchObject({ doubt: '正文写的是办理的申请数，可能含上年结转' });
  });
});

describe('readNarrative: channels listed before 分别, counts across sentences, lost units', () => {
  const read = (...ps: string[]) => readNarrative(ps, { year: 2024 });
  const shown = (r: ReturnType<typeof read>) =>
    Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, `${v}${r.provenance[k]?.approximate ? '~' : ''}`]));
  it.each<[string, string[], Record<string, string>]>([
    ['分别 after two channels joined by 和', ['依托镇门户网站和“清溪发布”公众号分别推送政务信息38条和117条。'], { pub_website: '38', pub_newmedia: '117' }],
    ['分别为 after channels joined by 、', ['政府网站、公开栏发布信息数分别为64条、25期。'], { pub_website: '64', pub_board: '25' }],
    ['分别 in the clause after the channels, an approximate count', ['我乡利用政府网站和微信公众号，分别发布工作信息约90条、212条。'], { pub_website: '90~', pub_newmedia: '212' }],
    ['分别 with a total before it', ['全年发布信息205条，通过官网和视频号分别发布87条和118条。'], { pub_total: '205', pub_website: '87', pub_newmedia: '118' }],
    ['分别 with fewer counts than channels is not guessed', ['通过政府网站和微信公众号分别发布信息，全年共计发布信息56条。'], {}],
    ['分别 with changes is not a count', ['政府网站和微信公众号发布信息分别增加9条和14条。'], {}],
    ['a sentence starting 其中 goes on the one before', ['全年主动公开政府信息173条。其中政府网站61条，微信公众号112条。'], { pub_total: '173', pub_website: '61', pub_newmedia: '112' }],
    ['categories after 其中 in the next sentence stay categories', ['全年主动公开政府信息88条。其中工作动态50条，通知公告38条。'], { pub_total: '88' }],
    [
      'a total right after a sentence naming the one channel it was published on',
      ['我街道依托区政府信息公开平台及时发布各类政务信息。全年累计公开信息73条，内容涵盖工作动态41条。'],
      { pub_website: '73' },
    ],
    ['new media named in the sentence before, 共计发布 in the next', ['“幸福王庄”视频号是镇党政办运营的信息发布平台，专人负责审核。全年共计发布短视频46条。'], { pub_newmedia: '46' }],
    ['the sentence before about building the platform names no channel for the total', ['加强门户网站建设，及时更新网站栏目。全年共主动公开政府信息132条。'], { pub_total: '132' }],
    ['two kinds of channel before: the total stays a total', ['通过政府网站和微信公众号发布信息。全年累计公开信息150条。'], { pub_total: '150' }],
    ['a sentence before in another paragraph does not carry', ['我镇通过政府网站发布信息。', '全年累计公开信息42条。'], { pub_total: '42' }],
    ['a count whose unit was lost, another verb right after it', ['通过政府网站、政务新媒体等平台发布的信息数量271利用“和美石桥”公众号发布信息数量95'], { pub_total: '271', pub_newmedia: '95' }],
    ['a count whose unit was lost at the end', ['在门户网站工作动态、通知公告等栏目主动公开政府信息180余'], { pub_website: '180~' }],
    ['no unit and no channel: still not a count', ['在镇村工作专栏公布信息64。'], {}],
    ['信息 before a year is not a count', ['通过政府网站发布信息2024年度报告1份。'], {}],
    ['上百 and 超 are approximate', ['通过政府网站发布信息上百条，微信公众号推送超260条。'], { pub_website: '100~', pub_newmedia: '260~' }],
    ['政府外网 is the website', ['在区人民政府外网主动公开政府信息数29条。'], { pub_website: '29' }],
    ['ways that are none of the channels are other channels', ['此外，还通过入户走访、召开院坝会以及张贴通知等方式，公开各类政府信息37条。'], { pub_other: '37' }],
    ['one way, not a list: a total', ['通过线上线下等方式公开政府信息318条。'], { pub_total: '318' }],
    ['a list with a known channel: a total', ['通过入户走访、政府网站等方式公开政府信息126条。'], { pub_total: '126' }],
    ['a negation goes on to the clause naming the other case', ['全年未发生因政府信息公开申请行政复议，提起行政诉讼的情况。'], { text_review: '0', text_suit: '0' }],
    ['the next clause with its own count keeps it', ['未发生行政复议，行政诉讼2起。'], { text_review: '0', text_suit: '2' }],
    ['a zero stated, not denied, does not go on', ['本年度发生行政复议0件，行政诉讼正在审理中。'], { text_review: '0' }],
  ])('%s', (_, ps, want) => expect(shown(read(...ps))).toEqual(want));

  it('the list of report sections (申请情况等六个部分) is not a count of applications', () => {
    const r = read('本年报由总体情况、收到和处理政府信息公开申请情况等六个部分组成。全年主动公开政府信息64条，办理依申请公开件3件。');
    expect(r.values).toEqual({ pub_total: 64, text_applications: 3 });
  });
});
