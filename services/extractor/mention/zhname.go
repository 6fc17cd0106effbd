package mention

import (
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// zhSurnames are the common Chinese family names with the reading they
// take as a family name (翟 zhai, 曾 zeng, 单 shan), two-character ones
// first. A name of two or three characters that opens with one of them is
// a Chinese name, and its id is its pinyin (陈弘 → person:chen-hong,
// 翟东升 → person:zhai-dongsheng), as annotators write mainland names.
var zhSurnames = map[string]string{
	"欧阳": "ouyang", "司马": "sima", "诸葛": "zhuge", "上官": "shangguan", "东方": "dongfang", "皇甫": "huangfu", "尉迟": "yuchi",
	"令狐": "linghu", "慕容": "murong", "司徒": "situ", "公孙": "gongsun", "夏侯": "xiahou",
	"王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang", "赵": "zhao", "吴": "wu",
	"周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu", "胡": "hu", "郭": "guo", "何": "he", "高": "gao", "林": "lin",
	"罗": "luo", "郑": "zheng", "梁": "liang", "谢": "xie", "宋": "song", "唐": "tang", "许": "xu", "韩": "han", "冯": "feng",
	"邓": "deng", "曹": "cao", "彭": "peng", "曾": "zeng", "肖": "xiao", "萧": "xiao", "田": "tian", "董": "dong", "袁": "yuan",
	"潘": "pan", "于": "yu", "蒋": "jiang", "蔡": "cai", "余": "yu", "杜": "du", "叶": "ye", "程": "cheng", "苏": "su", "魏": "wei",
	"吕": "lv", "丁": "ding", "任": "ren", "沈": "shen", "姚": "yao", "卢": "lu", "姜": "jiang", "崔": "cui", "钟": "zhong",
	"谭": "tan", "陆": "lu", "汪": "wang", "范": "fan", "金": "jin", "石": "shi", "廖": "liao", "贾": "jia", "夏": "xia",
	"韦": "wei", "付": "fu", "傅": "fu", "方": "fang", "白": "bai", "邹": "zou", "孟": "meng", "熊": "xiong", "秦": "qin",
	"邱": "qiu", "江": "jiang", "尹": "yin", "薛": "xue", "闫": "yan", "阎": "yan", "段": "duan", "雷": "lei", "侯": "hou",
	"龙": "long", "史": "shi", "陶": "tao", "黎": "li", "贺": "he", "顾": "gu", "毛": "mao", "郝": "hao", "龚": "gong",
	"邵": "shao", "万": "wan", "钱": "qian", "严": "yan", "覃": "qin", "武": "wu", "戴": "dai", "莫": "mo", "孔": "kong",
	"向": "xiang", "汤": "tang", "常": "chang", "温": "wen", "康": "kang", "施": "shi", "文": "wen", "牛": "niu", "樊": "fan",
	"葛": "ge", "邢": "xing", "安": "an", "齐": "qi", "易": "yi", "乔": "qiao", "伍": "wu", "庞": "pang", "颜": "yan",
	"倪": "ni", "庄": "zhuang", "聂": "nie", "章": "zhang", "鲁": "lu", "岳": "yue", "翟": "zhai", "殷": "yin", "詹": "zhan",
	"申": "shen", "欧": "ou", "耿": "geng", "关": "guan", "兰": "lan", "焦": "jiao", "俞": "yu", "左": "zuo", "柳": "liu",
	"甘": "gan", "祝": "zhu", "包": "bao", "宁": "ning", "尚": "shang", "符": "fu", "舒": "shu", "阮": "ruan", "柯": "ke",
	"纪": "ji", "梅": "mei", "童": "tong", "凌": "ling", "毕": "bi", "单": "shan", "季": "ji", "裴": "pei", "霍": "huo",
	"涂": "tu", "成": "cheng", "苗": "miao", "谷": "gu", "盛": "sheng", "曲": "qu", "翁": "weng", "冉": "ran", "骆": "luo",
	"蓝": "lan", "路": "lu", "游": "you", "辛": "xin", "靳": "jin", "管": "guan", "柴": "chai", "蒙": "meng", "鲍": "bao",
	"华": "hua", "喻": "yu", "祁": "qi", "房": "fang", "滕": "teng", "屈": "qu", "饶": "rao", "解": "xie", "牟": "mou",
	"艾": "ai", "尤": "you", "阳": "yang", "时": "shi", "穆": "mu", "农": "nong", "司": "si", "卓": "zhuo", "古": "gu",
	"吉": "ji", "缪": "miao", "简": "jian", "车": "che", "项": "xiang", "连": "lian", "芦": "lu", "麦": "mai", "褚": "chu",
	"娄": "lou", "窦": "dou", "戚": "qi", "岑": "cen", "景": "jing", "党": "dang", "宫": "gong", "费": "fei", "卜": "bu",
	"冷": "leng", "晏": "yan", "席": "xi", "卫": "wei", "米": "mi", "柏": "bai", "宗": "zong", "瞿": "qu", "桂": "gui",
	"全": "quan", "佟": "tong", "应": "ying", "臧": "zang", "闵": "min", "苟": "gou", "邬": "wu", "边": "bian", "卞": "bian",
	"姬": "ji", "师": "shi", "和": "he", "仇": "qiu", "栾": "luan", "隋": "sui", "商": "shang", "刁": "diao", "沙": "sha",
	"荣": "rong", "巫": "wu", "寇": "kou", "桑": "sang", "郎": "lang", "甄": "zhen", "丛": "cong", "仲": "zhong", "虞": "yu",
	"敖": "ao", "巩": "gong", "明": "ming", "佘": "she", "池": "chi", "查": "zha", "麻": "ma", "苑": "yuan", "迟": "chi",
	"邝": "kuang", "官": "guan", "封": "feng", "谈": "tan", "匡": "kuang", "鞠": "ju", "惠": "hui", "荆": "jing", "乐": "yue",
	"冀": "ji", "郁": "yu", "胥": "xu", "南": "nan", "班": "ban", "储": "chu", "原": "yuan", "栗": "li", "燕": "yan",
	"楚": "chu", "鄢": "yan", "劳": "lao", "谌": "chen", "奚": "xi", "皮": "pi", "粟": "su", "冼": "xian", "蔺": "lin",
	"楼": "lou", "盘": "pan", "满": "man", "闻": "wen", "位": "wei", "厉": "li", "伊": "yi", "仝": "tong", "区": "ou",
	"郜": "gao", "海": "hai", "阚": "kan", "花": "hua", "权": "quan", "强": "qiang", "帅": "shuai", "屠": "tu", "豆": "dou",
	"朴": "piao", "盖": "ge", "练": "lian", "廉": "lian", "禹": "yu", "井": "jing", "祖": "zu", "漆": "qi", "巴": "ba",
	"丰": "feng", "支": "zhi", "卿": "qing", "国": "guo", "狄": "di", "平": "ping", "计": "ji", "索": "suo", "宣": "xuan",
	"晋": "jin", "相": "xiang", "初": "chu", "门": "men", "云": "yun", "容": "rong", "敬": "jing", "来": "lai", "扈": "hu",
	"晁": "chao", "芮": "rui", "都": "du", "普": "pu", "阙": "que", "浦": "pu", "戈": "ge", "伏": "fu", "鹿": "lu", "薄": "bo",
	"邸": "di", "雍": "yong", "辜": "gu", "羊": "yang", "阿": "a", "乌": "wu", "母": "mu", "裘": "qiu", "亓": "qi", "修": "xiu",
	"邰": "tai", "赫": "he", "杭": "hang", "况": "kuang", "那": "na", "宿": "su", "鲜": "xian", "印": "yin", "逯": "lu",
	"隆": "long", "茹": "ru", "诸": "zhu", "战": "zhan", "慕": "mu", "危": "wei", "玉": "yu", "银": "yin", "亢": "kang",
	"嵇": "ji", "公": "gong", "哈": "ha", "湛": "zhan", "宾": "bin", "戎": "rong", "勾": "gou", "茅": "mao", "利": "li",
	"於": "yu", "呼": "hu", "居": "ju", "揭": "jie", "干": "gan", "但": "dan", "尉": "wei", "冶": "ye", "斯": "si", "元": "yuan",
	"束": "shu", "檀": "tan", "衣": "yi", "信": "xin", "展": "zhan", "阴": "yin", "昝": "zan", "智": "zhi", "幸": "xing",
	"奉": "feng", "植": "zhi", "衡": "heng", "富": "fu", "尧": "yao", "闭": "bi", "由": "you", "赖": "lai", "蒲": "pu",
	"贝": "bei", "兴": "xing",
}

var pinyinArgs = pinyin.NewArgs()

// zhPersonSlug is the pinyin id of a Chinese name of two or three Han
// characters that opens with a common family name ("person:chen-hong"),
// or "" for any other name (a transliteration, a longer run).
func zhPersonSlug(name string) string {
	n := utf8.RuneCountInString(name)
	if n < 2 || n > 4 || strings.ContainsAny(name, "·•・.-") {
		return ""
	}
	for _, l := range []int{2, 1} {
		rs := []rune(name)
		if l >= len(rs) {
			continue
		}
		fam, ok := zhSurnames[string(rs[:l])]
		if !ok || l == 1 && n == 4 {
			continue // four characters need a two-character family name (欧阳修文)
		}
		given := pinyin.LazyPinyin(string(rs[l:]), pinyinArgs)
		if len(given) != len(rs)-l {
			return "" // a character with no reading: not a Chinese name
		}
		return "person:" + fam + "-" + strings.Join(given, "")
	}
	return ""
}
