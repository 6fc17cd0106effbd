package gen

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Official is one person of a source file of officials (sources/*.txt).
//
// The source format is line-based. "= XXX" starts the block of state XXX
// (ISO alpha-3) and "@ text" sets the source note of the rows that follow.
// Every other non-comment line is a person, with tab-separated fields:
//
//	slug  English name  Chinese name or "-"  aliases or "-"  roles
//
// slug is the id without "person:"; aliases are '|'-separated (language
// inferred as in people.tsv, or prefixed), and an alias written "-form"
// holds back a generated form (the short form 穆罕默德 of 阿米娜·穆罕默德); roles are ';'-separated
// "key from to" triples, where key is a role key or hos
// (head-of-state), hog (head-of-government), fm (foreign-minister), dm
// (defence-minister), vp (vice-president), optionally followed by @of
// when the office is not the block's state; from and to are dates as in
// roles.tsv, "-" for an unknown start or a term still running.
type Official struct {
	ID, En, Zh string
	Aliases    []string
	Country    string
	Roles      []OfficialRole
	Source     string
	Line       int
}

// OfficialRole is a dated role of an Official.
type OfficialRole struct{ Key, Of, From, To string }

var roleAbbrev = map[string]string{
	"hos": "head-of-state", "hog": "head-of-government", "fm": "foreign-minister",
	"dm": "defence-minister", "vp": "vice-president",
}

// ParseOfficials reads a source file of officials.
func ParseOfficials(text string) ([]Official, error) {
	var out []Official
	country, source := "", ""
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = strings.TrimRight(line, "\r ")
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "= "):
			country = strings.TrimSpace(line[2:])
			continue
		case strings.HasPrefix(line, "@ "):
			source = strings.TrimSpace(line[2:])
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d fields, want 5 (slug, en, zh, aliases, roles)", n, len(f))
		}
		if country == "" {
			return nil, fmt.Errorf("line %d: no \"= XXX\" country block", n)
		}
		o := Official{ID: "person:" + strings.TrimSpace(f[0]), En: strings.TrimSpace(f[1]), Country: country, Source: source, Line: n}
		if z := strings.TrimSpace(f[2]); z != "-" {
			o.Zh = z
		}
		if a := strings.TrimSpace(f[3]); a != "-" {
			o.Aliases = Split(a)
		}
		for _, r := range strings.Split(f[4], ";") {
			r = strings.TrimSpace(r)
			if r == "" || r == "-" {
				continue
			}
			p := strings.Fields(r)
			if len(p) != 3 {
				return nil, fmt.Errorf("line %d: role %q is not \"key from to\"", n, r)
			}
			key, of, _ := strings.Cut(p[0], "@")
			if full, ok := roleAbbrev[key]; ok {
				key = full
			}
			if of == "" {
				of = country
			}
			role := OfficialRole{Key: key, Of: of}
			if p[1] != "-" {
				role.From = p[1]
			}
			if p[2] != "-" {
				role.To = p[2]
			}
			if err := checkSpan(role.From, role.To); err != nil {
				return nil, fmt.Errorf("line %d: role %q: %v", n, r, err)
			}
			o.Roles = append(o.Roles, role)
		}
		out = append(out, o)
	}
	return out, nil
}

func parseDate(s string, end bool) (time.Time, error) {
	if s == "" {
		if end {
			return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), nil
		}
		return time.Time{}, nil
	}
	for _, l := range []struct {
		layout string
		y, m   int
	}{{time.DateOnly, 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end && (l.y > 0 || l.m > 0) {
				t = t.AddDate(l.y, l.m, -1)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
}

func checkSpan(from, to string) error {
	f, err := parseDate(from, false)
	if err != nil {
		return err
	}
	t, err := parseDate(to, true)
	if err != nil {
		return err
	}
	if t.Before(f) {
		return fmt.Errorf("ends before it starts")
	}
	return nil
}

// overlaps reports whether two date spans share more than a month (the
// slack the lexicon's tests give a handover known only to the month).
func overlaps(aFrom, aTo, bFrom, bTo string) bool {
	af, _ := parseDate(aFrom, false)
	at, _ := parseDate(aTo, true)
	bf, _ := parseDate(bFrom, false)
	bt, _ := parseDate(bTo, true)
	from, to := af, at
	if bf.After(from) {
		from = bf
	}
	if bt.Before(to) {
		to = bt
	}
	return to.Sub(from) > 31*24*time.Hour
}

// dotVariants are the separators Chinese texts put between the parts of
// a transliterated foreign name, besides the standard middle dot.
var dotVariants = []string{"-", "・", "•", "."}

// ChineseForms returns the Chinese surface forms of a transliterated
// name written with the middle dot (哈坎·菲丹): the name itself, its
// spellings with the other separators, and the last part alone (菲丹),
// which Chinese news uses on second mention, when it has at least two
// characters.
func ChineseForms(zh string) (forms []string, short string) {
	forms = []string{zh}
	if !strings.Contains(zh, "·") {
		return forms, ""
	}
	for _, d := range dotVariants {
		forms = append(forms, strings.ReplaceAll(zh, "·", d))
	}
	parts := strings.Split(zh, "·")
	last := parts[len(parts)-1]
	if utf8.RuneCountInString(last) >= 2 {
		short = last
	}
	return forms, short
}

// JapaneseForms returns the romanised forms a Japanese name takes in
// English-language Japanese sources: "KAMIKAWA Yoko" and "Kamikawa Yoko"
// for "Yoko Kamikawa".
func JapaneseForms(en string) []string {
	p := strings.Fields(en)
	if len(p) != 2 {
		return nil
	}
	return []string{strings.ToUpper(p[1]) + " " + p[0], p[1] + " " + p[0]}
}

// ChineseShortStop are last parts of transliterated names that are
// common words or common given names in Chinese text (瓦斯 is gas, 马丁
// any Martin), so they are no short form of anyone.
var ChineseShortStop = []string{
	"马丁", "保罗", "亨利", "瓦斯", "托德", "梅森", "伯顿", "邓肯", "海尔", "杜克",
	"巴赫", "哈斯", "罗利", "西塞", "马蒂", "卡巴", "策林", "查波", "纽西", "海涅",
	"约翰", "彼得", "戴维", "安娜", "玛丽", "阿里", "哈桑", "侯赛因", "穆罕默德",
	// the commonest family names of English- and Spanish-speaking states: a
	// second mention of any Smith or Rodríguez, no one's short form
	"史密斯", "约翰逊", "约翰森", "布朗", "威廉姆斯", "威廉斯", "琼斯", "米勒", "戴维斯", "威尔逊", "泰勒", "安德森",
	"托马斯", "杰克逊", "怀特", "哈里斯", "汤普森", "罗宾逊", "克拉克", "刘易斯", "沃克", "斯科特", "格林", "贝克",
	"亚当斯", "坎贝尔", "米切尔", "罗伯茨", "菲利普斯", "埃文斯", "特纳", "帕克", "柯林斯", "爱德华兹", "斯图尔特",
	"莫里斯", "摩根", "库克", "库珀", "霍华德", "詹姆斯", "凯利", "桑德斯", "伍德", "佩里", "休斯", "福斯特",
	"加西亚", "马丁内斯", "罗德里格斯", "冈萨雷斯", "洛佩斯", "佩雷斯", "桑切斯", "拉米雷斯", "费尔南德斯", "戈麦斯",
	"迪亚斯", "托雷斯", "弗洛雷斯", "希门尼斯", "鲁伊斯", "莫拉莱斯", "卡斯特罗", "辛格", "汗",
}

// insideOther reports whether short is part of a longer name of another
// entity (比亚 of 利比亚, 塞拉 of 塞拉利昂): Chinese text has no word
// breaks, so such a short form would fire inside that name.
func insideOther(owners Owners, short, id string) bool {
	for name, ids := range owners {
		if name != short && strings.Contains(name, short) && slices.ContainsFunc(ids, func(x string) bool { return x != id }) {
			return true
		}
	}
	return false
}

// Report is what MergeOfficials did.
type Report struct {
	People, Roles int
	Notes         []string
}

// MergeOfficials adds the officials to the people and roles tables, by
// these rules:
//
//   - A person already in people.tsv keeps the curated row; only roles
//     are added.
//   - A new person's row has the English name, the Chinese name (or, when
//     no Chinese form is known, the English name, as the annotators'
//     vocabulary does), its separator variants and short form, the
//     explicit aliases and, for Japanese people, the "KAMIKAWA Yoko" forms.
//   - The generated Chinese short form is left out when it is a common word
//     (ChineseShortStop) or part of another entity's longer name.
//   - A generated or explicit alias that already names another entity
//     (owners), or that two new people would share, is left out; the
//     English and Chinese labels are kept and the clash is reported.
//   - A role is added unless the person already has the same key and
//     office over an overlapping span.
func MergeOfficials(people, roles *Table, officials []Official, owners Owners) (Report, error) {
	var rep Report
	// Forms that two new people would share go to neither.
	type cand struct{ id, form string }
	count := map[string]map[string]bool{}
	var cands []cand
	made := map[string]bool{}
	for _, o := range officials {
		if people.Index("id", o.ID) >= 0 || made[o.ID] {
			continue
		}
		made[o.ID] = true
		var forms []string
		if o.Zh != "" {
			fs, short := ChineseForms(o.Zh)
			forms = append(forms, fs[1:]...)
			if short != "" && !slices.Contains(ChineseShortStop, short) && !insideOther(owners, short, o.ID) {
				forms = append(forms, short)
			} else if short != "" {
				rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: %s: short form %q left out, a common word or part of another name", o.Line, o.ID, short))
			}
		}
		if o.Country == "JPN" {
			forms = append(forms, JapaneseForms(o.En)...)
		}
		var suppressed []string
		for _, a := range o.Aliases {
			if s, ok := strings.CutPrefix(a, "-"); ok {
				suppressed = append(suppressed, s)
			} else {
				forms = append(forms, a)
			}
		}
		forms = slices.DeleteFunc(forms, func(f string) bool { return slices.Contains(suppressed, f) })
		for _, f := range forms {
			cands = append(cands, cand{o.ID, f})
			if count[Bare(f)] == nil {
				count[Bare(f)] = map[string]bool{}
			}
			count[Bare(f)][o.ID] = true
		}
	}
	for _, o := range officials {
		// A person listed again (a monarch of several realms) only adds
		// roles: the first listing makes the row.
		if people.Index("id", o.ID) < 0 {
			zh := o.Zh
			if zh == "" {
				zh = o.En
			}
			for _, label := range []string{o.En, zh} {
				if owners.Other(label, o.ID) {
					rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: %s: label %q also names %v", o.Line, o.ID, label, owners[label]))
				}
			}
			row := Row{Fields: map[string]string{"id": o.ID, "en": o.En, "zh": zh, "country": o.Country}}
			owners.Add(o.En, o.ID)
			owners.Add(zh, o.ID)
			for _, c := range cands {
				if c.id != o.ID {
					continue
				}
				b := Bare(c.form)
				switch {
				case b == o.En || b == zh || slices.Contains(Split(row.Fields["aliases"]), c.form):
				case len(count[b]) > 1:
					rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: %s: %q left out, shared by %d new people", o.Line, o.ID, b, len(count[b])))
				case owners.Other(b, o.ID):
					rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: %s: %q left out, names %v", o.Line, o.ID, b, owners[b]))
				default:
					row.Fields["aliases"] = Join(row.Fields["aliases"], c.form)
					owners.Add(b, o.ID)
				}
			}
			people.Rows = append(people.Rows, row)
			rep.People++
		}
		for _, r := range o.Roles {
			dup := false
			for _, x := range roles.Rows {
				if x.Fields != nil && x.Get("person") == o.ID && x.Get("key") == r.Key && x.Get("of") == r.Of &&
					(overlaps(x.Get("from"), x.Get("to"), r.From, r.To) || (x.Get("from") == r.From && x.Get("to") == r.To)) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			roles.Rows = append(roles.Rows, Row{Fields: map[string]string{"person": o.ID, "key": r.Key, "of": r.Of, "from": r.From, "to": r.To}})
			rep.Roles++
		}
	}
	return rep, nil
}
