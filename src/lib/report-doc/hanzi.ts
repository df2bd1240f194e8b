/**
 * Mirror sites republish report pages in traditional characters, sometimes with the pinyin of a
 * character inserted after it (`鎮(zhèn)`). For reading the identity and the narrative, such text is
 * folded to simplified characters: a table of the characters reports and place names use (not a
 * full converter; a character not in it stays as it is). Names that are themselves written with a
 * traditional-looking character (於潜镇) are not in the table.
 */

/** Traditional → simplified, as pairs: even positions traditional, odd simplified. */
const PAIRS =
  '開开門门動动務务報报總总體体況况發发佈布機机構构關关鍵键屬属縣县鎮镇區区鄉乡華华國国條条與与數数據据統统計计為为從从現现將将實实際际會会議议長长書书記记經经濟济農农業业醫医療疗衛卫環环護护險险營营網网絡络號号訊讯線线點点擊击覽览閱阅讀读請请' +
  '聯联繫系係系電电話话郵邮編编傳传處处辦办權权責责監监檢检審审規规範范標标準准專专戶户頁页欄栏錄录類类項项層层級级單单員员職职領领導导組组織织陳陈劉刘張张楊杨趙赵黃黄吳吴孫孙馬马鍾钟錢钱齊齐魯鲁豐丰東东陽阳陰阴灣湾灘滩嶺岭嶼屿崗岗巖岩橋桥樓楼' +
  '莊庄場场壩坝圍围園园圓圆壇坛鋪铺舖铺鐵铁銀银銅铜錫锡鋼钢龍龙鳳凤鶴鹤鷹鹰鳥鸟魚鱼雲云風风雙双興兴勝胜樂乐寧宁嶽岳廣广漢汉濱滨瀋沈潯浔滬沪蘇苏贛赣閩闽粵粤遼辽陝陕蘭兰隴陇寶宝雞鸡慶庆紹绍蕭萧溫温臺台臨临滄沧邊边澤泽淵渊湯汤溝沟澗涧潤润濤涛滿满' +
  '灤滦瀏浏濰潍鄆郓鄒邹蓮莲蘆芦葦苇萬万蔣蒋藍蓝藥药蓋盖葉叶蔭荫峽峡嶗崂島岛廟庙廠厂廳厅壽寿堯尧鄧邓鄰邻歸归舊旧義义烏乌倉仓兩两嚴严麥麦龜龟鹽盐礦矿碼码磚砖錦锦閣阁閘闸間间閔闵闊阔隊队陸陆隨随雜杂離离難难靈灵韓韩頂顶順顺頭头題题顏颜願愿飛飞館馆' +
  '駐驻騰腾驛驿鮮鲜麗丽黨党罰罚費费徵征採采購购額额證证確确認认補补複复復复訴诉訟讼維维糾纠結结轉转續续繼继論论設设產产參参訓训練练課课講讲學学習习檔档圖图賬账財财預预決决獎奖勵励貧贫災灾損损違违紀纪試试驗验調调內内價价買买賣卖貨货質质貿贸資资' +
  '貫贯徹彻個个們们來来這这時时對对後后進进過过還还當当應应該该說说讓让給给問问樣样麼么裏里裡里見见觀观覺觉親亲視视頻频稱称眾众衆众優优獲获識识語语談谈謝谢變变歷历曆历藝艺術术禮礼稅税穩稳積积極极樹树歡欢歲岁氣气熱热燈灯爭争牆墙獨独畫画盡尽盤盘' +
  '窮穷競竞筆笔簡简糧粮約约紅红紙纸細细終终絕绝綜综綠绿緊紧績绩聲声聽听肅肃脫脱腦脑舉举節节築筑製制訂订訪访許许評评詢询詳详誠诚誤误諮咨貢贡貴贵貼贴車车軍军輔辅輕轻轄辖連连週周運运遊游達达遠远適适選选釋释鑒鉴階阶響响須须顯显餘余協协幹干漲涨湧涌' +
  '濕湿滅灭煙烟爾尔牽牵獻献瑪玛畢毕異异瘋疯盜盗矽硅禎祯窯窑竊窃筍笋簽签紛纷紡纺絲丝綱纲緩缓縮缩繩绳罷罢羅罗翹翘聖圣膽胆臉脸艱艰莖茎蒼苍蘋苹蟲虫衝冲襯衬誌志誕诞譽誉贊赞趕赶跡迹踐践蹤踪軌轨載载輛辆輪轮輸输辭辞遞递遷迁鄭郑釀酿鋒锋錯错鍋锅鎖锁鐘钟' +
  '闖闯闢辟陣阵隸隶雋隽靜静韋韦頒颁頓顿頗颇頸颈頹颓顧顾飄飘餅饼駕驾騎骑驅驱鬧闹鬱郁鳴鸣鴻鸿鵬鹏麵面黴霉齡龄倫伦側侧偵侦偉伟傑杰備备僅仅儀仪兒儿冊册凍冻則则剛刚剝剥劃划劑剂勞劳勢势勻匀匯汇厲厉厭厌叢丛啟启喬乔嘗尝噸吨嚮向團团塊块塵尘壓压壞坏壯壮' +
  '奪夺奮奋嬰婴寬宽尋寻岡冈峯峰嶄崭巒峦幣币帶带幫帮廢废弒弑彈弹彌弥徑径徠徕恆恒惡恶愛爱慮虑憲宪懷怀戰战擁拥擇择擔担擴扩攝摄敵敌斷断晉晋晝昼曉晓暫暂歐欧殘残殼壳毆殴氫氢沖冲洶汹浹浃涇泾淚泪淨净淺浅渦涡測测湊凑滯滞滲渗漁渔潔洁澀涩濁浊瀉泻瀾澜灑洒' +
  '煉炼爐炉犧牺狀状猶犹獄狱瑣琐瓊琼甕瓮畝亩疊叠癒愈盞盏瞭了礎础禍祸禪禅穀谷窩窝筧笕籃篮紐纽純纯紗纱紋纹納纳絆绊絹绢綁绑綏绥綢绸綫线綬绶綺绮緝缉緞缎締缔縱纵纖纤纏缠罈坛羨羡翺翱聳耸膠胶臥卧艙舱萊莱葷荤蔥葱薑姜薦荐蘊蕴虛虚蝕蚀裝装褲裤覓觅詞词詩诗' +
  '誼谊諾诺謀谋謎谜謹谨譜谱譯译豈岂豎竖豬猪貓猫賀贺賊贼賓宾賜赐賞赏賢贤賦赋賴赖贈赠贏赢趨趋躍跃軟软輯辑轟轰辯辩邁迈遙遥遜逊醜丑釘钉針针釣钓鈴铃鉛铅銳锐鋁铝鋤锄鋸锯鍊炼鍛锻鎊镑鏈链鏡镜鐮镰鑄铸鑰钥閃闪閉闭閑闲閥阀閻阎闆板隕陨雛雏雖虽霧雾韌韧頃顷' +
  '頑顽頌颂頰颊顆颗顛颠颱台颳刮飢饥飼饲飽饱飾饰餃饺餓饿餵喂饑饥駁驳駛驶駝驼騙骗騷骚驕骄驚惊驢驴骯肮髒脏鬆松鬍胡魷鱿鯉鲤鯨鲸鱉鳖鴉鸦鴿鸽鵑鹃鶯莺鷗鸥鸞鸾麩麸黽黾鼕冬齋斋齒齿龕龛';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) T2S.set(PAIRS[i]!, PAIRS[i + 1]!);

const TRAD = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');
/** `鎮(zhèn)`: a pinyin syllable in brackets right after a Han character. */
const PINYIN = /(?<=[\u4e00-\u9fff])[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]/g;

/** Whether the text is written in traditional characters (more than a few of them). */
export function isTraditional(s: string): boolean {
  return (s.match(TRAD)?.length ?? 0) >= 5;
}

/** Traditional characters folded to simplified, inserted pinyin removed. */
export function toSimplified(s: string): string {
  return s.replace(PINYIN, '').replace(TRAD, (c) => T2S.get(c) ?? c);
}
