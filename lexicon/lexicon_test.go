package lexicon

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

const vocabPath = "../../shared/corpus/vocab.tsv"

func mustDefault(t testing.TB) *Lexicon {
	t.Helper()
	lx, err := Default()
	if err != nil {
		t.Fatalf("loading embedded lexicon: %v", err)
	}
	return lx
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// vocabRows reads the shared vocabulary: id, kind, en, zh.
func vocabRows(t *testing.T) [][]string {
	t.Helper()
	path := vocabPath
	if p := os.Getenv("DIPLOGRAPH_VOCAB"); p != "" {
		path = p
	}
	return vocabFile(t, path)
}

// vocabFile reads the rows of a vocabulary file (id, kind, en, zh, …).
func vocabFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("vocabulary %s: %v (DIPLOGRAPH_VOCAB sets the shared one's path)", path, err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 4 || fields[0] == "id" {
			continue
		}
		rows = append(rows, fields)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 100 {
		t.Fatalf("vocabulary %s has only %d rows", path, len(rows))
	}
	return rows
}

func TestEveryVocabularyIDIsInTheLexicon(t *testing.T) {
	lx := mustDefault(t)
	for _, v := range vocabRows(t) {
		id, kind, zh := v[0], v[1], v[3]
		t.Run(id, func(t *testing.T) {
			e, ok := lx.Get(id)
			if !ok {
				t.Fatalf("%s (%s) missing", id, kind)
			}
			if e.Kind != kind {
				t.Errorf("kind %s, vocabulary says %s", e.Kind, kind)
			}
			if kind != KindTopic && !slices.Contains(e.Names["zh"], zh) {
				t.Errorf("zh names %v lack the vocabulary label %q", e.Names["zh"], zh)
			}
		})
	}
}

func TestEveryCountryNamedInTheGoldFilesIsInTheLexicon(t *testing.T) {
	lx := mustDefault(t)
	for _, id := range []string{"JPN", "GBR", "CHN", "USA", "FRA", "ITA", "CAN", "UKR", "DEU", "RUS", "PRK", "TWN", "DNK", "AUS", "NLD", "ISR", "HKG", "PSE", "KOR", "MAC", "QAT", "RWA", "COD"} {
		if e, ok := lx.Get(id); !ok || e.Kind != KindCountry {
			t.Errorf("country %s missing", id)
		}
	}
}

// iso3166 lists the ISO 3166-1 alpha-3 codes, derived from CLDR's region
// data: CLDR also knows exceptionally reserved, deprecated and grouping
// codes, which ISO 3166-1 does not assign.
func iso3166() []string {
	notISO := map[string]bool{
		"AC": true, "CP": true, "DG": true, "EA": true, "IC": true, "TA": true, "XK": true,
		"EU": true, "EZ": true, "UN": true, "UK": true, "QO": true, "CQ": true,
		"AN": true, "BU": true, "CS": true, "CT": true, "DD": true, "DY": true, "FQ": true,
		"FX": true, "HV": true, "JT": true, "MI": true, "NH": true, "NQ": true, "NT": true,
		"PC": true, "PU": true, "PZ": true, "RH": true, "SU": true, "TP": true, "VD": true,
		"WK": true, "YD": true, "YU": true, "ZR": true,
	}
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || notISO[code] {
				continue
			}
			out = append(out, r.ISO3())
		}
	}
	return out
}

func TestEveryISO3166CountryIsInTheLexicon(t *testing.T) {
	lx := mustDefault(t)
	codes := iso3166()
	if len(codes) != 249 {
		t.Fatalf("ISO 3166-1 has 249 codes, the list derived from CLDR has %d", len(codes))
	}
	for _, id := range codes {
		e, ok := lx.Get(id)
		if !ok || e.Kind != KindCountry {
			t.Errorf("country %s missing", id)
			continue
		}
		for _, lang := range []string{"en", "zh"} {
			if e.Label[lang] == "" {
				t.Errorf("%s has no %s label", id, lang)
			}
		}
	}
}

