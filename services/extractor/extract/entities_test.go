package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// hasEntity reports entity id among an extraction's entities.
func hasEntity(x schemas.Extraction, id string) bool {
	return slices.ContainsFunc(x.Entities, func(en schemas.Entity) bool { return en.ID == id })
}

func TestTitlesMakeUnknownPeopleSpeakForTheirState(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		name, lang, text, person, country string
	}{
		{"english title with a demonym", "en", "Brazilian Foreign Minister Carlos Alberto said Brazil supports a ceasefire.", "person:alberto-carlos", "BRA"},
		{"english title that implies the state", "en", "Foreign Secretary Jane Doughty condemned the attacks on civilians.", "person:doughty-jane", "GBR"},
		{"chinese title after the state", "zh", "巴西外交部长张三表示，巴西支持停火。", "person:zhang-san", "BRA"},
		{"chinese title with 副 between the organ and the office", "zh", "巴西外交部副部长张三表示，巴西支持停火。", "person:zhang-san", "BRA"},
		{"chinese title with a portfolio between the organ and the office", "zh", "巴西外交部欧洲事务副部长张三表示，巴西支持停火。", "person:zhang-san", "BRA"},
		{"a chinese portfolio naming an organisation is no state", "zh", "英国南亚以及英联邦事务大臣张三表示，英国支持停火。", "person:zhang-san", "GBR"},
		{"a chinese name with its latin form in brackets takes the latin form's id", "zh", "巴西外交部长卡洛斯·阿尔贝托（Carlos Alberto）表示，巴西支持停火。", "person:alberto-carlos", "BRA"},
		{"a chinese name read up to an adverb or a verb of receiving after it", "zh", "巴西驻日本大使张三目前在东京接受采访时表示，巴西支持停火。", "person:zhang-san", "BRA"},
		{"an honorific between the title and the name is no part of the name", "en", "Brazilian Foreign Minister, Comrade Carlos Alberto, said Brazil supports a ceasefire.", "person:alberto-carlos", "BRA"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
			found := false
			for _, en := range x.Entities {
				if en.Type == "person" && strings.HasPrefix(en.ID, c.person) {
					found = true
					if en.Country != c.country {
						t.Errorf("person %s has country %q, want %s", en.ID, en.Country, c.country)
					}
				}
			}
			if !found {
				t.Fatalf("no person %s in %+v", c.person, x.Entities)
			}
			if len(x.Claims) == 0 || x.Claims[0].Actors[0] != c.country {
				t.Fatalf("claims %+v, want one held by %s", x.Claims, c.country)
			}
		})
	}
}

func TestOutletsAndTimeZonesAreNotEntities(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "新加坡时间周五上午，中国谴责了恐怖袭击。"})
	for _, en := range x.Entities {
		if en.ID == "SGP" {
			t.Fatalf("a time zone became an entity: %+v", x.Entities)
		}
	}
}

func TestStatesInsideBroadcasterAndTreatyNamesAreNotEntities(t *testing.T) {
	e := testEngine(t)
	cases := []struct{ text, absent, present string }{
		{"（德国之声中文网）据报道，美国谴责恐怖袭击。", "DEU", "USA"},
		{"据法国国际广播电台报道，美国谴责恐怖袭击。", "FRA", "USA"},
		{"美国宣布重新加入巴黎气候协定。", "FRA", "USA"},
		{"Voice of America reported that Chile supports the Paris Agreement.", "USA", "CHL"},
		{"Chile said the Budapest Memorandum binds Russia.", "HUN", "CHL"},
		{"Chile upholds the Helsinki Final Act.", "FIN", "CHL"},
		{"Chile asked for news on the Vienna talks.", "AUT", "CHL"},
		{"Chile upholds the Charter of Paris.", "FRA", "CHL"},
		{"Chile will meet its Paris climate goals under the Paris Climate Agreement.", "FRA", "CHL"},
		{"罗马天主教会与智利政府举行了会谈。", "ITA", "CHL"},
		{"特朗普在推特上发文，美国谴责恐怖袭击。", "org:twitter", "USA"},
		{"智利外长今天在推特贴文，智利谴责恐怖袭击。", "org:twitter", "CHL"},
		{"Peru said on Facebook that it condemns the attack.", "org:facebook", "PER"},
		// one-character abbreviations inside a name or a verb are no compound of states
		{"作家埃德加说，美国谴责恐怖袭击。", "EGY", "USA"},
		{"学者谈到荷马史诗，美国谴责恐怖袭击。", "NLD", "USA"},
		{"中方对此加以驳斥，美国谴责恐怖袭击。", "ISR", "USA"},
		{"中缅边境局势紧张，美国谴责恐怖袭击。", "FRA", "MMR"},
		{"美国政府7月9日以涉嫌欺诈为由起诉他，美国谴责恐怖袭击。", "JPN", "USA"}, // 9日以: a date
		{"他被送往马里兰州的医院，美国谴责恐怖袭击。", "MLI", "USA"},        // Maryland is no Mali
		{"乍得·沃尔夫宣布辞职，美国谴责恐怖袭击。", "TCD", "USA"},         // a state's name as a given name before a name dot
		{"约旦·彼得森发表演讲，美国谴责恐怖袭击。", "JOR", "USA"},
		{"东京《朝日新闻》发表社论，美国谴责恐怖袭击。", "JPN", "USA"},                                                    // the city of a newspaper
		{"法国报纸今天关注美国大选，美国谴责恐怖袭击。", "FRA", "USA"},                                                    // the press of a state
		{"Chile said South American and North American states condemned the attack.", "USA", "CHL"}, // regions, not the US
		{"Chile's Foreign Minister will travel to Brussels to meet NATO Allies.", "org:eu", "CHL"},  // a city gone to, no organisation
		{"他在新墨西哥州拉票，美国谴责恐怖袭击。", "MEX", "USA"},                                                       // New Mexico is no Mexico
		{"候选人在俄勒冈州、俄亥俄州拉票，美国谴责恐怖袭击。", "RUS", "USA"},                                                 // Oregon and Ohio are no Russia
		{"文莱苏丹国王发表讲话，美国谴责恐怖袭击。", "SDN", "USA"},                                                      // a sultan is no Sudan
		{"以色列称将在撒马利亚扩建定居点，美国谴责恐怖袭击。", "MLI", "USA"},                                                 // 撒马利亚 is Samaria, no 马利
		{"华人选民聚焦佐治亚州（Georgia）的复选，美国谴责恐怖袭击。", "GEO", "USA"},                                          // the US state glossed
		{"Republicans lost both Senate run-offs in Georgia; Chile condemned the attack.", "GEO", "CHL"},
		{"She studied at the University of North Georgia. Chile condemned the attack.", "GEO", "CHL"},
		// a capital named only as where something happens is a city, no party
		{"The envoy will be in Vienna next week; Chile condemned the attack.", "AUT", "CHL"},
		{"代表团自柏林出发，在东京举行会谈，美国谴责恐怖袭击。", "DEU", "USA"},
		{"Moscow condemned the attack.", "AUT", "RUS"},
		// a capital that acts in no claim is a city: a market, a post, a name
		{"首尔股市收低0.5%，美国谴责恐怖袭击。", "KOR", "USA"},
		{"该记者现驻曼谷，美国谴责恐怖袭击。", "THA", "USA"},
		{"Seoul's stock market fell sharply; Chile condemned the attack.", "KOR", "CHL"},
		{"Moscow condemned the attack by Kyiv's forces.", "AUT", "UKR"},
		{"Go ahead, Said. Chile condemned the attack.", "person:al-said-qaboos-bin-said", "CHL"},           // a verb form is no family name
		{"Morocco rejects any change to the status of Al-Quds Al-Sharif.", "person:sharif-shehbaz", "MAR"}, // a family name alone, its state never named
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		ids := entityIDs(x)
		if ids[c.absent] || !ids[c.present] {
			t.Errorf("%s: entities %+v, want %s and not %s", c.text, x.Entities, c.present, c.absent)
		}
	}
}

