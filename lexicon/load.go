package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
)

//go:generate go run gen_countries.go
//go:generate go run gen_people.go

//go:embed data/*.tsv
var embedded embed.FS

// Data files, in load order: every file may refer to ids of the files
// before it (people to countries, roles to people and organisations), so
// each reference is checked on its own line.
const (
	fileCountries = "countries.tsv"
	fileOrgs      = "orgs.tsv"
	filePlaces    = "places.tsv"
	fileTopics    = "topics.tsv"
	filePeople    = "people.tsv"
	fileRoles     = "roles.tsv"
	fileTitles    = "titles.tsv"
	fileOrgans    = "organs.tsv"
	fileGiven     = "given-names.tsv"
	fileCommon    = "common-words.tsv"
	fileSeats     = "seats.tsv"
)

// Files lists the data files Load reads.
var Files = []string{fileCountries, fileOrgs, filePlaces, fileTopics, filePeople, fileRoles, fileTitles, fileOrgans, fileGiven, fileCommon, fileSeats}

// Languages of names and labels.
var Languages = []string{"en", "zh", "zh-Hant", "ja"}

// Lexicon is a loaded gazetteer. It is read-only after Load and safe for
// concurrent use.
type Lexicon struct {
	entities []*Entity
	byID     map[string]*Entity
	titles   []Title
	organs   []Organ
	abbrevs  []Abbrev
	// holders indexes role holders by "key\x00of".
	holders map[string][]holder
	// byName indexes entities by every name and label, in any language.
	byName map[string][]*Entity
	// given are given names in Latin script (Laura, Roger): with a family
	// name after them they name a person the gazetteer need not know;
	// givenSet holds the same names for look-up.
	given    []string
	givenSet map[string]bool
	// common are common English words in lower case (room, hall, valley):
	// no family name to read a person by.
	common map[string]bool
	// seats are the names of states' capitals and seats of government
	// (Vienna, 维也纳, the Kremlin), in lower case: a city only named as
	// where something happens is no party.
	seats map[string]bool
	// newest is the latest day a role starts or ends on: the day the data
	// tells of.
	newest time.Time
}

type holder struct {
	person *Entity
	role   Role
}

// defaultOnce caches the embedded gazetteer: it is immutable data, not
// configuration, so one copy per process is enough.
var defaultOnce = sync.OnceValues(func() (*Lexicon, error) { return Load("") })

// Default returns the gazetteer built from the embedded data. It is loaded
// once; every call returns the same *Lexicon.
func Default() (*Lexicon, error) { return defaultOnce() }

// Load reads the gazetteer. With dir == "" it uses the embedded data;
// otherwise each data file present in dir replaces the embedded one of the
// same name, and missing files fall back to the embedded data.
func Load(dir string) (*Lexicon, error) {
	lx := &Lexicon{common: make(map[string]bool, 40000), givenSet: make(map[string]bool, 8192), seats: make(map[string]bool, 512), byID: make(map[string]*Entity, 2048), holders: make(map[string][]holder), byName: make(map[string][]*Entity, 16384)}
	steps := []struct {
		file string
		fn   func(string, []byte) error
	}{
		{fileCountries, lx.loadEntities(KindCountry)},
		{fileOrgs, lx.loadEntities(KindOrg)},
		{filePlaces, lx.loadEntities(KindPlace)},
		{fileTopics, lx.loadEntities(KindTopic)},
		{filePeople, lx.loadEntities(KindPerson)},
		{fileRoles, lx.loadRoles},
		{fileTitles, lx.loadTitles},
		{fileOrgans, lx.loadOrgans},
		{fileGiven, lx.loadList("name", func(w string) { lx.given = append(lx.given, w); lx.givenSet[w] = true })},
		{fileCommon, lx.loadList("word", func(w string) { lx.common[w] = true })},
		{fileSeats, lx.loadPhrases("seat", func(w string) { lx.seats[strings.ToLower(w)] = true })},
	}
	for _, s := range steps {
		data, err := readFile(dir, s.file)
		if err != nil {
			return nil, err
		}
		if err := s.fn(s.file, data); err != nil {
			return nil, err
		}
	}
	for _, e := range lx.entities {
		for _, names := range e.Names {
			for _, n := range names {
				if !slices.Contains(lx.byName[n], e) {
					lx.byName[n] = append(lx.byName[n], e)
				}
			}
		}
		sort.SliceStable(e.Roles, func(i, j int) bool { return e.Roles[i].From.Before(e.Roles[j].From) })
		for _, r := range e.Roles {
			k := r.Key + "\x00" + r.Of
			lx.holders[k] = append(lx.holders[k], holder{person: e, role: r})
		}
	}
	return lx, nil
}

// GivenNames returns the given names of given-names.tsv.
func (lx *Lexicon) GivenNames() []string { return lx.given }

// GivenName reports a given name of given-names.tsv, as written (Laura).
func (lx *Lexicon) GivenName(w string) bool { return lx.givenSet[w] }

// CommonWord reports a common English word of common-words.tsv, given in
// lower case.
func (lx *Lexicon) CommonWord(w string) bool { return lx.common[w] }