func TestEveryEntityIsWellFormed(t *testing.T) {
	lx := mustDefault(t)
	seen := map[string]bool{}
	for _, e := range lx.Entities() {
		if seen[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		seen[e.ID] = true
		if e.Label["en"] == "" {
			t.Errorf("%s has no English label", e.ID)
		}
		if e.Kind != KindTopic && e.Label["zh"] == "" {
			t.Errorf("%s has no Chinese label", e.ID)
		}
		if e.Kind == KindPerson && e.Country == "" {
			// a private person (an activist, a commentator) speaks for no
			// state; one who holds a state's office names that state
			for _, r := range e.Roles {
				if len(r.Of) == 3 && !strings.Contains(r.Of, ":") {
					t.Errorf("%s holds an office of %s but has no country", e.ID, r.Of)
				}
			}
		}
		for lang, names := range e.Names {
			for _, n := range names {
				if n == "" || strings.TrimSpace(n) != n {
					t.Errorf("%s has a blank or padded %s name %q", e.ID, lang, n)
				}
			}
		}
	}
}

func TestRolesAreWellFormed(t *testing.T) {
	lx := mustDefault(t)
	for _, e := range lx.Entities() {
		for _, r := range e.Roles {
			if !r.To.IsZero() && r.To.Before(r.From) {
				t.Errorf("%s %s of %s ends before it starts", e.ID, r.Key, r.Of)
			}
			if _, ok := lx.Get(r.Of); !ok {
				t.Errorf("%s %s of unknown %s", e.ID, r.Key, r.Of)
			}
		}
	}
}

func TestHoldersOf(t *testing.T) {
	lx := mustDefault(t)
	tests := []struct {
		name     string
		key, of  string
		day      string
		expected []string
	}{
		{"Kamikawa was Japan's foreign minister at the 2023 2+2", "foreign-minister", "JPN", "2023-11-07", []string{"person:kamikawa-yoko"}},
		{"Iwaya was Japan's foreign minister in early 2025", "foreign-minister", "JPN", "2025-03-01", []string{"person:iwaya-takeshi"}},
		{"Motegi is Japan's foreign minister in the Takaichi cabinet", "foreign-minister", "JPN", "2025-11-20", []string{"person:motegi-toshimitsu"}},
		{"Cleverly was Foreign Secretary in early November 2023", "foreign-minister", "GBR", "2023-11-07", []string{"person:cleverly-james"}},
		{"Cameron was Foreign Secretary from mid-November 2023", "foreign-minister", "GBR", "2023-12-01", []string{"person:cameron-david"}},
		{"Kihara was Japan's defence minister in late 2023", "defence-minister", "JPN", "2023-11-07", []string{"person:kihara-minoru"}},
		{"Shapps was Defence Secretary in late 2023", "defence-minister", "GBR", "2023-11-07", []string{"person:shapps-grant"}},
		{"Qin Gang was China's foreign minister in spring 2023", "foreign-minister", "CHN", "2023-04-01", []string{"person:qin-gang"}},
		{"Wang Yi returned as China's foreign minister in 2023", "foreign-minister", "CHN", "2023-11-15", []string{"person:wang-yi"}},
		{"Blinken was Secretary of State in 2023", "foreign-minister", "USA", "2023-06-18", []string{"person:blinken-antony"}},
		{"Rubio is Secretary of State under the second Trump presidency", "foreign-minister", "USA", "2025-06-01", []string{"person:rubio-marco"}},
		{"Guterres is UN Secretary-General", "secretary-general", "org:un", "2023-10-09", []string{"person:guterres-antonio"}},
		{"Rutte followed Stoltenberg at NATO", "secretary-general", "org:nato", "2025-01-01", []string{"person:rutte-mark"}},
		{"a handover day has both office holders", "foreign-minister", "GBR", "2023-11-13", []string{"person:cleverly-james", "person:cameron-david"}},
		{"nobody holds an unknown role", "chief-astronaut", "JPN", "2023-11-07", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range lx.HoldersOf(tt.key, tt.of, day(tt.day)) {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, tt.expected) {
				t.Errorf("HoldersOf(%q, %q, %s) = %v, want %v", tt.key, tt.of, tt.day, got, tt.expected)
			}
		})
	}
}

