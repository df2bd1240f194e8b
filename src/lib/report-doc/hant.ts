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

/** More of the same, for place names and the narrative's words (identity and narrative readers). */
const MORE_PAIRS =
  '鍵键層层黃黄陰阴崗岗巖岩圓圆壇坛舖铺鐵铁銅铜錫锡鳥鸟魚鱼勝胜嶽岳潯浔贛赣閩闽粵粤隴陇蕭萧溫温滄沧淵渊湯汤澗涧濤涛鄆郓蓮莲蘆芦葦苇藍蓝蔭荫峽峡嶗崂壽寿堯尧烏乌倉仓麥麦龜龟礦矿磚砖錦锦閣阁閔闵闊阔頂顶顏颜' +
  '願愿駐驻騰腾鮮鲜勵励買买貿贸們们樣样麼么樹树歡欢窮穷競竞糧粮紅红肅肃貢贡階阶漲涨湧涌濕湿滅灭獻献瑪玛瘋疯盜盗矽硅禎祯窯窑竊窃筍笋紛纷紡纺絲丝綱纲緩缓縮缩繩绳罷罢翹翘膽胆臉脸艱艰莖茎蒼苍蘋苹蟲虫襯衬誕诞' +
  '贊赞趕赶跡迹蹤踪軌轨輛辆辭辞釀酿鋒锋鍋锅鎖锁闖闯闢辟陣阵隸隶雋隽韋韦頒颁頓顿頗颇頸颈頹颓飄飘餅饼駕驾騎骑驅驱鬧闹鬱郁鳴鸣鴻鸿黴霉倫伦側侧偵侦偉伟傑杰備备僅仅儀仪兒儿冊册凍冻則则剛刚剝剥劑剂勻匀厭厌叢丛' +
  '喬乔嘗尝噸吨嚮向塊块塵尘奮奋嬰婴寬宽尋寻岡冈峯峰嶄崭巒峦帶带弒弑彌弥徑径徠徕恆恒惡恶憲宪攝摄敵敌晉晋晝昼曉晓暫暂殼壳毆殴氫氢沖冲洶汹浹浃涇泾淚泪淺浅渦涡湊凑滯滞滲渗漁渔潔洁澀涩濁浊瀉泻瀾澜灑洒煉炼爐炉' +
  '犧牺狀状猶犹獄狱瑣琐瓊琼甕瓮畝亩疊叠癒愈盞盏禍祸禪禅穀谷窩窝筧笕籃篮紐纽純纯紗纱紋纹絆绊絹绢綁绑綏绥綢绸綬绶綺绮緝缉緞缎締缔縱纵纖纤纏缠罈坛羨羡翺翱聳耸膠胶臥卧艙舱萊莱葷荤蔥葱薑姜薦荐蘊蕴虛虚蝕蚀褲裤' +
  '覓觅詞词詩诗誼谊謀谋謎谜謹谨譜谱豈岂豎竖豬猪貓猫賀贺賊贼賜赐賞赏賢贤賦赋賴赖贈赠贏赢趨趋躍跃轟轰辯辩邁迈遙遥遜逊醜丑釘钉釣钓鈴铃鉛铅銳锐鋁铝鋤锄鋸锯鍊炼鍛锻鎊镑鏡镜鐮镰鑄铸鑰钥閃闪閑闲閥阀闆板隕陨雛雏' +
  '霧雾韌韧頃顷頑顽頌颂頰颊顆颗顛颠颳刮飢饥飼饲飽饱飾饰餃饺餓饿餵喂饑饥駁驳駛驶駝驼騙骗騷骚驕骄驚惊驢驴骯肮髒脏鬍胡魷鱿鯉鲤鯨鲸鱉鳖鴉鸦鴿鸽鵑鹃鶯莺鷗鸥鸞鸾麩麸黽黾鼕冬齋斋齒齿龕龛';

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = [...PAIRS, ...MORE_PAIRS];
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