// Seat reports the name of a capital or a seat of government (any case).
func (lx *Lexicon) Seat(name string) bool { return lx.seats[strings.ToLower(name)] }

// loadPhrases reads a list file of phrases: the header, then one phrase a
// line (letters, spaces, hyphens, apostrophes and dots).
func (lx *Lexicon) loadPhrases(header string, add func(string)) func(string, []byte) error {
	return loadLines(header, "a phrase of letters", func(r rune) bool {
		return unicode.IsLetter(r) || r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.'
	}, add)
}

// loadList reads a list file: the header, then one word of letters a line.
func (lx *Lexicon) loadList(header string, add func(string)) func(string, []byte) error {
	return loadLines(header, "a word of letters", unicode.IsLetter, add)
}

// loadLines reads a one-column file: the header, then one non-empty line
// of runes that ok accepts (what names them in errors).
func loadLines(header, what string, ok func(rune) bool, add func(string)) func(string, []byte) error {
	return func(file string, data []byte) error {
		for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
			line = strings.TrimSpace(line)
			if i == 0 {
				if line != header {
					return &ParseError{File: file, Line: 1, Err: fmt.Errorf("header %q, want %q", line, header)}
				}
				continue
			}
			if line == "" || strings.ContainsFunc(line, func(r rune) bool { return !ok(r) }) {
				return &ParseError{File: file, Line: i + 1, Err: fmt.Errorf("%q is not %s", line, what)}
			}
			add(line)
		}
		return nil
	}
}

func readFile(dir, name string) ([]byte, error) {
	if dir != "" {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("lexicon: reading %s: %w", name, err)
		}
	}
	data, err := embedded.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: reading embedded %s: %w", name, err)
	}
	return data, nil
}

var (
	idPattern = map[string]*regexp.Regexp{
		KindCountry: regexp.MustCompile(`^[A-Z]{3}$`),
		KindOrg:     regexp.MustCompile(`^org:[a-z0-9]+(-[a-z0-9]+)*$`),
		KindPerson:  regexp.MustCompile(`^person:[a-z0-9]+(-[a-z0-9]+)*$`),
		KindPlace:   regexp.MustCompile(`^place:[a-z0-9]+(-[a-z0-9]+)*$`),
		KindTopic:   regexp.MustCompile(`^topic:[a-z0-9]+(-[a-z0-9]+)*$`),
	}
)

// loadEntities returns a loader for an entity file of the given kind.
// Columns: id, en, zh, zh-Hant, ja (each may hold '|'-separated names, the
// first being the label), aliases (language inferred from the script or
// given as a "ja:", "zh:", "zh-Hant:" or "en:" prefix), and optionally
// weak (generic cue phrases, languages as for aliases), abbrev
// (single-character forms), country and type ("outlet" for a news outlet,
// "academic" for a university or think tank).
func (lx *Lexicon) loadEntities(kind string) func(string, []byte) error {
	return func(file string, data []byte) error {
		return readTSV(file, data, []string{"id", "en"}, func(r row) error {
			id := r.get("id")
			if !idPattern[kind].MatchString(id) {
				return r.errorf("id %q is not a valid %s id", id, kind)
			}
			if _, dup := lx.byID[id]; dup {
				return r.errorf("duplicate id %s", id)
			}
			e := &Entity{ID: id, Kind: kind, Label: make(map[string]string, 4), Names: make(map[string][]string, 4)}
			for _, lang := range Languages {
				for i, n := range r.list(lang) {
					if i == 0 {
						e.Label[lang] = n
					}
					e.addName(lang, n)
				}
			}
			if e.Label["en"] == "" {
				return r.errorf("%s has no English name", id)
			}
			for _, a := range r.list("aliases") {
				lang, name := aliasLang(a)
				if name == "" {
					return r.errorf("empty alias %q", a)
				}
				e.addName(lang, name)
			}
			for _, a := range r.list("weak") {
				lang, cue := aliasLang(a)
				if cue == "" {
					return r.errorf("empty weak cue %q", a)
				}
				if e.Weak == nil {
					e.Weak = make(map[string][]string, 2)
				}
				if !slices.Contains(e.Weak[lang], cue) {
					e.Weak[lang] = append(e.Weak[lang], cue)
				}
			}
			for _, c := range r.list("abbrev") {
				if len([]rune(c)) != 1 {
					return r.errorf("abbrev %q is not a single character", c)
				}
				lx.abbrevs = append(lx.abbrevs, Abbrev{Char: c, ID: id})
			}
			e.Country = r.get("country")
			if c, ok := lx.byID[e.Country]; e.Country != "" && (!ok || c.Kind != KindCountry) {
				return r.errorf("%s: unknown country %q", id, e.Country)
			}
			switch t := r.get("type"); {
			case t == "outlet" && kind == KindOrg:
				e.Outlet = true
			case t == "academic" && kind == KindOrg:
				e.Academic = true
			case t != "":
				return r.errorf("%s: unknown type %q (an organisation may be an \"outlet\" or \"academic\")", id, t)
			}
			lx.entities = append(lx.entities, e)
			lx.byID[id] = e
			return nil
		})
	}
}