// TestHolderNow checks the one open term of an office, the day it began,
// and that the data's date is that of its latest term.
func TestHolderNow(t *testing.T) {
	lx := mustDefault(t)
	h, from := lx.HolderNow("secretary-general", "org:un")
	if h == nil || h.ID != "person:guterres-antonio" || from.Year() != 2017 {
		t.Fatalf("HolderNow(secretary-general, org:un) = %v from %v, want person:guterres-antonio from 2017", h, from)
	}
	if h, _ := lx.HolderNow("chief-astronaut", "JPN"); h != nil {
		t.Fatalf("HolderNow of an unknown role = %s, want nil", h.ID)
	}
	if d := lx.DataDate(); d.Before(day("2025-01-01")) {
		t.Fatalf("DataDate() = %v, want a day of 2025 or later (the gazetteer's latest terms)", d)
	}
}

// TestHoldersOfGolden runs the cases in testdata/holders.tsv, so that a
// data edit that moves an office shows up as a failing, named case.
func TestHoldersOfGolden(t *testing.T) {
	lx := mustDefault(t)
	data, err := os.ReadFile("testdata/holders.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = readTSV("holders.tsv", data, []string{"case", "key", "of", "day", "holders"}, func(r row) error {
		n++
		t.Run(r.get("case"), func(t *testing.T) {
			var got []string
			for _, e := range lx.HoldersOf(r.get("key"), r.get("of"), day(r.get("day"))) {
				got = append(got, e.ID)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(r.list("holders")))
			if !slices.Equal(got, want) {
				t.Errorf("holders.tsv:%d: HoldersOf(%s, %s, %s) = %v, want %v", r.line, r.get("key"), r.get("of"), r.get("day"), got, want)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Errorf("holders.tsv has %d cases", n)
	}
}

func TestRolesOn(t *testing.T) {
	lx := mustDefault(t)
	tests := []struct {
		name   string
		person string
		day    string
		want   []string // key/of
	}{
		{"Kishida was prime minister in 2023", "person:kishida-fumio", "2023-11-07", []string{"head-of-government/JPN"}},
		{"Kamikawa held no tracked role before her appointment", "person:kamikawa-yoko", "2023-01-01", nil},
		{"an unknown person has no roles", "person:nobody-nobody", "2023-01-01", nil},
		{"a time of day does not end a role early", "person:cleverly-james", "2023-11-13", []string{"foreign-minister/GBR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := day(tt.day).Add(15 * time.Hour)
			var got []string
			for _, r := range lx.RolesOn(tt.person, d) {
				got = append(got, r.Key+"/"+r.Of)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("RolesOn(%s, %s) = %v, want %v", tt.person, tt.day, got, tt.want)
			}
		})
	}
}

func TestAbbrevsAndOrgansAndTitles(t *testing.T) {
	lx := mustDefault(t)
	abbrev := map[string]string{}
	for _, a := range lx.Abbrevs() {
		if prev, dup := abbrev[a.Char]; dup {
			t.Errorf("abbreviation %s names both %s and %s", a.Char, prev, a.ID)
		}
		abbrev[a.Char] = a.ID
	}
	for char, id := range map[string]string{"中": "CHN", "美": "USA", "日": "JPN", "英": "GBR", "法": "FRA", "俄": "RUS", "德": "DEU", "韩": "KOR", "朝": "PRK", "印": "IND", "澳": "AUS", "乌": "UKR", "欧": "org:eu"} {
		if abbrev[char] != id {
			t.Errorf("abbreviation %s = %q, want %s", char, abbrev[char], id)
		}
	}
	organs := map[string]string{}
	for _, o := range lx.Organs() {
		organs[o.Lang+":"+o.Phrase] = o.Country
	}
	for phrase, country := range map[string]string{"zh:外交部": "", "en:State Department": "USA", "zh:外务省": "JPN", "zh:解放军": "CHN", "en:FCDO": "GBR", "en:Pentagon": "USA", "ja:外務省": "JPN"} {
		if c, ok := organs[phrase]; !ok || c != country {
			t.Errorf("organ %s = %q (present %v), want %q", phrase, c, ok, country)
		}
	}
	titles := map[string]Title{}
	for _, ti := range lx.Titles() {
		titles[ti.Lang+":"+ti.Phrase] = ti
	}
	for phrase, want := range map[string]Title{
		"zh:外相":                 {Key: "foreign-minister"},
		"zh:国务卿":                {Key: "foreign-minister", Of: "USA"},
		"zh:外交大臣":               {Key: "foreign-minister", Of: "GBR"},
		"en:Foreign Secretary":  {Key: "foreign-minister", Of: "GBR"},
		"en:Secretary of State": {Key: "foreign-minister", Of: "USA"},
		"ja:外務大臣":               {Key: "foreign-minister", Of: "JPN"},
	} {
		got, ok := titles[phrase]
		if !ok || got.Key != want.Key || got.Of != want.Of {
			t.Errorf("title %s = %+v (present %v), want key %s of %q", phrase, got, ok, want.Key, want.Of)
		}
	}
}

func TestTitlesAndOrgansAreListedOncePerLanguage(t *testing.T) {
	lx := mustDefault(t)
	seen := map[string]bool{}
	for _, ti := range lx.Titles() {
		k := "title " + ti.Lang + ":" + ti.Phrase
		if seen[k] {
			t.Errorf("%s listed twice", k)
		}
		seen[k] = true
	}
	for _, o := range lx.Organs() {
		k := "organ " + o.Lang + ":" + o.Phrase
		if seen[k] {
			t.Errorf("%s listed twice", k)
		}
		seen[k] = true
	}
}

func TestNamesResolve(t *testing.T) {
	lx := mustDefault(t)
	tests := []struct {
		name, lang, surface, id string
	}{
		{"the Chinese side is China", "zh", "中方", "CHN"},
		{"the British side is the UK", "en", "the British side", "GBR"},
		{"Downing Street is the UK", "en", "Downing Street", "GBR"},
		{"the Kremlin is Russia", "zh", "克里姆林宫", "RUS"},
		{"Palestine has its news name", "zh", "巴勒斯坦", "PSE"},
		{"the European Commission is the EU", "zh", "欧盟委员会", "org:eu"},
		{"the CPC has its short name", "zh", "中共", "org:cpc"},
		{"Kamikawa is found by her Chinese name", "zh", "上川阳子", "person:kamikawa-yoko"},
		{"Indo-Pacific has a long Chinese form", "zh", "印度-太平洋", "place:indo-pacific"},
		{"economic coercion is cued in English", "en", "economic coercion", "topic:economic-coercion"},
		{"a Japanese alias keeps its language", "ja", "上川陽子", "person:kamikawa-yoko"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := lx.Get(tt.id)
			if !ok {
				t.Fatalf("%s missing", tt.id)
			}
			if !slices.Contains(e.Names[tt.lang], tt.surface) {
				t.Errorf("%s %s names %v lack %q", tt.id, tt.lang, e.Names[tt.lang], tt.surface)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	lx := mustDefault(t)
	tests := []struct {
		name, surface string
		want          []string
	}{
		{"a Chinese short form finds its country", "英方", []string{"GBR"}},
		{"a Japanese name finds its person", "上川陽子", []string{"person:kamikawa-yoko"}},
		{"an English cue finds its topic", "economic coercion", []string{"topic:economic-coercion"}},
		{"a name shared by two topics finds both", "food and energy security", []string{"topic:food-security", "topic:energy-security"}},
		{"a British spelling finds the body an American one names", "World Health Organisation", []string{"org:who"}},
		{"and the other way round", "International Labour Organisation", []string{"org:ilo"}},
		{"a weak cue is not a name", "relations", nil},
		{"an unknown name finds nothing", "Atlantis", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range lx.Lookup(tt.surface) {
				got = append(got, e.ID)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("Lookup(%q) = %v, want %v", tt.surface, got, want)
			}
		})
	}
}

func TestLoadOverridesFileByFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "topics.tsv", "id\ten\tzh\ntopic:test-topic\ttest topic\t测试\n")
	lx, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lx.Get("topic:test-topic"); !ok {
		t.Error("topic from the override directory missing")
	}
	if _, ok := lx.Get("topic:economic-coercion"); ok {
		t.Error("embedded topics.tsv still loaded although the directory overrides it")
	}
	if _, ok := lx.Get("JPN"); !ok {
		t.Error("embedded countries.tsv not loaded although the directory lacks it")
	}
}

func TestLoadRejectsMalformedRows(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		content  string
		line     int
		contains string
	}{
		{"a row with more fields than the header", "topics.tsv", "id\ten\tzh\ntopic:a\ta\t甲\ntopic:b\tb\t乙\textra\n", 3, "fields"},
		{"a topic id without its prefix", "topics.tsv", "id\ten\tzh\n# comment\n\nb\tb\t乙\n", 4, "not a valid topic id"},
		{"a duplicate id", "places.tsv", "id\ten\tzh\nplace:x\tx\t甲\nplace:x\tx\t甲\n", 3, "duplicate id"},
		{"a header without a required column", "roles.tsv", "person\tkey\tof\tfrom\n", 1, "lacks column"},
		{"a role for an unknown person", "roles.tsv", "person\tkey\tof\tfrom\tto\nperson:nobody-x\tforeign-minister\tJPN\t2020-01-01\t\n", 2, "unknown person"},
		{"a role that ends before it starts", "roles.tsv", "person\tkey\tof\tfrom\tto\nperson:wang-yi\tforeign-minister\tCHN\t2020-01-01\t2019-01-01\n", 2, "before it starts"},
		{"an unknown role key", "roles.tsv", "person\tkey\tof\tfrom\tto\nperson:wang-yi\tdefense-minister\tCHN\t2020-01-01\t\n", 2, "unknown role key"},
		{"a malformed date", "roles.tsv", "person\tkey\tof\tfrom\tto\nperson:wang-yi\tforeign-minister\tCHN\t2020/01/01\t\n", 2, "not YYYY-MM-DD"},
		{"an abbreviation longer than one character", "countries.tsv", "id\ten\tzh\tabbrev\nJPN\tJapan\t日本\t日本\n", 2, "single character"},
		{"a title in an unknown language", "titles.tsv", "phrase\tlang\tkey\tof\nMinister\tfr\tminister\t\n", 2, "unknown language"},
		{"a title implying an unknown state", "titles.tsv", "phrase\tlang\tkey\tof\nMinister\ten\tminister\tXXX\n", 2, "unknown id"},
		{"a title whose context is unknown", "titles.tsv", "phrase\tlang\tkey\tof\tcontext\nGovernor\ten\tleader\t\tXXX\n", 2, "context"},
		{"a title with both a holder and a context", "titles.tsv", "phrase\tlang\tkey\tof\tcontext\nUN Envoy\ten\tminister\torg:un\tJPN\n", 2, "context"},
		{"a person serving an unknown country", "people.tsv", "id\ten\tzh\tcountry\nperson:x-y\tY X\t某\tJAP\n", 2, "unknown country"},
		{"an organ of an unknown country", "organs.tsv", "phrase\tlang\tcountry\nMFA\ten\tPRC\n", 2, "unknown country"},
		{"an organisation of an unknown type", "orgs.tsv", "id\ten\tzh\ttype\norg:x\tX\t某\tnewspaper\n", 2, "unknown type"},
		{"a person marked as an outlet", "people.tsv", "id\ten\tzh\ttype\nperson:x-y\tY X\t某\toutlet\n", 2, "unknown type"},
		{"a person marked as a university", "people.tsv", "id\ten\tzh\ttype\nperson:x-y\tY X\t某\tacademic\n", 2, "unknown type"},
		{"a given name with a digit", "given-names.tsv", "name\nLaura\nR2d2\n", 3, "not a word of letters"},
		{"a word list without its header", "common-words.tsv", "room\nhall\n", 1, "header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, tt.file, tt.content)
			_, err := Load(dir)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Load = %v, want a *ParseError", err)
			}
			if pe.File != tt.file || pe.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", pe.File, pe.Line, tt.file, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.contains) || !strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q does not name the file or say %q", err, tt.contains)
			}
		})
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		name, in string
		end      bool
		want     string
	}{
		{"a full date is itself", "2023-09-13", false, "2023-09-13"},
		{"a month starts on its first day", "2018-03", false, "2018-03-01"},
		{"a month ends on its last day", "2024-02", true, "2024-02-29"},
		{"a year ends on 31 December", "2019", true, "2019-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseDay(tt.in, tt.end)
			if err != nil {
				t.Fatal(err)
			}
			if got.Format(time.DateOnly) != tt.want {
				t.Errorf("parseDay(%q, %v) = %s, want %s", tt.in, tt.end, got.Format(time.DateOnly), tt.want)
			}
		})
	}
}

