package rules_test

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

var update = flag.Bool("update", false, "rewrite golden.yaml with the claims the rules now produce")

// goldenCase is one sentence or short text with the claims a careful
// annotator would mark, written compactly as
// "predicate ACTOR,ACTOR target topic when" with "-" for null and a
// trailing "neg" for negated claims.
type goldenCase struct {
	Name      string   `yaml:"name"`
	Lang      string   `yaml:"lang"`
	Title     string   `yaml:"title,omitempty"`
	Published string   `yaml:"published,omitempty"`
	Text      string   `yaml:"text"`
	Claims    []string `yaml:"claims"`
}

var (
	engineOnce sync.Once
	engine     *extract.Engine
	engineErr  error
)

func loadEngine(t *testing.T) *extract.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = extract.New(extract.Options{}) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine
}

func compact(c schemas.Claim) string {
	s := func(p *string) string {
		if p == nil {
			return "-"
		}
		return *p
	}
	acts := append([]string{}, c.Actors...)
	sort.Strings(acts)
	out := fmt.Sprintf("%s %s %s %s %s", c.Predicate, strings.Join(acts, ","), s(c.Target), s(c.Topic), s(c.When))
	if c.Negated {
		out += " neg"
	}
	return out
}

// TestGolden runs every case of golden.yaml through the engine and compares
// the claims it extracts with the expected ones.
func TestGolden(t *testing.T) { runCases(t, "golden.yaml", 150) }

// TestHostile runs the hostile-text suite (hostile.yaml): reported speech,
// negation, conditions, questions, page furniture, places that are only
// settings, mixed language — each with the claims it must give, or none.
func TestHostile(t *testing.T) { runCases(t, "hostile.yaml", 150) }

func runCases(t *testing.T, file string, least int) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	if err := yaml.Unmarshal(data, &cases); err != nil {
		t.Fatalf("parsing %s: %v", file, err)
	}
	if len(cases) < least {
		t.Errorf("%s has %d cases, want at least %d", file, len(cases), least)
	}
	e := loadEngine(t)
	seen := map[string]bool{}
	for i := range cases {
		c := &cases[i]
		if seen[c.Name] {
			t.Errorf("duplicate case name %q", c.Name)
		}
		seen[c.Name] = true
		t.Run(c.Name, func(t *testing.T) {
			a := schemas.Article{Name: "golden", Title: c.Title, Format: schemas.FormatText, Body: c.Text}
			pub := c.Published
			if pub == "" {
				pub = "2024-03-01"
			}
			if p, err := time.Parse("2006-01-02", pub); err == nil {
				a.Published = &p
			}
			x := e.Extract(a)
			if x.Error != nil {
				if x.Error.Code == extract.ErrEmpty && len(c.Claims) == 0 {
					return // all page furniture: nothing left to read, nothing to claim
				}
				t.Fatalf("extraction error: %+v", x.Error)
			}
			if x.Lang != c.Lang {
				t.Errorf("lang %q, want %q", x.Lang, c.Lang)
			}
			var got []string
			for _, cl := range x.Claims {
				checkClaimContract(t, x, cl)
				if cl.Negated {
					t.Errorf("a negated claim among the claims: %+v", cl)
				}
				got = append(got, compact(cl))
			}
			for _, cl := range x.Denied {
				checkClaimContract(t, x, cl)
				got = append(got, compact(cl)) // (compact marks them "neg")
			}
			sort.Strings(got)
			want := append([]string{}, c.Claims...)
			sort.Strings(want)
			if *update {
				c.Claims = got
				return
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("text: %s\ngot:\n  %s\nwant:\n  %s", c.Text, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
	if *update {
		out, err := yaml.Marshal(cases)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkClaimContract asserts what every claim must have: a rule, evidence
// that is exactly the text at its offsets, actors, and a target or topic.
func checkClaimContract(t *testing.T, x schemas.Extraction, c schemas.Claim) {
	t.Helper()
	if c.Rule == "" {
		t.Errorf("claim without rule: %+v", c)
	}
	if c.Evidence.Text == "" || c.Evidence.End <= c.Evidence.Start {
		t.Errorf("claim without evidence: %+v", c)
	}
	if len(c.Actors) == 0 {
		t.Errorf("claim without actors: %+v", c)
	}
	if c.Target == nil && c.Topic == nil {
		t.Errorf("claim with neither target nor topic: %+v", c)
	}
}