func TestFormerStatesAreEntities(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text    string
		present []string
		absent  string
	}{
		{"冷战时期，美苏关系长期紧张。", []string{"USA", "SUN"}, ""},
		{"The Soviet Union expelled Yugoslavia from the bloc in 1948.", []string{"SUN", "YUG"}, ""},
		{"前苏联解体后，南联盟也分裂了。", []string{"SUN", "YUG"}, ""},
		{"江苏省代表团访问了苏州，日本企业表示欢迎。", []string{"JPN"}, "SUN"}, // a province and a city, no Soviet Union
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		ids := entityIDs(x)
		for _, id := range c.present {
			if !ids[id] {
				t.Errorf("%s: entities %+v, want %s", c.text, x.Entities, id)
			}
		}
		if c.absent != "" && ids[c.absent] {
			t.Errorf("%s: entities %+v, want no %s", c.text, x.Entities, c.absent)
		}
	}
}

func TestJapaneseTextYieldsEntitiesWithoutClaims(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "ja", Format: schemas.FormatText, Body: "岸田文雄首相は訪米し、バイデン大統領と会談した。日本政府は中国の経済的威圧に反対している。"})
	if x.Error != nil || x.Lang != "ja" {
		t.Fatalf("lang %q error %+v", x.Lang, x.Error)
	}
	if len(x.Claims) != 0 {
		t.Errorf("claims from Japanese text without Japanese rules: %+v", x.Claims)
	}
	ids := entityIDs(x)
	if !ids["CHN"] || !ids["person:kishida-fumio"] {
		t.Errorf("entities %+v lack CHN or Kishida", x.Entities)
	}
}

func TestRolesIntroducePeopleWhoSpeakForNoState(t *testing.T) {
	e := testEngine(t)
	cases := []struct{ name, text, person string }{
		{"a role noun before the name", "The opposition politician Lena Varga met voters in Szeged.", "person:varga-lena"},
		{"an appositive role after the name", "Orlan Bekov, a Kazakh mining executive, bought the firm.", "person:bekov-orlan"},
		{"a Chinese name split into characters after a title", "国台办发言人马晓东指责民进党当局。", "person:ma-xiaodong"},
		{"a Chinese name a verb of any kind ends", "警方副局长孙立群逮捕了两名嫌犯。", "person:sun-liqun"},
		{"a role noun that is no listed title before a full name", "Counselor Margit Ellander will visit Tallinn.", "person:ellander-margit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
			for _, en := range x.Entities {
				if en.Type == "person" && strings.HasPrefix(en.ID, c.person) {
					return
				}
			}
			t.Fatalf("no person %s in %+v", c.person, x.Entities)
		})
	}
	// a capitalised word alone is no name, nor a common word after a title
	for _, text := range []string{"Officials, the minister said, will meet in Lima.", "外交部发言人关切中方的立场。",
		"该行动由商务部长罗斯来确定。", "他在共和党总统初选中避免表态。", "两名大律师来港处理此案。"} {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
		for _, en := range x.Entities {
			if en.Type == "person" {
				t.Errorf("%s: a person from no name: %+v", text, en)
			}
		}
	}
}

func TestFullNamesWithAKnownGivenNameArePeopleOfNoState(t *testing.T) {
	e := testEngine(t)
	text := "The sanctions also name Yelena Tarasova and her son. Tarasova owns a shipping firm."
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
	found := false
	for _, en := range x.Entities {
		if en.ID == "person:tarasova-yelena" {
			found = true
			if en.Country != "" {
				t.Errorf("a person named with no title speaks for %s", en.Country)
			}
		}
	}
	if !found {
		t.Fatalf("no person:tarasova-yelena in %+v", x.Entities)
	}
	// a place or thing named after a person, a family name that is a common
	// word, a name inside a longer capitalised run: no person
	for _, text := range []string{
		"Delegates met at Roosevelt Hall and later at the Patrick Henry College campus.",
		"The talks moved to the Benjamin Franklin Room on Monday.",
		"Students of the Laura Bush Institute Graduate Program visited Lima.",
	} {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
		for _, en := range x.Entities {
			if en.Type == "person" {
				t.Errorf("%s: a person from a name of a place or thing: %+v", text, en)
			}
		}
	}
}

func TestCapitalisedWordsAndOthersGivenNamesAreNotPeople(t *testing.T) {
	e := testEngine(t)
	cases := []struct{ name, text, absent string }{
		// a gazetteer family name that is here someone else's given name
		{"given name before another family name", "Reporters asked about Paul Whelan and the detained Americans.", "person:paul-evans"},
		// a word that opens a turn is not a name, even before a distant title
		{"turn opener before a title", "QUESTION: Please, did the government ask Israel to wait before the President's visit?", "person:please"},
		{"ordinal opening a question", "QUESTION: Second, the court sentenced two members for the killing of former Prime Minister Rafic Hariri.", "person:second"},
		{"a title repeated", "The Secretary spoke with the foreign minister, Foreign Minister Le Drian, on Monday.", "person:foreign"},
		{"a word of a state's long name", "He met the Deputy Prime Minister of the Lao People's Democratic Republic in Vientiane.", "person:people"},
		// a one-word organisation name matches as written, not the common word
		{"a common word that names an organisation", "There will be no blanket amnesty for the killings, Peru said.", "org:amnesty-international"},
		// a name that opens with a person's names an agreement or an office
		{"an accord named after a person", "Bahrain joined the Abraham Accords in 2020.", "person:accords-abraham"},
		{"an administration named after a person", "The Harris Administration has pledged support.", "person:administration-harris"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
			for _, en := range x.Entities {
				if en.ID == c.absent {
					t.Fatalf("%s became an entity: %+v", c.absent, x.Entities)
				}
			}
		})
	}
}

func TestAPersonIntroducedWithATitleKeepsTheirIdentityLater(t *testing.T) {
	e := testEngine(t)
	// a title alone ("Secretary") between the introductions must not make a
	// later "Foreign Minister Odinga" the Secretary
	text := "Secretary Rubio's Call with Tanzanian Foreign Minister Odinga\n\n" +
		"Secretary of State Marco Rubio spoke today with Tanzanian Permanent Secretary and Foreign Minister Amina Odinga. " +
		"Secretary Rubio and Foreign Minister Odinga welcomed the ceasefire in Sudan."
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
	var holders []string
	for _, c := range x.Claims {
		if c.Predicate == "welcome" {
			holders = append(holders, c.Actors...)
		}
	}
	if !slices.Contains(holders, "TZA") {
		t.Fatalf("the welcome is held by %v, want Tanzania among them (claims %+v)", holders, x.Claims)
	}
}

func TestPrivatePeopleAreNamedButSpeakForNoState(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text, name string // name "" : no person at all
	}{
		{"美国学者李大明表示，美国应该与中国对话。", "李大明"},
		{"Harvard professor Jane Whitfield said the sanctions would fail.", "Jane Whitfield"},
		{"记者们讲话时，美国宣布了新的制裁。", ""}, // 们 opens no name
		{"作家方方在专访中谈到了武汉的封城。", "方方"},
		{"A report by Human Rights Watch condemned the arrests.", ""},
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		var names []string
		for _, en := range x.Entities {
			if en.Type == "person" {
				names = append(names, en.Name)
				if en.Country != "" {
					t.Errorf("%s: the private person %s speaks for %s", c.text, en.Name, en.Country)
				}
			}
		}
		if c.name == "" && len(names) > 0 || c.name != "" && !slices.Equal(names, []string{c.name}) {
			t.Errorf("%s: persons %q, want %q", c.text, names, c.name)
		}
		for _, cl := range x.Claims {
			if slices.Contains(cl.Actors, "USA") && strings.Contains(cl.Evidence.Text, "学者") {
				t.Errorf("%s: a scholar's view became the state's claim %+v", c.text, cl)
			}
		}
	}
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "A report by Human Rights Watch condemned the arrests."})
	if !hasEntity(x, "org:human-rights-watch") {
		t.Errorf("an organisation cited as a report's source was left out: %+v", x.Entities)
	}
}

func TestARegionBeforeAFullNameEndsTheTitle(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText,
		Body: "Deputy Assistant Administrator for Asia Anjali Kaur met officials in Nepal. Assistant Secretary for African Affairs Molly Ferris met them too."})
	ids := entityIDs(x)
	if !ids["person:kaur-anjali"] || ids["person:kaur-asia-anjali"] {
		t.Errorf("entities %+v, want person:kaur-anjali, not Asia as her given name", x.Entities)
	}
	if !ids["person:ferris-molly"] {
		t.Errorf("entities %+v, want person:ferris-molly after the title's Affairs", x.Entities)
	}
}