func TestDefaultIsLoadedOnce(t *testing.T) {
	a, b := mustDefault(t), mustDefault(t)
	if a != b {
		t.Error("Default returned two different lexicons")
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	lx := mustDefault(b)
	for b.Loop() {
		lx.Lookup("上川阳子")
	}
}

func BenchmarkHoldersOf(b *testing.B) {
	lx := mustDefault(b)
	d := day("2023-11-07")
	for b.Loop() {
		lx.HoldersOf("foreign-minister", "JPN", d)
	}
}

func TestANameNamesOneEntity(t *testing.T) {
	// Names that rightly cue two topics at once.
	shared := map[string]bool{"food and energy security": true, "粮食和能源安全": true, "粮食与能源安全": true}
	lx := mustDefault(t)
	owner := map[string]string{}
	for _, e := range lx.Entities() {
		for lang, names := range e.Names {
			for _, n := range names {
				k := lang + ":" + n
				if prev, ok := owner[k]; ok && prev != e.ID && !shared[n] {
					t.Errorf("%s name %q names both %s and %s", lang, n, prev, e.ID)
				}
				owner[k] = e.ID
			}
		}
	}
}

func TestWeakCuesAreNotAlsoNames(t *testing.T) {
	lx := mustDefault(t)
	for _, e := range lx.Entities() {
		for lang, cues := range e.Weak {
			for _, c := range cues {
				if slices.Contains(e.Names[lang], c) {
					t.Errorf("%s: %s cue %q is both a name and a weak cue", e.ID, lang, c)
				}
			}
		}
	}
}

// FuzzLoaders feeds arbitrary bytes to the entity and role loaders: they
// must return nil or a *ParseError, never panic.
func FuzzLoaders(f *testing.F) {
	f.Add([]byte("id\ten\tzh\ntopic:a\ta\t甲|乙\n"))
	f.Add([]byte("person\tkey\tof\tfrom\tto\nperson:wang-yi\tforeign-minister\tCHN\t2023-07\t\n"))
	f.Add([]byte("\ufeffid\ten\n#\n\ntopic:b\tb\n"))
	f.Add([]byte("id\tid\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lx := &Lexicon{byID: map[string]*Entity{}, holders: map[string][]holder{}}
		base := mustDefault(t)
		for _, e := range base.entities {
			lx.byID[e.ID] = &Entity{ID: e.ID, Kind: e.Kind}
		}
		for _, load := range []func(string, []byte) error{lx.loadEntities(KindTopic), lx.loadRoles, lx.loadTitles, lx.loadOrgans} {
			err := load("fuzz.tsv", data)
			var pe *ParseError
			if err != nil && !errors.As(err, &pe) {
				t.Errorf("error %v is not a *ParseError", err)
			}
		}
	})
}

func TestSingleHolderOfficesDoNotOverlap(t *testing.T) {
	single := []string{"head-of-state", "head-of-government", "foreign-minister", "defence-minister",
		"secretary-general", "president", "council-president", "parliament-president",
		"high-representative", "speaker", "press-secretary", "chief-cabinet-secretary",
		"national-security-adviser", "leader", "head", "vice-president"}
	lx := mustDefault(t)
	type term struct {
		who string
		r   Role
	}
	terms := map[string][]term{}
	for _, e := range lx.Entities() {
		for _, r := range e.Roles {
			if slices.Contains(single, r.Key) {
				k := r.Key + " of " + r.Of
				terms[k] = append(terms[k], term{e.ID, r})
			}
		}
	}
	farFuture := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	end := func(r Role) time.Time {
		if r.To.IsZero() {
			return farFuture
		}
		return r.To
	}
	for k, ts := range terms {
		for i, a := range ts {
			for _, b := range ts[i+1:] {
				if a.who == b.who {
					continue
				}
				// A handover day belongs to both holders, and a term known only
				// to the month may overlap its neighbour within that month.
				from := a.r.From
				if b.r.From.After(from) {
					from = b.r.From
				}
				to := end(a.r)
				if end(b.r).Before(to) {
					to = end(b.r)
				}
				if to.Sub(from) > 31*24*time.Hour {
					t.Errorf("%s: %s and %s overlap from %s to %s", k, a.who, b.who, from.Format(time.DateOnly), to.Format(time.DateOnly))
				}
			}
		}
	}
}

// TestOrganisationTypesAreMarked checks the orgs.tsv type column: news
// outlets and universities or think tanks are marked, other bodies not.
func TestOrganisationTypesAreMarked(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	types := []struct {
		name     string
		marked   func(*Entity) bool
		yes, not []string
	}{
		{"a news outlet (type \"outlet\")", func(e *Entity) bool { return e.Outlet },
			[]string{"org:global-times", "org:washington-post", "org:cgtn"}, []string{"org:un", "org:human-rights-watch", "CHN"}},
		{"a university or think tank (type \"academic\")", func(e *Entity) bool { return e.Academic },
			[]string{"org:csis", "org:fudan-university", "org:heritage-foundation"}, []string{"org:un", "org:human-rights-watch", "org:global-times", "org:aosis"}},
	}
	for _, ty := range types {
		for _, id := range ty.yes {
			if e, ok := lx.Get(id); !ok || !ty.marked(e) {
				t.Errorf("%s: want %s", id, ty.name)
			}
		}
		for _, id := range ty.not {
			if e, ok := lx.Get(id); !ok || ty.marked(e) {
				t.Errorf("%s: want no %s", id, ty.name)
			}
		}
	}
}

func TestGivenNamesAreLookedUpAsWritten(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.GivenNames()) == 0 {
		t.Fatal("no given names loaded")
	}
	for _, n := range lx.GivenNames()[:3] {
		if !lx.GivenName(n) {
			t.Errorf("GivenName(%q) = false for a name of given-names.tsv", n)
		}
	}
	for _, w := range []string{"laura", "Xqzv", "room"} {
		if lx.GivenName(w) {
			t.Errorf("GivenName(%q) = true, want false", w)
		}
	}
}

