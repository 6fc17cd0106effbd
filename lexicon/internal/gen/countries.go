package gen

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
)

// WorldCountry is the part of a record of the npm package world-countries
// (countries.json) that the merge reads.
type WorldCountry struct {
	CCA3 string `json:"cca3"`
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string                     `json:"altSpellings"`
	Capital      []string                     `json:"capital"`
	UNMember     bool                         `json:"unMember"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
	Translations map[string]struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"translations"`
}

// ParseWorldCountries reads world-countries' countries.json. The package
// codes Kosovo UNK; the lexicon uses XKX.
func ParseWorldCountries(data []byte) ([]WorldCountry, error) {
	var wc []WorldCountry
	if err := json.Unmarshal(data, &wc); err != nil {
		return nil, err
	}
	for i := range wc {
		if wc[i].CCA3 == "UNK" {
			wc[i].CCA3 = "XKX"
		}
	}
	return wc, nil
}

// Curation is what the merge adds to, or holds back from, the package's
// data. The rules it encodes are in the comments of Curated.
type Curation struct {
	// Sovereign are the non-UN-member states that get demonyms and
	// capitals like members (the package's unMember covers the rest).
	Sovereign []string
	// Deny are surface forms never added, per state id ("*" for all).
	Deny map[string][]string
	// Seats replaces the package's capitals of a state by the cities
	// whose names stand for its government in the news.
	Seats map[string][]string
	// Demonyms, Alt and Zh are added to the package's forms.
	Demonyms map[string][]string
	Alt      map[string][]string
	Zh       map[string][]string
	// NoPlural are demonyms whose people form is not the adjective plus s.
	NoPlural []string
	// Plural maps a demonym to its irregular people form.
	Plural map[string]string
}

// stateWords are the English words a long-form name may contain besides
// the words of the state's own names ("Republic of Armenia"); an
// alternative spelling with any other word is taken for a native-language
// form and left out ("Republika Srbija", "Bundesrepublik Deutschland").
var stateWords = map[string]bool{
	"of": true, "the": true, "and": true, "Republic": true, "Kingdom": true, "State": true,
	"States": true, "Commonwealth": true, "Federation": true, "Union": true,
	"Principality": true, "Grand": true, "Duchy": true, "Sultanate": true,
	"Confederation": true, "Islands": true, "Democratic": true, "People's": true,
	"Federal": true, "Socialist": true, "Islamic": true, "Arab": true,
	"Plurinational": true, "Bolivarian": true, "Oriental": true, "Independent": true,
	"Co-operative": true, "Hellenic": true, "Most": true, "Serene": true, "United": true,
	"Nation": true, "Hashemite": true, "Federated": true, "Sovereign": true,
}

// EnglishAlt reports whether an alternative spelling is an English long
// or short form of a state's name: only letters, spaces, hyphens and
// apostrophes; no inverted "Korea, Republic of" forms; no two-letter
// codes; every word either in stateWords or in one of the state's own
// names.
func EnglishAlt(alt string, own []string) bool {
	if len([]rune(alt)) < 4 || strings.ContainsAny(alt, ",()") {
		return false
	}
	for _, r := range alt {
		if !(unicode.Is(unicode.Latin, r) || r == ' ' || r == '-' || r == '\'' || r == '’') {
			return false
		}
	}
	words := map[string]bool{}
	for _, n := range own {
		for _, w := range strings.Fields(n) {
			words[w] = true
		}
	}
	for _, w := range strings.Fields(alt) {
		if !stateWords[w] && !words[w] {
			return false
		}
	}
	return true
}

// PluralOf returns the people form of a demonym ("Jamaican" ->
// "Jamaicans"), or "" when it is the adjective itself ("Chinese",
// "Swiss", "Malagasy").
func (c *Curation) PluralOf(demonym string) string {
	if p, ok := c.Plural[demonym]; ok {
		return p
	}
	if slices.Contains(c.NoPlural, demonym) {
		return ""
	}
	for _, suf := range []string{"ese", "ish", "ch", "sh", "ss", "x", "y", "z", "s"} {
		if strings.HasSuffix(demonym, suf) {
			return ""
		}
	}
	return demonym + "s"
}

// Addition is a form the merge adds to a row's aliases, or holds back,
// with the rule that decided.
type Addition struct {
	ID, Form, Kind string // Kind: demonym, people, capital, alt, zh, ja
	Dropped        string // why the form was not added, or ""
}