func TestAHyphenatedWordStaysInAnOrganisationsName(t *testing.T) {
	e := testEngine(t)
	ids := mentionIDs(e, "Chile spoke at the High-Level Political Forum. Development Bank Deputy Director Jane Roe listened.")
	if !ids["org:high-level-political-forum"] || ids["org:level-political-forum"] {
		t.Errorf("mentions %v, want org:high-level-political-forum", ids)
	}
	if !ids["org:development-bank"] || ids["org:development-bank-deputy-director"] {
		t.Errorf("mentions %v, want org:development-bank, the title after it left out", ids)
	}
}

// mentionIDs returns the ids of the parties the mention stage finds in a
// text (the organisations named only from the text's words among them,
// which the entity list leaves out unless a claim holds or receives them).
func mentionIDs(e *Engine, text string) map[string]bool {
	ids := map[string]bool{}
	for _, m := range traceIDs.FindAllStringSubmatch(e.Trace(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text}), -1) {
		for _, id := range strings.Fields(m[1]) {
			ids[id] = true
		}
	}
	return ids
}

var traceIDs = regexp.MustCompile(`(?m)^  mention \d+ \w+ .* ids \[([^\]]*)\]`)

// An organisation the gazetteer does not know, named only from the text's
// words, is an entity when a claim holds it or is directed at it, and not
// as a mere mention (the gold's organisation 49 times in 321).
func TestUnknownOrganisationsAreEntitiesOnlyAsPartiesOfAClaim(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "Chile spoke at the Harbour Trust Forum on Tuesday."})
	if ids := entityIDs(x); ids["org:harbour-trust-forum"] || !ids["CHL"] {
		t.Errorf("entities %+v: want Chile and no org:harbour-trust-forum, a mere mention", x.Entities)
	}
	if ids := mentionIDs(e, "Chile spoke at the Harbour Trust Forum on Tuesday."); !ids["org:harbour-trust-forum"] {
		t.Errorf("mentions %v: want org:harbour-trust-forum found", ids)
	}
	x = e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "The Harbour Trust Forum strongly condemns Russia's attack on the port."})
	if ids := entityIDs(x); !ids["org:harbour-trust-forum"] {
		t.Errorf("entities %+v, claims %+v: want org:harbour-trust-forum, the holder of a claim", x.Entities, x.Claims)
	}
}

// entityCase is a text with the entities it must name (name → id prefix;
// "" any id) and the id prefixes it must not.
type entityCase struct {
	name, text string
	want       map[string]string
	absent     []string
}

func checkEntityCases(t *testing.T, cases []entityCase) {
	t.Helper()
	e := testEngine(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
			got := map[string]string{}
			for _, en := range x.Entities {
				got[en.Name] = en.ID
				for _, a := range c.absent {
					if strings.HasPrefix(en.ID, a) {
						t.Errorf("entity %s (%s) should not be there", en.ID, en.Name)
					}
				}
			}
			for name, id := range c.want {
				if !strings.HasPrefix(got[name], id) || got[name] == "" {
					t.Errorf("entity named %q: got %q, want %s…; all: %v", name, got[name], id, got)
				}
			}
		})
	}
}

func TestPeopleWithoutATitleOrTheGazetteer(t *testing.T) {
	cases := []entityCase{
		{"a transliterated full name with a name dot", "环保活动人士艾琳娜·卡斯帕罗娃周二在集会上发言。",
			map[string]string{"艾琳娜·卡斯帕罗娃": "person:"}, nil},
		{"a dotted name is not the gazetteer person of its family name", "导演马丁·约翰逊和他的团队出席了首映。",
			map[string]string{"马丁·约翰逊": "person:"}, []string{"person:johnson-boris"}},
		{"a dotted name before 州 is a place", "洪水淹没了阿尔塔·维拉州的村庄。", map[string]string{}, []string{"person:"}},
		{"a name glossed in latin after a title", "资深参议员霍尔登（Mark Holden）致信国务卿。",
			map[string]string{"霍尔登": "person:holden-mark"}, nil},
		{"a name after a title ends where its characters do", "记者汉娜·卡尔森被驱逐出境。",
			map[string]string{"汉娜·卡尔森": "person:"}, nil},
		{"a chinese name after a role that is no office", "护士王丽华说，医院缺少防护用品。",
			map[string]string{"王丽华": "person:wang-lihua"}, nil},
		{"after a role, words that are no name are no person", "学生受教权受到侵害。", map[string]string{}, []string{"person:"}},
		{"a role, a conjunction and another role: no name after the first", "编剧和主演卡拉·梅森出席了活动。",
			map[string]string{"卡拉·梅森": "person:"}, nil},
		{"a dotted name after a role ends before the verb", "安全专家威廉·李斯特表示，风险正在上升。",
			map[string]string{"威廉·李斯特": "person:"}, nil},
		{"chinese names listed together", "获释者包括张立新、李国华、王春燕和赵明等多名维权人士。",
			map[string]string{"张立新": "person:zhang-lixin", "李国华": "person:li-guohua", "王春燕": "person:wang-chunyan", "赵明": "person:zhao-ming"}, nil},
		{"names in a byline are no entities", "翻译：张立新、李国华、王春燕", map[string]string{}, []string{"person:"}},
		{"a list of words that open with family names is no list of names", "黄金、白银、石油价格近日上涨。", map[string]string{}, []string{"person:"}},
		{"港澳台 is Hong Kong and Taiwan, not Australia", "港澳台三地的学生参加了活动。",
			map[string]string{"港澳台": ""}, []string{"AUS"}},
		{"港澳 names Hong Kong, not Macao as a party", "港澳居民可申请在内地就业，香港特区政府表示欢迎。",
			map[string]string{}, []string{"MAC", "AUS"}},
		{"以 before a pair is a preposition, not Israel", "美国企图以台制华，中方坚决反对。",
			map[string]string{}, []string{"ISR"}},
		{"以 after a pair is a preposition, and the pair stays", "中方坚决反对美台以任何借口进行官方往来。",
			map[string]string{"美台": "TWN"}, []string{"ISR"}},
		{"a word of abbreviations is no pair of states in a text that names neither (美德 is a virtue)", "他说，这是中华民族的传统美德。",
			map[string]string{}, []string{"USA", "DEU"}},
		{"a capital inside a dotted name is part of the name", "作家杰克·伦敦的小说被改编成电影。",
			map[string]string{"杰克·伦敦": "person:"}, []string{"GBR"}},
		{"a capital in a court's name is no state", "海牙常设仲裁法院作出裁决。", map[string]string{}, []string{"NLD"}},
		{"words after an office that look like no name are no person", "她辞去参议员职位，为在周三就任副总统做准备。",
			map[string]string{}, []string{"person:"}},
		{"a dotted name after a role starts after the verb before it", "他的妻子穿着安娜·米勒设计的礼服出席。",
			map[string]string{"安娜·米勒": "person:"}, nil},
		{"a conjunction opening the sentence is no part of a name", "When Anna Lindqvist, Sweden’s foreign minister, arrived, she called for calm.",
			map[string]string{"Anna Lindqvist": "person:lindqvist-anna"}, nil},
		{"a Latin name right after a Chinese title", "自由民主党外交事务发言人Emma Castle亦指，英国应该制裁相关官员。",
			map[string]string{"Emma Castle": "person:castle-emma"}, nil},
		{"a district councillor (区议员) is a role that introduces a name", "荃湾区议员陈大明星期五表示反对。",
			map[string]string{"陈大明": "person:chen-daming"}, nil},
		{"a rank after the name (李明大校表示) ends it", "周三，中国人民解放军南部战区新闻发言人李明大校表示，部队将坚决捍卫国家主权。",
			map[string]string{"李明": "person:li-ming"}, nil},
		{"an acronym glossing an event is no organisation", "世卫组织宣布疫情构成国际关注的突发公共卫生事件（PHEIC）。",
			map[string]string{}, []string{"org:pheic"}},
		{"大众 alone is the public, not a carmaker", "他说，如果大众受苦受难，政府就有责任。", map[string]string{}, []string{"org:volkswagen"}},
		{"an organ with a default state right after another state's organ is that state's", "捷克议会参议院主席访问台湾。",
			map[string]string{"捷克议会": "CZE"}, []string{"USA"}},
		{"an accord named after a capital, in any case, is no state", "France called for the full implementation of the Minsk agreements.",
			map[string]string{"France": "FRA"}, []string{"BLR"}},
		{"该法中 is in this law, no pair of states", "我们敦促美方不得实施该法中的歧视性条款。", map[string]string{}, []string{"FRA"}},
		{"the person an administration is named after (zh)", "拜登政府宣布了新的出口管制。",
			map[string]string{"拜登": "person:biden-joe", "拜登政府": "USA"}, nil},
		{"the person an administration is named after (en)", "The Trump administration imposed new tariffs on steel.",
			map[string]string{"Trump": "person:trump-donald"}, nil},
		{"a name joined to another by an ampersand is a firm's", "Peru received two million doses of the Johnson & Johnson vaccine.",
			map[string]string{}, []string{"person:", "GBR"}},
	}
	checkEntityCases(t, cases)
}