// A person or organisation of the gazetteer that the project's vocabulary
// (the shared one and corpus/vocab-extra.tsv) knows by its English name has
// the vocabulary's id: an annotator's person:tedros-adhanom and the
// gazetteer's must be one id, or the same person counts as two.
func TestPeopleAndOrganisationsOfTheVocabularyHaveItsIDs(t *testing.T) {
	lx := mustDefault(t)
	byName := map[string][]string{}
	rows := append(vocabRows(t), vocabFile(t, "../corpus/vocab-extra.tsv")...)
	known := map[string]bool{}
	for _, v := range rows {
		if v[1] != KindPerson && v[1] != KindOrg {
			continue
		}
		known[v[0]] = true
		en := strings.ToLower(strings.TrimSpace(strings.SplitN(v[2], " (", 2)[0]))
		byName[en] = append(byName[en], v[0])
	}
	checked := 0
	for _, e := range lx.Entities() {
		if e.Kind != KindPerson && e.Kind != KindOrg || known[e.ID] {
			continue
		}
		for _, n := range e.Names["en"] {
			if ids := byName[strings.ToLower(n)]; len(ids) == 1 {
				t.Errorf("%s is named %q, which the vocabulary gives %s", e.ID, n, ids[0])
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d English names checked", checked)
	}
}
