package systest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// addCandidates are verbs the corpus uses and that the rules may not know
// (yet), as the text has them and as a rule writes them (English cues are
// lemmas): rules B adds the first one no rule file contains.
var addCandidates = [][2]string{{"admonishes", "admonish"}, {"reprimands", "reprimand"}, {"berates", "berate"}, {"assails", "assail"}}

// rulesB makes "rules B" for a corpus: the current rule files with one cue
// that fires on the corpus dropped, and one new cue added, such that some
// claims of the corpus go and some come. It reads the current rules (not a
// copy of today's) and picks the cues by running the engine, and it is the
// one place that knows the rule files' format (editCue). It returns the
// override folder (for DIPLOGRAPH_RULES) and the cues dropped and added.
func rulesB(t *testing.T, corpus string) (dir, dropped, added string) {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(extract.DefaultRules(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(extract.DefaultRules(), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	arts := readCorpus(t, corpus)
	text := ""
	for _, a := range arts {
		text += a.Body + "\n"
	}
	for _, c := range addCandidates {
		if strings.Contains(text, c[0]) && !anyContains(files, c[1]) {
			added = c[1] + "/V"
			break
		}
	}
	if added == "" {
		t.Fatalf("every candidate cue to add (%v) is in the rules already: give rulesB new ones", addCandidates)
	}
	a := claimsOf(t, extract.Options{}, arts)
	// The cues that fired, most often first.
	fired := map[string]int{}
	for k := range a {
		fired[strings.SplitN(k, "\x00", 3)[1]]++
	}
	cues := make([]string, 0, len(fired))
	for c := range fired {
		cues = append(cues, c)
	}
	sort.Slice(cues, func(i, j int) bool {
		return fired[cues[i]] > fired[cues[j]] || fired[cues[i]] == fired[cues[j]] && cues[i] < cues[j]
	})
	// The first cue whose loss retracts some claims and leaves others
	// standing on their other reports (both paths of the linker), or else
	// the first whose loss retracts any claim.
	fallback := ""
	for _, drop := range cues {
		dir := writeRulesB(t, files, drop, added)
		b := claimsOf(t, extract.Options{RulesDir: dir}, arts)
		standing := map[string]bool{}
		for _, c := range b {
			standing[c] = true
		}
		retracted, survive, came := map[string]bool{}, 0, 0
		for k, c := range a {
			if _, ok := b[k]; !ok {
				if standing[c] {
					survive++
				} else {
					retracted[c] = true
				}
			}
		}
		for k := range b {
			if _, ok := a[k]; !ok {
				came++
			}
		}
		if len(retracted) == 0 || came == 0 {
			continue
		}
		if survive > 0 {
			t.Logf("rules B: cue %q dropped, %q added: %d claims retracted, %d lose a report but stand, %d claim reports come", drop, added, len(retracted), survive, came)
			return dir, drop, added
		}
		if fallback == "" {
			fallback = drop
		}
	}
	if fallback == "" {
		t.Fatalf("no cue of %v retracts a claim of the corpus when dropped", cues)
	}
	t.Logf("rules B: cue %q dropped, %q added; no claim it retracts a report of keeps another", fallback, added)
	return writeRulesB(t, files, fallback, added), fallback, added
}

// writeRulesB writes the changed rule files into a new folder.
func writeRulesB(t *testing.T, files map[string][]byte, drop, add string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range editCue(t, files, drop, add) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// editCue returns the rule files that change when the cue form drop is
// removed and add is added to a rule of the same predicate as the one drop
// belongs to, in English. This is the part that follows the format of the
// rule files (today cues.tsv: rule, lang, predicate, …, cues as a|b|c).
func editCue(t *testing.T, files map[string][]byte, drop, add string) map[string][]byte {
	t.Helper()
	const name = "cues.tsv"
	data, ok := files[name]
	if !ok {
		t.Fatalf("rulesB: no %s among the rule files %v: adapt editCue to the new format", name, keys(files))
	}
	lines := strings.Split(string(data), "\n")
	var header []string
	col := func(c string) int { return slices.Index(header, c) }
	dropped, addTo := -1, ""
	for i, l := range lines {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if header == nil {
			header = f
			if col("cues") < 0 || col("predicate") < 0 || col("lang") < 0 {
				t.Fatalf("rulesB: %s header %v lacks cues, predicate or lang: adapt editCue", name, header)
			}
			continue
		}
		forms := strings.Split(f[col("cues")], "|")
		// Claims name the cue as the text has it (English: any case and
		// form); rules write English cues as lemmas, perhaps with /V.
		if j := slices.IndexFunc(forms, func(c string) bool { return cueForm(c, drop) }); j >= 0 && dropped < 0 {
			f[col("cues")] = strings.Join(slices.Delete(forms, j, j+1), "|")
			lines[i] = strings.Join(f, "\t")
			dropped = i
		}
	}
	if dropped < 0 {
		t.Fatalf("rulesB: cue %q is in no rule of %s", drop, name)
	}
	predicate := strings.Split(lines[dropped], "\t")[col("predicate")]
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if i == 0 || len(f) <= col("cues") || strings.HasPrefix(l, "#") || f[col("lang")] != "en" || f[col("predicate")] != predicate {
			continue
		}
		f[col("cues")] += "|" + add
		lines[i] = strings.Join(f, "\t")
		addTo = f[0]
		break
	}
	if addTo == "" {
		t.Fatalf("rulesB: no English rule of predicate %s to add %q to", predicate, add)
	}
	return map[string][]byte{name: []byte(strings.Join(lines, "\n"))}
}

// claimsOf extracts the articles with the given rules and returns their
// claim reports, each "article␀cue␀claim", with its claim: "date predicate
// actors target topic".
func claimsOf(t *testing.T, opts extract.Options, arts []schemas.Article) map[string]string {
	t.Helper()
	e, err := extract.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, a := range arts {
		x := e.Extract(a)
		for _, c := range x.Claims {
			if c.Negated {
				continue
			}
			claim := fmt.Sprintf("%s %s %v %v %v", x.Date, c.Predicate, c.Actors, deref(c.Target), deref(c.Topic))
			out[a.ID+"\x00"+c.Cue+"\x00"+claim] = claim
		}
	}
	return out
}

func readCorpus(t *testing.T, dir string) []schemas.Article {
	t.Helper()
	var arts []schemas.Article
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		a, err := source.ReadFile(p)
		if err != nil {
			return err
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// cueForm reports that a cue of a rule file (a lemma pattern such as
// "condemn/V" or "express concern", or Chinese words) is the one a claim
// names as text ("condemned", "expressed deep concern", 谴责).
func cueForm(pattern, text string) bool {
	pw := strings.Fields(strings.NewReplacer("/V", "", "/N", "", "/A", "").Replace(pattern))
	tw := strings.Fields(strings.ToLower(text))
	if len(pw) == 0 || len(tw) < len(pw) {
		return false
	}
	if len(pw) == 1 && len(tw) == 1 && !strings.ContainsAny(pattern, "abcdefghijklmnopqrstuvwxyz") {
		return pattern == text // Chinese: as written
	}
	// each word of the pattern begins a word of the text, in order, the
	// first and last words matching the text's first and last
	stem := func(w string) string { return strings.TrimSuffix(strings.TrimSuffix(w, "e"), "y") }
	at := 0
	for i, w := range pw {
		found := -1
		for k := at; k < len(tw); k++ {
			if strings.HasPrefix(tw[k], stem(w)) && len(tw[k]) <= len(w)+3 {
				found = k
				break
			}
		}
		if found < 0 || i == 0 && found != 0 {
			return false
		}
		at = found + 1
	}
	return at == len(tw)
}

func anyContains(files map[string][]byte, s string) bool {
	for _, b := range files {
		if strings.Contains(string(b), s) {
			return true
		}
	}
	return false
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func deref(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}