func TestTitlesManyHoldIntroduceNames(t *testing.T) {
	cases := []entityCase{
		{"a senator's name", "Senator Priya Raman spoke at the hearing on Tuesday.",
			map[string]string{"Priya Raman": "person:raman-priya"}, nil},
		{"a governor's name", "Governor Laura Benning ordered the schools closed.",
			map[string]string{"Laura Benning": "person:benning-laura"}, nil},
		{"a title with a for phrase before the name", "Assistant Secretary of Commerce for Export Enforcement Matthew Axelrod joined the call.",
			map[string]string{"Matthew Axelrod": "person:axelrod-matthew"}, nil},
		{"an agency head's title with an of phrase before the name", "Administrator of the Food Agency Marta Velloso opened the meeting.",
			map[string]string{"Marta Velloso": "person:velloso-marta"}, nil},
		{"a Chinese legislator's name", "美国联邦参议员麦克·史密斯表示，将提出新的法案。",
			map[string]string{"麦克·史密斯": "person:"}, nil},
		{"a mayor's name", "伦敦市长詹姆斯·霍华德表示欢迎。", map[string]string{"詹姆斯·霍华德": "person:"}, nil},
		{"a spokesperson's name in another transliteration", "美国国务院发言人普莱斯周二表示，美方欢迎这一决定。",
			map[string]string{"普莱斯": "person:price-ned"}, nil},
		{"an election headline is no general's name", "Kenyan General Elections", map[string]string{}, []string{"person:"}},
		{"an agency named General is no general", "The General Services Administration approved the transition.",
			map[string]string{}, []string{"person:"}},
		{"a rank is the next title's, not a name", "The council was led by Chairman Lieutenant General Omar Farouk.",
			map[string]string{"Omar Farouk": "person:farouk-omar"}, []string{"person:lieutenant"}},
		{"a verb after 议员 is no two-character name", "市议员来了，州议员也来了。", map[string]string{}, []string{"person:"}},
		{"a name the segmenter reads as one, before a verb no list holds", "美国助理国务卿史迪威谈及两国关系。",
			map[string]string{"史迪威": "person:"}, nil},
		{"single characters the segmenter pieced into a name are no name before a verb", "他的弟弟李文生专门请假来到沈阳。",
			map[string]string{}, []string{"person:li-wen"}},
		{"names listed after a title's first name hold the title too", "中方决定制裁联邦参议员克鲁兹、卢比奥和两名官员。",
			map[string]string{"克鲁兹": "person:cruz-ted", "卢比奥": "person:"}, nil},
		{"a person often named in the news is in the gazetteer", "加拿大法院周一继续审理孟晚舟的引渡案。",
			map[string]string{"孟晚舟": "person:meng-wanzhou"}, nil},
		{"a line named after a person is no person", "印度坚持以麦克马洪线为界。", map[string]string{}, []string{"person:"}},
		{"the EU's seat named as where a meeting is is a city", "The two ministers met in Brussels on Tuesday to discuss trade.",
			map[string]string{}, []string{"org:eu"}},
		{"a capital gone to is where a trip goes, not its state", "We are ready to return to Vienna to resume the talks, and the envoy will travel to Warsaw.",
			map[string]string{}, []string{"AUT", "POL"}},
		{"a capital gone to in Chinese is where a trip goes", "美国国务卿将赴罗马出席会议，随后去柏林。",
			map[string]string{"美国": "USA"}, []string{"ITA", "DEU"}},
		{"a capital in the name of a club, a summit or a bureau is no state", "Creditors of the Paris Club met before the London Conference on Syria.",
			map[string]string{}, []string{"FRA", "GBR"}},
		{"a capital in the name of a bureau in Chinese", "该报伦敦分社的记者报道了此事。", map[string]string{}, []string{"GBR"}},
		{"a bare house of a legislature is the state the text speaks of, not the United States", "尼泊尔总统随后宣布解散众议院。",
			map[string]string{"尼泊尔": "NPL"}, []string{"USA"}},
		{"a bare Congress in a speech is the speaker's", "I thank the President. My country, Peru, stands with the Charter. I recently submitted a reform to Congress.",
			map[string]string{"Peru": "PER"}, []string{"USA"}},
		{"the cities of one agency dateline are no parties", "路透纽约/华盛顿/香港1月5日 - 纽约证券交易所表示将让三家公司退市。",
			map[string]string{}, []string{"USA", "HKG"}},
		{"a state before its newspaper's name is the newspaper's", "据英国卫报说，北京禁止入境；法国各大报纸头版继续关注此事。",
			map[string]string{"北京": "CHN"}, []string{"GBR", "FRA"}},
		{"an organisation's initials inside an issue's name are the organisation", "The Secretary discussed support for Albania on its EU accession path and for Finland's NATO membership.",
			map[string]string{"European Union": "org:eu", "NATO": "org:nato"}, nil},
		{"a capital that opens a treaty's title is no state", "美国从未批准《罗马规约》，也未加入国际刑事法院。",
			map[string]string{"美国": "USA"}, []string{"ITA"}},
		{"an organisation whose member states a text names is still named", "北约成员国土耳其表示将支持阿塞拜疆。",
			map[string]string{"土耳其": "TUR", "北约": "org:nato"}, nil},
		{"a former state named only for its time is no entity", "Ukraine's forces are moving from Soviet-era equipment; 后苏联国家的选举也受关注。",
			map[string]string{"Ukraine": "UKR"}, []string{"SUN"}},
		{"the EU's seat as who speaks is the EU", "Brussels said it would respond to the new tariffs.",
			map[string]string{"Brussels": "org:eu"}, nil},
		{"a name after a title's portfolio", "The delegation included Armenian Minister of Justice Tigran Avetisyan and two advisers.",
			map[string]string{"Tigran Avetisyan": "person:avetisyan-tigran"}, []string{"person:avetisyan-justice"}},
		{"a portfolio's run ends at a mention", "He met Secretary of Energy Tigran Avetisyan and Armenian Minister of Justice Davit Harutyunyan.",
			map[string]string{"Tigran Avetisyan": "person:avetisyan-tigran", "Davit Harutyunyan": "person:harutyunyan-davit"}, nil},
		{"a hyphenated family name is the whole name", "The United States supports the candidacy of Marta Lopez-Rivera for the post.",
			map[string]string{"Marta Lopez-Rivera": "person:lopez-rivera-marta"}, nil},
		{"a particle joined by a hyphen is part of the name after a role", "The journalist Karim al-Sayegh was detained on Monday.",
			map[string]string{"Karim al-Sayegh": "person:"}, nil},
		{"an act glossed with an acronym is no organisation", "六名候选人被取消资格（DQ），引发争议。",
			map[string]string{}, []string{"org:dq"}},
		{"a Latin name in brackets after a Chinese company name is no title", "无人机由通用原子公司（General Atomics）生产。",
			map[string]string{}, []string{"person:"}},
	}
	checkEntityCases(t, cases)
}