func (e *Entity) addName(lang, name string) {
	if !slices.Contains(e.Names[lang], name) {
		e.Names[lang] = append(e.Names[lang], name)
	}
	if lang != "en" {
		return
	}
	// British and American spellings name the same body (the World Health
	// Organisation, the Organization for Security and Co-operation in Europe)
	for _, p := range spellings {
		if v := strings.ReplaceAll(name, p[0], p[1]); v != name && !slices.Contains(e.Names[lang], v) {
			e.Names[lang] = append(e.Names[lang], v)
		}
	}
}

// spellings are English spellings of one word, each pair both ways.
var spellings = [][2]string{{"Organization", "Organisation"}, {"Organisation", "Organization"}}

// aliasLang splits an optional language prefix off an alias, or infers the
// language from the script: kana means Japanese, Han Chinese, else English.
func aliasLang(a string) (lang, name string) {
	for _, l := range Languages {
		if rest, ok := strings.CutPrefix(a, l+":"); ok {
			return l, strings.TrimSpace(rest)
		}
	}
	han := false
	for _, r := range a {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			return "ja", a
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	if han {
		return "zh", a
	}
	return "en", a
}

// Columns: person, key, of, from, to.
func (lx *Lexicon) loadRoles(file string, data []byte) error {
	return readTSV(file, data, []string{"person", "key", "of", "from", "to"}, func(r row) error {
		p, ok := lx.byID[r.get("person")]
		if !ok || p.Kind != KindPerson {
			return r.errorf("unknown person %q", r.get("person"))
		}
		key := r.get("key")
		if !slices.Contains(RoleKeys, key) {
			return r.errorf("unknown role key %q", key)
		}
		of := r.get("of")
		if _, ok := lx.byID[of]; !ok {
			return r.errorf("role of unknown country or organisation %q", of)
		}
		from, err := parseDay(r.get("from"), false)
		if err != nil {
			return r.errorf("from: %v", err)
		}
		to, err := parseDay(r.get("to"), true)
		if err != nil {
			return r.errorf("to: %v", err)
		}
		if !from.IsZero() && !to.IsZero() && to.Before(from) {
			return r.errorf("role ends (%s) before it starts (%s)", r.get("to"), r.get("from"))
		}
		p.Roles = append(p.Roles, Role{Key: key, Of: of, From: from, To: to})
		for _, d := range []time.Time{from, to} {
			if d.After(lx.newest) {
				lx.newest = d
			}
		}
		return nil
	})
}

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY. A partial date stands for its
// first day, or for its last day when end is set, so that an uncertain
// month never shortens a term. "" is the zero time.
func parseDay(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []struct {
		layout string
		years  int
		months int
	}{{time.DateOnly, 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(layout.layout, s)
		if err != nil {
			continue
		}
		if end && (layout.years > 0 || layout.months > 0) {
			t = t.AddDate(layout.years, layout.months, -1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// Columns: phrase, lang, key, of.
func (lx *Lexicon) loadTitles(file string, data []byte) error {
	return readTSV(file, data, []string{"phrase", "lang", "key", "of"}, func(r row) error {
		t := Title{Phrase: r.get("phrase"), Lang: r.get("lang"), Key: r.get("key"), Of: r.get("of"), Context: r.get("context")}
		if !slices.Contains(Languages, t.Lang) {
			return r.errorf("unknown language %q", t.Lang)
		}
		if !slices.Contains(RoleKeys, t.Key) {
			return r.errorf("unknown role key %q", t.Key)
		}
		if _, ok := lx.byID[t.Of]; t.Of != "" && !ok {
			return r.errorf("title %q implies unknown id %q", t.Phrase, t.Of)
		}
		if _, ok := lx.byID[t.Context]; t.Context != "" && (!ok || t.Of != "") {
			return r.errorf("title %q: context %q is unknown, or the title already implies its holder", t.Phrase, t.Context)
		}
		lx.titles = append(lx.titles, t)
		return nil
	})
}

// Columns: phrase, lang, country, and optionally type and id (the
// organisation id the organ is listed under as an entity).
func (lx *Lexicon) loadOrgans(file string, data []byte) error {
	return readTSV(file, data, []string{"phrase", "lang", "country"}, func(r row) error {
		o := Organ{Phrase: r.get("phrase"), Lang: r.get("lang"), Country: r.get("country"), Type: r.get("type"), ID: r.get("id")}
		if o.ID != "" && !strings.HasPrefix(o.ID, "org:") {
			return r.errorf("organ %q: id %q is no organisation id", o.Phrase, o.ID)
		}
		if !slices.Contains(Languages, o.Lang) {
			return r.errorf("unknown language %q", o.Lang)
		}
		if c, ok := lx.byID[o.Country]; o.Country != "" && (!ok || c.Kind != KindCountry) {
			return r.errorf("organ %q of unknown country %q", o.Phrase, o.Country)
		}
		lx.organs = append(lx.organs, o)
		return nil
	})
}
