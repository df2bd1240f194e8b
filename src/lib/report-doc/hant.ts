/**
 * Traditional-character mirrors of a report page: the characters the report's vocabulary uses
 * (labels, headings, place and office words, the narrative's words), mapped to simplified before
 * matching. A small table of our own, not a general converter: only characters that are never
 * written in simplified text are keys (乾、著、覆 are not: they are simplified characters too), so
 * mapping a simplified document changes nothing. Some mirrors over-convert (文件 → 檔案) or put
 * the pinyin after each character (鎮(zhèn)); those are undone too.
 */

/** Traditional (and over-converted) characters and their simplified forms, pair by pair. */
const PAIRS =
  '開开數数處处條条請请務务項项鎮镇複复復复結结議议況况訴诉驛驿辦办計计發发髮发縣县規规總总報报區区製制動动' +
  '網网訟讼內内過过號号訓训機机眾众衆众屬属體体個个為为爲为對对國国業业後后穩稳題题關关費费組组無无轉转' +
  '確确織织統统類类範范強强採采讀读購购審审許许舉举減减決决構构欄栏問问員员維维線线據据補补劃划碼码萬万沒没' +
  '續续經经標标現现與与門门罰罚額额繼继糾纠實实應应餘余認认時时戶户設设會会濟济係系繫系單单詢询訪访視视參参' +
  '權权執执寧宁寫写頻频專专華华獲获穫获兩两這这護护責责編编嚴严監监臺台檯台颱台長长廢废繳缴鄉乡聯联黨党斷断' +
  '點点導导納纳順顺負负歷历曆历頭头針针電电級级領领東东稱称協协錄录張张貼贴輪轮廳厅將将閱阅載载準准極极還还' +
  '豐丰頁页鄒邹鋼钢軍军間间卻却傳传牆墙見见場场礎础職职隊队貧贫積积調调圍围團团質质夠够蘇苏態态圖图龍龙約约' +
  '換换簡简話话貫贯徹彻雙双變变脫脱堅坚幫帮暢畅繞绕優优終终運运離离較较牽牵創创講讲書书記记讓让從从來来裡里' +
  '裏里檔档檢检獎奖給给證证証证諮咨陽阳郵邮際际傳传歸归簽签彙汇匯汇節节擊击覽览瀏浏違违險险營营億亿幾几鐘钟' +
  '鍾钟進进達达選选適适鄰邻廣广陝陕貴贵雲云遼辽齊齐魯鲁漢汉灣湾滬沪臨临濰潍棗枣莊庄煙烟閘闸壩坝灘滩鋪铺廟庙' +
  '溝沟嶺岭橋桥樓楼園园島岛嶼屿瀋沈賓宾陳陈劉刘楊杨趙赵吳吴孫孙馬马鄧邓韓韩馮冯鄭郑蔣蒋謝谢羅罗葉叶錢钱鳳凤' +
  '鶴鹤鷹鹰雞鸡鵬鹏麗丽興兴義义榮荣輝辉樂乐慶庆寶宝盤盘灤滦遷迁澤泽潤润濱滨靈灵屆届爾尔懷怀愛爱陸陆閻阎獅狮' +
  '環环醫医療疗衛卫藥药農农學学習习養养殘残災灾價价財财稅税貸贷訊讯識识課课練练該该說说諾诺評评談谈論论謂谓' +
  '詳详語语誤误誠诚譯译輯辑輸输轄辖遞递釋释錯错鏈链開开閉闭雜杂難难靜静響响顯显風风飛飞館馆驗验齡龄壯壮聲声' +
  '勞劳勢势厲厉啟启壞坏奪夺歲岁幣币幹干彈弹慮虑戰战擔担擴扩擇择損损揮挥攜携敗败氣气淨净測测滿满熱热燈灯爭争' +
  '獨独產产畢毕畫画異异盡尽禮礼筆笔築筑紀纪紙纸紹绍細细絡络絕绝綜综綠绿緊紧績绩聞闻聽听腦脑舊旧藝艺蘭兰術术' +
  '衝冲裝装親亲覺觉觀观訂订討讨註注試试誌志譽誉貨货資资賣卖賬账踐践車车軟软輔辅輕轻連连週周遊游遠远遺遗邊边' +
  '銀银銷销鑒鉴鑑鉴闡阐隨随隱隐雖虽須须預预顧顾鬆松麵面隻只瞭了佈布徵征衛卫瀏浏彙汇綫线栢柏滙汇凖准纔才當当蓋盖壓压廠厂鹽盐聖圣擁拥擬拟據据歐欧';

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i]!, chars[i + 1]!);
  return m;
})();

/** Every traditional character of the table, for a quick test whether a text needs mapping. */
const ANY = new RegExp(`[${[...MAP.keys()].join('')}]`);
const ALL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'g');

/** The traditional characters of the table and their simplified forms (for the tests). */
export const HANT_TABLE: ReadonlyMap<string, string> = MAP;

/** Map the report vocabulary's traditional characters to simplified; other characters stay. */
export function toSimplified(s: string): string {
  if (!ANY.test(s)) return s;
  return s.replace(ALL, (c) => MAP.get(c)!);
}

/** How many characters of the text the table maps (a simplified document has next to none). */
export function traditionalCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(ALL)) n++;
  return n;
}

/** A mirror in traditional characters: enough of them, and a good share of the Han text. */
export function looksTraditional(s: string): boolean {
  const n = traditionalCount(s);
  if (n < 10) return false;
  const han = (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return n >= 0.05 * han;
}

/** Pinyin put after a character, once or twice: 鎮(zhèn), 公(gong)(gong). */
const PINYIN = /(?<=[\u4e00-\u9fff])(?:[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7}[)）])+/g;

/** How many pinyin insertions a text has. */
export function pinyinCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(PINYIN)) n++;
  return n;
}

/** Drop pinyin put after characters (鎮(zhèn) → 鎮). */
export function stripPinyin(s: string): string {
  return s.replace(PINYIN, '');
}