func TestOrganisationNamesEndWhereTheNameDoes(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text, want string
		absent     []string
	}{
		{"Remarks With Chamber of Commerce Vice Chair Laura Pettit At the Trade Forum", "org:chamber-of-commerce", []string{"org:remarks", "org:chamber-of-commerce-vice"}},
		{"The World Food Program delivered aid to the region.", "org:wfp", []string{"org:world-food-program"}},
		{"Officials met at the Federal Reserve Bank in New York.", "org:federal-reserve-bank-in-new-york", nil},
		{"Rural Libraries Advisory Council Meeting on Tuesday, May 3", "org:rural-libraries-advisory-council", []string{"org:rural-libraries-advisory-council-meeting"}},
		{"The Harbour Trust Forum in September will discuss ports.", "org:harbour-trust-forum", []string{"org:harbour-trust-forum-in"}},
	}
	for _, c := range cases {
		ids := mentionIDs(e, c.text)
		for id := range ids {
			for _, a := range c.absent {
				if strings.HasPrefix(id, a) {
					t.Errorf("%q: organisation %s should not be there", c.text, id)
				}
			}
		}
		if !ids[c.want] {
			t.Errorf("%q: mentions %v, want %s", c.text, ids, c.want)
		}
	}
}

func TestTaiwanTransliterationsNameTheSamePeople(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"Trump and Pompeo as Taiwan's press writes them", "川普总统与国务卿庞皮欧周三通话。",
			map[string]string{"川普总统": "person:trump-donald", "庞皮欧": "person:pompeo-mike"}, nil},
		{"Harris, Merkel and Macron as Taiwan's press writes them", "贺锦丽表示，梅克尔和马克宏都会出席。",
			map[string]string{"贺锦丽": "person:harris-kamala", "梅克尔": "person:merkel-angela", "马克宏": "person:macron-emmanuel"}, nil},
	})
}

func TestNewspapersAndNetworksTheNewsQuoteAreOrganisations(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"state papers that take positions", "环球时报社评批评美国，人民日报也发表评论。",
			map[string]string{"环球时报": "org:global-times", "人民日报": "org:peoples-daily"}, nil},
		{"a network an official speaks to", "Pompeo told Fox News that the United States will act.",
			map[string]string{"Fox News": "org:fox-news"}, nil},
		{"a paper cited as the source is no entity", "《华盛顿邮报》说，美国将制裁俄罗斯。",
			map[string]string{"美国": "USA"}, []string{"org:washington-post"}},
	})
}

func TestAFamilyNameThatIsAlsoAWordNamesAPerson(t *testing.T) {
	e := testEngine(t)
	// a given name that is no word itself, then a family name that is one
	text := "The President nominated Bridget Brink to serve as ambassador, and Rena Bitter will travel to Chicago."
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
	for _, want := range []string{"person:brink-bridget", "person:bitter-rena"} {
		if !hasEntity(x, want) {
			t.Errorf("no %s in %+v", want, x.Entities)
		}
	}
}

// "President Francis" in a speech to the General Assembly is the
// Assembly's president of that name, not another Francis the gazetteer
// knows (a naval officer, the Pope).
func TestPresidentWithAFamilyNameIsWhoeverPresidedThen(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "Malta said it congratulates President Francis on his election."})
	for _, en := range x.Entities {
		if en.Type == "person" && strings.HasPrefix(en.ID, "person:francis") {
			if en.ID != "person:francis-dennis" {
				t.Errorf("President Francis is %s, want person:francis-dennis", en.ID)
			}
			return
		}
	}
	t.Fatalf("no Francis in %+v", x.Entities)
}

func TestEveryPartyOfAClaimIsAnEntity(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "Canada condemned Putin's brutal war against Ukraine."})
	ids := entityIDs(x)
	if len(x.Claims) == 0 {
		t.Fatalf("no claim: %+v", x)
	}
	for _, c := range x.Claims {
		for _, a := range c.Actors {
			if !ids[a] {
				t.Errorf("actor %s of %+v is no entity: %+v", a, c, x.Entities)
			}
		}
		if c.Target != nil && !strings.HasPrefix(*c.Target, "place:") && !ids[*c.Target] {
			t.Errorf("target %s of %+v is no entity: %+v", *c.Target, c, x.Entities)
		}
	}
}

// entityIDs returns the ids of an extraction's entities.
func entityIDs(x schemas.Extraction) map[string]bool {
	ids := map[string]bool{}
	for _, en := range x.Entities {
		ids[en.ID] = true
	}
	return ids
}

func TestTaiwanAndRFITransliterationsNameTheLeaders(t *testing.T) {
	e := testEngine(t)
	for text, want := range map[string]string{
		"白俄罗斯总统鲁卡申柯今天发表讲话。": "person:lukashenko-alexander",
		"俄罗斯总统蒲亭今天发表讲话。":    "person:putin-vladimir",
		"委内瑞拉总统马杜洛今天发表讲话。":  "person:maduro-nicolas",
		"捷克参议院议长维特齐抵达台北。":   "person:vystrcil-milos",
		"捷克参议长韦斯特奇尔抵达台北。":   "person:vystrcil-milos",
	} {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
		if !entityIDs(x)[want] {
			t.Errorf("%s: entities %+v, want %s", text, x.Entities, want)
		}
	}
}

// An organisation named inside an official's title is an entity of the
// text, though the official, not the organisation, is the mention.
func TestAnOrganisationInAnOfficialsTitleIsAnEntity(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"the alliance in its secretary general's title", "The NATO Secretary General said the alliance would meet again.",
			map[string]string{"NATO": "org:nato"}, nil},
		{"the assembly in its president's title", "Ambassador Okafor thanked the President of the General Assembly for her work.",
			map[string]string{"UN General Assembly": "org:un-general-assembly"}, nil},
		{"联大 in 联大主席", "联大主席表示，会议将于下周继续。",
			map[string]string{"联合国大会": "org:un-general-assembly"}, nil},
		{"a title that names no organisation adds none", "The Secretary General said the meeting would continue.",
			nil, []string{"org:"}},
	})
}

// Bodies the news names often that are neither states nor organs of one:
// a parliament apart from its union, mediation formats, a party camp.
func TestParliamentsFormatsAndCampsAreOrganisations(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"the European Parliament is not the EU", "欧洲议会呼吁欧盟对相关官员实施制裁。",
			map[string]string{"欧洲议会": "org:european-parliament", "欧盟": "org:eu"}, nil},
		{"a mediation format", "Kyiv wants the Normandy Format talks to resume.",
			map[string]string{"Normandy Format": "org:normandy-format"}, nil},
		{"a camp of parties", "泛民主派议员周三集体辞职。",
			map[string]string{"泛民主派": "org:hong-kong-pan-democrats"}, []string{"HKG"}},
		{"the camp's legislators without 泛", "多名民主派立法会议员联署反对新规。",
			map[string]string{"民主派立法会议员": "org:hong-kong-pan-democrats"}, nil},
	})
}

// A Chinese text often names a foreign minister by the last part of the
// transliteration only, after the title: the gazetteer's holder of that
// office for that state is meant.
func TestATitleAndTheLastPartOfATransliterationNameTheHolder(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"the title right before the name", "印度国防部长辛格表示，边境局势总体可控。",
			map[string]string{"辛格": "person:singh-rajnath"}, nil},
		{"的 between the state and the title", "两人与印度的国防部长辛格举行了会谈。",
			map[string]string{"辛格": "person:singh-rajnath"}, nil},
		{"another state's minister of that name is not meant", "新加坡国防部长辛格表示，边境局势总体可控。",
			nil, []string{"person:singh-rajnath"}},
	})
}

// A transcript's turn label names its speaker by honorific and family name
// in capitals; "QUESTION:" and a capitalised title are no such label.
func TestATurnLabelNamesItsSpeaker(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a spokesperson the gazetteer knows", "MR PRICE:  We will now take two questions from each side.",
			map[string]string{"PRICE": "person:price-ned"}, nil},
		{"someone the gazetteer does not know", "MS OKONJO:  Thank you all for coming today.",
			map[string]string{"OKONJO": "person:okonjo"}, nil},
		{"a question is no one", "QUESTION:  Will the talks resume next week?",
			nil, []string{"person:"}},
	})
}

// Names of people the news still cites though they hold no office: a name
// that starts with a state's name is the person (韩国瑜 is no Korea).
func TestFormerLeadersAndPublicFiguresAreKnown(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a name that opens with 韩国", "韩国瑜表示将继续参选。",
			map[string]string{"韩国瑜": "person:han-kuo-yu"}, []string{"KOR"}},
		{"a former prime minister", "日本政府打算派森喜朗出席葬礼。",
			map[string]string{"森喜朗": "person:mori-yoshiro", "日本政府": "JPN"}, nil},
	})
}