// MergeWorldCountries adds to the country rows of t the demonyms, people
// forms, government seats, alternative English names and Chinese and
// Japanese names of wc, by these rules:
//
//   - Curated rows stay as they are; forms are only appended to aliases.
//   - A form already among the row's names is skipped.
//   - Demonyms and capitals go to states only: UN members and
//     c.Sovereign. Territories get alternative names only.
//   - A form that two states would share (Dominican, Congolese) goes to
//     neither; so does a form that already names another entity of any
//     data file (Brussels is the EU's), listed in owners.
//   - c.Deny holds back forms that misfire in running text: common words
//     and first names (Victoria, Kingston, Santiago), places of the same
//     name elsewhere (St. John's, Tripoli), cities not used for the
//     government (Sana'a under the Houthis).
//   - Capitals are replaced by c.Seats where the government sits
//     elsewhere (La Paz, not Sucre); a capital with diacritics also gets
//     its folded spelling (Bogota), except where c.Deny holds it back
//     (Male).
//   - A Chinese form that is part of another entity's Chinese name is left
//     out (罗马, Rome, is part of 罗马尼亚, Romania).
//   - Alternative spellings pass EnglishAlt; translations come from the
//     package's "zho" (simplified Chinese) and "jpn" entries.
func MergeWorldCountries(t *Table, wc []WorldCountry, c *Curation, owners Owners) []Addition {
	sovereign := map[string]bool{}
	for _, w := range wc {
		if w.UNMember {
			sovereign[w.CCA3] = true
		}
	}
	for _, id := range c.Sovereign {
		sovereign[id] = true
	}
	denied := func(id, form string) bool {
		return slices.Contains(c.Deny[id], form) || slices.Contains(c.Deny["*"], form)
	}
	// Candidate forms per state, in order.
	var adds []Addition
	for _, w := range wc {
		if t.Index("id", w.CCA3) < 0 {
			continue
		}
		add := func(kind, form string) {
			form = strings.TrimSpace(form)
			if form != "" {
				adds = append(adds, Addition{ID: w.CCA3, Form: form, Kind: kind})
			}
		}
		own := []string{w.Name.Common, w.Name.Official}
		add("alt", w.Name.Common)
		add("alt", w.Name.Official)
		for _, a := range w.AltSpellings {
			if EnglishAlt(a, own) {
				add("alt", a)
			}
		}
		for _, a := range c.Alt[w.CCA3] {
			add("alt", a)
		}
		if z, ok := w.Translations["zho"]; ok {
			add("zh", z.Common)
			add("zh", z.Official)
		}
		for _, z := range c.Zh[w.CCA3] {
			add("zh", z)
		}
		if j, ok := w.Translations["jpn"]; ok {
			add("ja", j.Common)
			add("ja", j.Official)
		}
		if !sovereign[w.CCA3] {
			continue
		}
		var dems []string
		if d, ok := w.Demonyms["eng"]; ok {
			for _, g := range []string{"m", "f"} {
				for _, part := range strings.Split(strings.ReplaceAll(d[g], " or ", ","), ",") {
					if part = strings.TrimSpace(part); part != "" && !slices.Contains(dems, part) {
						dems = append(dems, part)
					}
				}
			}
		}
		for _, d := range c.Demonyms[w.CCA3] {
			if !slices.Contains(dems, d) {
				dems = append(dems, d)
			}
		}
		for _, d := range dems {
			add("demonym", d)
			if p := c.PluralOf(d); p != "" {
				add("people", p)
			}
		}
		seats, ok := c.Seats[w.CCA3]
		if !ok {
			seats = w.Capital
		}
		for _, s := range seats {
			add("capital", s)
			if f := Fold(s); f != s {
				add("capital", f)
			}
		}
	}
	// Forms that two states would share go to neither.
	states := map[string]map[string]bool{}
	for _, a := range adds {
		if states[a.Form] == nil {
			states[a.Form] = map[string]bool{}
		}
		states[a.Form][a.ID] = true
	}
	for i := range adds {
		a := &adds[i]
		row := t.Rows[t.Index("id", a.ID)]
		switch {
		case slices.Contains(Names(row), a.Form):
			a.Dropped = "already a name of the row"
		case denied(a.ID, a.Form):
			a.Dropped = "denied"
		case len(states[a.Form]) > 1:
			a.Dropped = "shared by several states"
		case owners.Other(a.Form, a.ID):
			a.Dropped = "names another entity"
		case hasHan(a.Form) && insideOther(owners, a.Form, a.ID):
			// Chinese text has no word breaks: 罗马 would fire inside 罗马尼亚.
			a.Dropped = "part of another entity's Chinese name"
		default:
			f := row.Fields
			alias := a.Form
			switch a.Kind {
			case "ja":
				alias = "ja:" + a.Form
			case "zh":
				alias = "zh:" + a.Form
				if hasHan(a.Form) {
					alias = a.Form
				}
			}
			f["aliases"] = Join(f["aliases"], alias)
			owners.Add(a.Form, a.ID)
		}
	}
	return adds
}

func hasHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