// Two family names joined by a hyphen name two people; a name that only
// ends in a known family name after a hyphen names neither.
func TestHyphenatedFamilyNames(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"an administration named after two people", "The Biden-Harris administration will host the summit.",
			map[string]string{"Biden": "person:biden-joe", "Harris": "person:harris-kamala"}, nil},
		{"the same, capitalised, before Transition or Administration: no person named Harris Transition",
			"Anna Reyes served on the Biden-Harris Transition before the Biden-Harris Administration sent her to Quito.",
			map[string]string{"Harris": "person:harris-kamala"}, []string{"person:transition", "person:administration"}},
		{"a particle before the hyphen", "Officials met Ahmed Al-Harris in Doha on Monday.",
			nil, []string{"person:harris-kamala"}},
	})
}

// A state's armed force that the news and sanctions treat as an actor of its
// own is an organisation with that state as its country, not an organ that
// folds into the state.
func TestAStatesGuardCorpsIsAnOrganisation(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"the corps by its abbreviation", "Washington sanctioned two IRGC commanders on Tuesday.",
			map[string]string{"IRGC": "org:irgc"}, []string{"IRN"}},
		{"the corps in Chinese", "伊朗伊斯兰革命卫队周日扣押了一艘油轮。",
			map[string]string{"伊朗伊斯兰革命卫队": "org:irgc"}, nil},
	})
}

// The same person or organisation under the spellings and names different
// outlets use, and news outlets that the story is about.
func TestSpellingVariantsAndOutlets(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a Taiwanese rendering", "彭佩奥周三抵达雅加达。",
			map[string]string{"彭佩奥": "person:pompeo-mike"}, nil},
		{"a transliteration from Russian", "Aleksey Navalny was detained on arrival in Moscow.",
			map[string]string{"Aleksey Navalny": "person:navalny-alexei"}, nil},
		{"a Belarusian spelling", "The EU does not recognise Lukashenka as president.",
			map[string]string{"Lukashenka": "person:lukashenko-alexander"}, nil},
		{"a paper that is the story", "《苹果日报》周四出版最后一期。",
			map[string]string{"苹果日报": "org:apple-daily"}, nil},
		{"a think tank's name with 协会 for 学会", "美国智库布鲁金斯协会的一位研究员周五发表文章。",
			map[string]string{"布鲁金斯协会": "org:brookings-institution"}, nil},
		{"the OSCE's name with its two halves swapped", "欧洲合作与安全组织派出观察员监督投票。",
			map[string]string{"欧洲合作与安全组织": "org:osce"}, nil},
		{"the Nobel committee without 奖", "挪威诺贝尔委员会周五宣布了今年的得主。",
			map[string]string{"挪威诺贝尔委员会": "org:norwegian-nobel-committee"}, nil},
		{"the Federal Reserve by its short Chinese name", "美联储周三宣布维持利率不变。",
			map[string]string{"美联储": "org:federal-reserve"}, nil},
		{"the Federal Reserve by its English name", "The U.S. Federal Reserve kept rates unchanged on Wednesday.",
			map[string]string{"U.S. Federal Reserve": "org:federal-reserve"}, nil},
		{"the crown prince spelt Muhammad is not his father the king", "Saudi Crown Prince Muhammad bin Salman received the envoy in Riyadh.",
			map[string]string{"Crown Prince Muhammad bin Salman": "person:al-saud-mohammed-bin-salman"}, []string{"person:al-saud-salman-bin-abdulaziz"}},
		{"the U.S. Institute of Peace, with of", "The panel met at the U.S. Institute of Peace on Monday.",
			map[string]string{"U.S. Institute of Peace": "org:usip"}, nil},
		{"an institute's Chinese name with an enumeration comma", "乔治城大学妇女、和平与安全研究所发布了报告。",
			map[string]string{"乔治城大学妇女、和平与安全研究所": "org:georgetown-institute-wps"}, nil},
	})
}

// A transliterated name glossed with its original in parentheses names a
// person even when a word of it is also a state's name.
func TestAGlossedNameIsNoState(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a first name that is a state", "美国代理部长沃尔夫（Chad Wolf）周三访问了边境。",
			map[string]string{"美国": "USA"}, []string{"TCD"}},
		{"the state in its own gloss", "乍得（Chad）总统周三访问了巴黎。",
			map[string]string{"乍得": "TCD"}, nil},
	})
}

// A deputy minister's title before a name the gazetteer lacks still names
// a person.
func TestDeputyMinistersAreNamedPeople(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a vice foreign minister", "越南外交部副部长黎怀忠周三会见了美国大使。",
			map[string]string{"黎怀忠": "person:"}, nil},
		{"a markets strategist", "一家日本银行的首席策略师张立群表示，汇率将保持稳定。",
			map[string]string{"张立群": "person:"}, nil},
	})
}

// A capital inside the name of a treaty, a style or a trading session is
// no party.
func TestCapitalsInsideOtherNames(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a convention named after a capital", "双方均为《维也纳外交关系公约》缔约国。", nil, []string{"AUT"}},
		{"a style", "这座教堂是罗马式建筑的代表。", nil, []string{"ITA"}},
		{"a trading session", "美元周四伦敦盘初小幅上涨。", nil, []string{"GBR"}},
	})
}

// A state's name that is only part of another name is no state: a
// university, a district, a gulf, the sounds of a person's name, a time
// after a state that is gone.
func TestStateNamesInsideOtherNames(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a university", "她去年从哥伦比亚大学毕业。",
			map[string]string{"哥伦比亚大学": "org:columbia-university"}, []string{"COL"}},
		{"a district", "哥伦比亚特区的选举人票已经确认。", nil, []string{"COL"}},
		{"a gulf", "Piracy in the Gulf of Guinea has fallen this year.", nil, []string{"GIN"}},
		{"a transliterated name glossed", "众议员马里诺夫斯基（Tom Malinowski）提出了法案。", nil, []string{"MLI"}},
		{"a name after a middle dot", "主演卢卡·马里内利获得了奖项。", nil, []string{"MLI"}},
		{"the time after a state", "Elections in post-Soviet states are often contested.", nil, []string{"SUN"}},
		{"the state itself", "马里总统周一表示支持。", map[string]string{"马里": "MLI"}, nil},
	})
}

// A bare 外交部 is China's only in a text that names China.
func TestABareMinistryIsChinasOnlyWhereChinaIsNamed(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a story about another capital", "抗议者周六冲进贝鲁特的外交部大楼，黎巴嫩总理随后宣布辞职。",
			map[string]string{"黎巴嫩": "LBN"}, []string{"CHN"}},
		{"a story that names China", "外交部周一召见了大使。记者会于中国时间下午三点举行。",
			map[string]string{"外交部": "CHN"}, nil},
	})
}

func TestAFamilyNameAloneTakesTheFullNameTheTextGivesLater(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		name, text, want, absent string
	}{
		{"a heading names the family name, the body the full name",
			"Under Secretary Okafor Travels to Ghana\n\nUnder Secretary for Economic Growth Amara N. Okafor will travel to Accra to meet Ghanaian officials. Under Secretary Okafor will discuss food security.",
			"person:okafor-amara", "person:okafor"},
		{"a heading names the family name, the body the gazetteer's full name with two given names",
			"Secretary Blinken Meets Guyanese President Ali\n\nSecretary Blinken met Guyanese President Dr. Mohamed Irfaan Ali in Washington on Monday. Secretary Blinken and President Ali discussed energy cooperation.",
			"person:ali-mohamed-irfaan", "person:ali"},
		{"two given names of one family name leave the id alone",
			"Ambassador Okafor Meets Students\n\nAmbassador Okafor met students. Chidi Okafor and Amara Okafor, two of them, spoke.",
			"person:okafor", ""},
		{"a gazetteer id of one word stands",
			"King Vajiralongkorn Receives Envoys\n\nKing Vajiralongkorn received the envoys. Maha Vajiralongkorn will visit Japan.",
			"person:vajiralongkorn", "person:vajiralongkorn-"},
		{"a title or an honorific before the family name is no given name",
			"Director-General Okafor Meets Students\n\nDirector-General Okafor met students. Mr Okafor spoke.",
			"person:okafor", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
			var ids []string
			for _, en := range x.Entities {
				ids = append(ids, en.ID)
			}
			if !slices.Contains(ids, c.want) || c.absent != "" && slices.ContainsFunc(ids, func(id string) bool {
				return id == c.absent || strings.HasSuffix(c.absent, "-") && strings.HasPrefix(id, c.absent)
			}) {
				t.Fatalf("entities %v: want %s and not %q", ids, c.want, c.absent)
			}
			for _, cl := range x.Claims {
				for _, id := range append(slices.Clone(cl.Actors), cl.Speakers...) {
					if c.absent != "" && id == c.absent {
						t.Errorf("claim %+v still names %s", cl, c.absent)
					}
				}
			}
		})
	}
}

func TestSmallerBodiesUniversitiesAndThinkTanksAreKnown(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"an alliance of small states is no military alliance", "The Alliance of Small Island States (AOSIS) asked for a seat at the table.",
			map[string]string{"Alliance of Small Island States": "org:aosis"}, []string{"org:nato"}},
		{"an arbitration centre by its full name", "Honduras left the International Centre for Settlement of Investment Disputes last year.",
			map[string]string{"International Centre for Settlement of Investment Disputes": "org:icsid"}, nil},
		{"a Chinese university", "复旦大学的一名研究员接受了采访。", map[string]string{"复旦大学": "org:fudan-university"}, nil},
		{"a forum of ASEAN", "东盟地区论坛下月在金边举行。", map[string]string{"东盟地区论坛": "org:asean-regional-forum"}, nil},
	})
}

func TestPeopleNamedWithoutATitleAndFamilyNamesThatAreWords(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a religious leader by the name the news uses", "达赖喇嘛的代表呼吁各方保持克制。",
			map[string]string{"达赖喇嘛": "person:tenzin-gyatso"}, nil},
		{"a Hong Kong politician by his Chinese name", "立法会议员谭耀宗周一发表声明。",
			map[string]string{"谭耀宗": "person:tam-yiu-chung"}, nil},
		{"a hall is nobody of that family name", "I thank everyone in this Hall for their support.",
			map[string]string{}, []string{"person:"}},
		{"an office holder by title and family name", "Secretary Blinken met President Moon in Seoul.",
			map[string]string{"President Moon": "person:moon-jae-in"}, nil},
	})
}

func TestAStateATopicNamesIsAnEntity(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a war against a state", "Canada condemns the war against Ukraine in the strongest terms.",
			map[string]string{"Ukraine": "UKR"}, nil},
		{"a law named after a territory", "英国外交大臣批评香港国安法损害自由。",
			map[string]string{"香港": "HKG"}, nil},
		{"a strait is no state", "Seoul backs Taiwan Strait peace as a shared goal.",
			map[string]string{}, []string{"TWN"}},
		{"an agreement named after a city is no state", "Kenya remains committed to the Paris Agreement.",
			map[string]string{}, []string{"FRA"}},
	})
}

func TestPartiesNamedDemocraticAreTheirOwnPlace(t *testing.T) {
	e := testEngine(t)
	cases := []struct{ text, want, not string }{
		{"香港民主党前主席表示，民主党不会退出选举。", "org:democratic-party-hk", "org:democratic-party"},
		{"警方搜查了办公室，民主党和公民党都表示反对。", "org:democratic-party-hk", "org:democratic-party"},
		{"日本立宪民主党代表批评政府的决定。", "org:cdp-japan", "org:democratic-party"},
		{"美国民主党参议员批评政府的决定。", "org:democratic-party", "org:democratic-party-hk"},
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		ids := []string{}
		for _, en := range x.Entities {
			ids = append(ids, en.ID)
		}
		if !slices.Contains(ids, c.want) || slices.Contains(ids, c.not) {
			t.Errorf("%s: entities %v, want %s and not %s", c.text, ids, c.want, c.not)
		}
	}
}

func TestThisAssemblyInASpeechToTheUNIsTheGeneralAssembly(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text string
		want bool
	}{
		{"Peru is proud to serve the United Nations. We call on this Assembly to act on climate finance.", true},
		{"Peru is proud to serve the United Nations. The Assembly of States Parties meets next month.", false},
		{"The National Assembly of Peru passed the budget. The Assembly meets again in May.", false},
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		got := hasEntity(x, "org:un-general-assembly")
		if got != c.want {
			t.Errorf("%s: General Assembly among the entities %v, want %v (%+v)", c.text, got, c.want, x.Entities)
		}
	}
}

func TestInitiativesAndProgrammesAreNoOrganisations(t *testing.T) {
	e := testEngine(t)
	cases := []struct{ text, org string }{
		{"Jordan supports the Levant Peace Initiative and the Fulbright Program.", ""},
		{"Jordan welcomed the Committee to Protect Journalists.", "org:committee-to-protect-journalists"},
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		var orgs []string
		for _, en := range x.Entities {
			if en.Type == "org" {
				orgs = append(orgs, en.ID)
			}
		}
		if c.org == "" && len(orgs) > 0 || c.org != "" && !slices.Contains(orgs, c.org) {
			t.Errorf("%s: organisations %v, want %q", c.text, orgs, c.org)
		}
	}
}

// A body named by its head word alone ("The Partnership", "the
// Organization") is one the text named in full before, and a name read from
// the second word of a hyphened one ("Import Bank" of Export–Import Bank)
// is none: neither is an organisation of its own, nor holds a claim.
func TestPartsOfNamesAreNoOrganisations(t *testing.T) {
	e := testEngine(t)
	for _, text := range []string{
		"The Partnership has invested $10 million to improve health services in Kenya.",
		"Since 2009, the Export–Import Bank of the United States has authorized support for exports to Kenya.",
	} {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
		for _, en := range x.Entities {
			if en.Type == "org" {
				t.Errorf("%s: organisation %s", text, en.ID)
			}
		}
		for _, c := range x.Claims {
			for _, a := range c.Actors {
				if strings.HasPrefix(a, "org:") {
					t.Errorf("%s: a claim held by %s", text, a)
				}
			}
		}
	}
}

// A foreign name the gazetteer lacks, right after a title, is a person
// even where the segmenter read it as a place (巴尔 after 司法部长) or its
// first characters as a verb (拉加 of 拉加德), and when a modal follows it.
func TestAForeignNameAfterATitleIsAPersonThoughReadAsAPlace(t *testing.T) {
	e := testEngine(t)
	for _, c := range []struct{ text, name string }{
		{"美国司法部长巴尔周二表示，美方支持这项调查。", "巴尔"},
		{"欧洲央行总裁拉加德周四表示，欧元区经济正在复苏。", "拉加德"},
		{"英国驻日本大使帕斯科会到东京出席会议。", "帕斯科"},
	} {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		found := false
		for _, en := range x.Entities {
			found = found || en.Type == "person" && en.Name == c.name
		}
		if !found {
			t.Errorf("%s: no person %s: %+v", c.text, c.name, x.Entities)
		}
	}
}

func TestShipsNamedAfterPeopleAreNoPeople(t *testing.T) {
	e := testEngine(t)
	for _, text := range []string{"美国林肯号航母进入南海，中国表示反对。", "The USS Abraham Lincoln sailed into the South China Sea."} {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
		for _, en := range x.Entities {
			if en.Type == "person" {
				t.Errorf("%s: a ship became a person: %+v", text, en)
			}
		}
	}
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "特朗普号召支持者投票。"})
	if !hasEntity(x, "person:trump-donald") {
		t.Errorf("号召 after a name made no ship: %+v", x.Entities)
	}
}

func TestStateBodiesNamedAsOrganisationsAreListedAndHoldForTheirState(t *testing.T) {
	e := testEngine(t)
	cases := []struct{ text, org string }{
		{"全国人大常委会周二表示，坚决反对外国干涉香港事务。", "org:npc"},
		{"全国政协发表声明，坚决反对外国干涉香港事务。", "org:cppcc"},
		{"The National People's Congress said it firmly opposes foreign interference in Hong Kong.", "org:npc"},
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		if !hasEntity(x, c.org) {
			t.Errorf("%s: no %s among %+v", c.text, c.org, x.Entities)
		}
		for _, cl := range x.Claims {
			if slices.Contains(cl.Actors, c.org) || !slices.Contains(cl.Actors, "CHN") {
				t.Errorf("%s: claim held by %v, want the state (CHN)", c.text, cl.Actors)
			}
		}
		if len(x.Claims) == 0 {
			t.Errorf("%s: no claim", c.text)
		}
	}
}

func TestOrganisationsAndPeopleAreFoundByTheirChineseNames(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text string
		ids  []string
	}{
		{"中海油与赛诺菲的代表出席了会议，亲民党主席也在场。", []string{"org:cnooc", "org:sanofi", "org:people-first-party"}},
		{"学者蔡霞和艺术家胡佳接受了采访，提到了奥威尔的小说。", []string{"person:cai-xia", "person:hu-jia", "person:orwell-george"}},
	}
	for _, c := range cases {
		x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: c.text})
		for _, id := range c.ids {
			if !hasEntity(x, id) {
				t.Errorf("%s: no %s among %+v", c.text, id, x.Entities)
			}
		}
	}
}

func TestAFamilyNameThatIsAGivenNameAloneNeedsATitleOrItsBody(t *testing.T) {
	e := testEngine(t)
	has := func(text, id string) bool {
		return hasEntity(e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text}), id)
	}
	if has("MR PRICE: Thank you. Michel, final question in the back.", "person:michel-charles") {
		t.Error("a reporter called on by his given name became the European Council's president")
	}
	if !has("President Michel said the summit had been a success.", "person:michel-charles") {
		t.Error("a title before the family name names the office holder")
	}
	if !has("The European Union held a summit. Michel said it had been a success.", "person:michel-charles") {
		t.Error("with his body named, the family name alone names the office holder")
	}
}

// An organisation is named under the spellings the press and the UN use
// (al-Qa'ida, Al-Qaida, "the Group of 20", the OSCE's name without its
// hyphen).
func TestOrganisationSpellings(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"al-Qa'ida with a curly apostrophe", "The sanctions target financiers of al-Qa’ida in the Sahel.",
			map[string]string{"al-Qa’ida": "org:al-qaeda"}, nil},
		{"Al-Qaida capitalised", "Al-Qaida claimed the attack on the convoy.",
			map[string]string{"Al-Qaida": "org:al-qaeda"}, nil},
		{"the Group of 20", "Kenya asked the Group of 20 to suspend debt payments.",
			map[string]string{"Group of 20": "org:g20"}, nil},
		{"the OSCE's name without a hyphen", "Observers of the Organization for Security and Cooperation in Europe watched the vote.",
			map[string]string{"Organization for Security and Cooperation in Europe": "org:osce"}, nil},
	})
}

// The turn label may come before the sentence that names its speaker in full.
func TestATurnLabelledByAFamilyNameIsThePersonNamedInFull(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText,
		Body: "MR QUILLAN: All right, good afternoon. My name is Tim Quillan, and I lead the communications office. We support Ukraine."})
	ids := entityIDs(x)
	if !ids["person:quillan-tim"] || ids["person:quillan"] {
		t.Errorf("entities %v: want person:quillan-tim and no person:quillan", ids)
	}
}

// A title before a family name that the gazetteer writes first (Wang Yi,
// Chung Eui-yong) names the one person of that name who held the title's
// office on the text's date; a text with no date names no one in particular.
func TestATitleBeforeAFamilyNameWrittenFirstNamesTheHolderThen(t *testing.T) {
	e := testEngine(t)
	for _, c := range []struct {
		name string
		date time.Time
		want string
	}{
		{"China's foreign minister in 2022", time.Date(2022, 7, 12, 0, 0, 0, 0, time.UTC), "person:wang-yi"},
		{"no date: no one in particular", time.Time{}, "person:wang"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := schemas.Article{Name: "t", Format: schemas.FormatText, Body: "The Secretary met Foreign Minister Wang in Bali to discuss the war in Ukraine."}
			if !c.date.IsZero() {
				a.Published = &c.date
			}
			x := e.Extract(a)
			got := ""
			for _, en := range x.Entities {
				if en.Name == "Wang" {
					got = en.ID
				}
			}
			if got != c.want {
				t.Errorf("Foreign Minister Wang: got %q, want %q; all: %v", got, c.want, x.Entities)
			}
		})
	}
}

// A transliterated name the gazetteer knows, cut by the segmenter from a
// longer one (格拉斯 利), is not that person; the name alone still is.
func TestAKnownTransliterationCutFromALongerNameIsNoOne(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"one more sound of a name after it", "参议员格拉斯利周二表示，调查仍在继续。",
			nil, []string{"person:glass-george"}},
		{"the name alone", "大使格拉斯周二表示，调查仍在继续。",
			map[string]string{"格拉斯": "person:glass-george"}, nil},
	})
}

// A known family name joined by a name dot other than "·" to more of a
// name is part of that longer name; the known full name is still found.
func TestAKnownNameJoinedByAnotherNameDotIsPartOfALongerName(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"someone else of that family name", "律师克里斯‧亨特周二表示，调查仍在继续。",
			nil, []string{"person:hunt-jeremy"}},
		{"the known full name with the same dot", "英国外交大臣杰里米‧亨特周二表示，调查仍在继续。",
			map[string]string{"杰里米‧亨特": "person:hunt-jeremy"}, nil},
	})
}

// A family name alone, after the text has named one of its bearers in
// full, is that person, not the first bearer the gazetteer lists.
func TestALoneFamilyNameIsThePersonTheTextNamedInFull(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"the bearer named before", "Fuad Hussein arrived in Washington on Monday. Foreign Minister Hussein said the talks were useful.",
			map[string]string{"Fuad Hussein": "person:hussein-fuad"}, []string{"person:hishammuddin-hussein", "MYS"}},
	})
}

// "The Alliance" is NATO, unless the text has named another alliance in
// full; then it is that one.
func TestTheAllianceIsTheAllianceTheTextNamed(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"another alliance named before", "Ministers of the Alliance for Development in Democracy met in Panama. The Alliance supports regional supply chains.",
			map[string]string{"Alliance for Development in Democracy": "org:alliance-for-development-in-democracy"}, []string{"org:nato"}},
		{"no other alliance", "Ministers met in Brussels. The Alliance supports Ukraine.",
			map[string]string{"The Alliance": "org:nato"}, nil},
	})
}

// An organ of a state the vocabulary also lists as an organisation (USAID,
// the FBI) is listed as that organisation, while its state holds the claim.
func TestAnOrganWithAnOrganisationIDIsListedAndItsStateHolds(t *testing.T) {
	e := testEngine(t)
	x := e.Extract(schemas.Article{Name: "t", Format: schemas.FormatText, Body: "USAID will support food security programs in Kenya."})
	if !hasEntity(x, "org:usaid") || !hasEntity(x, "USA") {
		t.Errorf("entities %+v: want org:usaid and USA", x.Entities)
	}
	for _, c := range x.Claims {
		if slices.Contains(c.Actors, "org:usaid") || !slices.Contains(c.Actors, "USA") {
			t.Errorf("claim %+v: want the United States holding it, not USAID", c)
		}
	}
	if len(x.Claims) == 0 {
		t.Errorf("no claim: want the United States' support")
	}
}

func TestTitlesOfTaiwanAndHongKongPressNamePeople(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"a legislator of Taiwan (立委)", "民进党立委陈志明周二在质询时发言。",
			map[string]string{"陈志明": "person:"}, nil},
		{"an assistant secretary of state as Taiwan's press writes it (助卿)", "美国国务院助卿戴维斯周四访问台北。",
			map[string]string{"戴维斯": "person:"}, nil},
		{"the chief executive of Hong Kong (特首)", "特首李国明表示将推动新的住房计划。",
			map[string]string{"李国明": "person:"}, nil},
	})
}

func TestPhotoCreditsNameNoOne(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"an agency's credit after a slash", "资料图片：议会大厦外景。REUTERS/Daniel Harper",
			map[string]string{}, []string{"person:"}},
		{"a credit in parentheses", "The embassy gate in 2019. (AP Photo/Laura Bennett)",
			map[string]string{}, []string{"person:"}},
		{"a name in the text is still a person", "Daniel Harper, a lawyer in London, said the ruling was wrong.",
			map[string]string{"Daniel Harper": "person:"}, nil},
	})
}
