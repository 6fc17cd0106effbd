package extract

import (
	"bytes"
	"encoding/json"
	"github.com/diplograph/diplograph/services/extractor/internal/shared"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

func extractionSchema(t testing.TB) *schemas.Validator {
	t.Helper()
	v, err := schemas.NewValidator(schemas.ExtractionV1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkExtraction asserts the output contract: the JSON Schema, and for
// every claim a rule and evidence that is exactly the clean text at its
// offsets.
func checkExtraction(t testing.TB, s *schemas.Validator, a schemas.Article, x schemas.Extraction) {
	t.Helper()
	if err := s.Validate(x); err != nil {
		t.Fatalf("%s: extraction does not match the schema: %v", x.Doc, err)
	}
	if x.Error != nil {
		return
	}
	text, err := clean(a)
	if err != nil {
		t.Fatal(err)
	}
	text = withTitle(a.Title, text)
	for _, c := range x.Claims {
		if c.Rule == "" || c.Evidence.Text == "" {
			t.Fatalf("%s: claim without rule or evidence: %+v", x.Doc, c)
		}
		for _, sp := range append([]schemas.Span{c.Evidence}, c.Spans...) {
			if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End || text[sp.Start:sp.End] != sp.Text {
				t.Fatalf("%s: span %+v is not the clean text at its offsets", x.Doc, sp)
			}
		}
	}
}

func TestExtractOutputMeetsTheContractOnTheDevCorpus(t *testing.T) {
	// our own documents, plus the shared dev corpus where it is present
	files, _ := filepath.Glob("testdata/*")
	dev, _ := filepath.Glob(filepath.Join(shared.Require(t), "corpus", "dev", "*.txt"))
	files = append(files, dev...)
	if len(files) < 3 {
		t.Fatal("no input files")
	}
	e := testEngine(t)
	s := extractionSchema(t)
	claims := 0
	for _, f := range files {
		a, err := source.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x := e.Extract(a)
		if x.Error != nil {
			t.Errorf("%s: %+v", f, x.Error)
		}
		if x.Doc != a.Name || x.Lang == "" {
			t.Errorf("%s: doc %q lang %q", f, x.Doc, x.Lang)
		}
		if x.Date == "" {
			t.Logf("%s: no date (none published, none in the text)", f)
		}
		checkExtraction(t, s, a, x)
		claims += len(x.Claims)
	}
	if claims == 0 {
		t.Fatal("no claims at all")
	}
}

func TestExtractReportsBadDocumentsAsErrors(t *testing.T) {
	e := testEngine(t)
	s := extractionSchema(t)
	cases := []struct {
		name string
		a    schemas.Article
		code string
	}{
		{"empty text", schemas.Article{ID: "a1", Format: schemas.FormatText, Body: "   \n\t "}, ErrEmpty},
		{"html without text", schemas.Article{ID: "a2", Format: schemas.FormatHTML, Body: "<div><script>var x=1;</script><img src=x></div>"}, ErrEmpty},
		{"binary junk", schemas.Article{ID: "a3", Format: schemas.FormatText, Body: "\x00\x01\x02\xff\xfe\x00\x00abc\x00\x07\x08"}, ErrBinary},
		{"russian text", schemas.Article{ID: "a4", Format: schemas.FormatText, Body: "Министр иностранных дел России заявил, что Москва выступает против санкций."}, ErrUnsupported},
		{"french text", schemas.Article{ID: "a5", Format: schemas.FormatText, Body: "Le ministre des affaires étrangères a déclaré que la France est opposée aux sanctions et les critique."}, ErrUnsupported},
		{"too large", schemas.Article{ID: "a6", Format: schemas.FormatText, Body: strings.Repeat("中国反对经济胁迫。", MaxTextBytes/20)}, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := e.Extract(c.a)
			if x.Error == nil || x.Error.Code != c.code {
				t.Fatalf("error %+v, want code %s", x.Error, c.code)
			}
			if x.Doc != c.a.ID {
				t.Errorf("doc %q, want the article id %q", x.Doc, c.a.ID)
			}
			checkExtraction(t, s, c.a, x)
		})
	}
}

func TestExtractMergesRepeatedStatementsIntoOneClaim(t *testing.T) {
	e := testEngine(t)
	a := schemas.Article{Name: "repeat", Format: schemas.FormatText, Title: "日英外长会谈",
		Body: "双方坚决反对经济胁迫。会谈持续了两个小时。双方还表示强烈反对经济胁迫。"}
	x := e.Extract(a)
	var found int
	for _, c := range x.Claims {
		if c.Predicate == "oppose" && c.Topic != nil && *c.Topic == "topic:economic-coercion" {
			found++
			if len(c.Spans) != 2 {
				t.Errorf("spans %+v, want two", c.Spans)
			}
		}
	}
	if found != 1 {
		t.Fatalf("%d oppose claims, want one: %+v", found, x.Claims)
	}
}

func TestExplainSaysWhyForEveryClaim(t *testing.T) {
	e := testEngine(t)
	a := schemas.Article{Name: "explain", Format: schemas.FormatText, Title: "日英外长会谈",
		Body: "日本外务大臣上川阳子表示，日本坚决反对经济胁迫。四位部长对南海局势表示严重关切。"}
	x, all := e.Explain(a)
	var ex []Explanation
	for _, xx := range all {
		if xx.Claim >= 0 {
			ex = append(ex, xx)
		}
	}
	if len(ex) != len(x.Claims) || len(ex) == 0 {
		t.Fatalf("%d explanations for %d claims", len(ex), len(x.Claims))
	}
	joined := ""
	for _, xx := range ex {
		if xx.Rule == "" || xx.Cue == "" || xx.Actor == "" {
			t.Errorf("incomplete explanation %+v", xx)
		}
		joined += xx.String() + "\n"
	}
	for _, want := range []string{"上川阳子", "person:kamikawa-yoko", "JPN", "四位部长", "parties"} {
		if !strings.Contains(joined, want) {
			t.Errorf("explanations lack %q:\n%s", want, joined)
		}
	}
}

// A negated claim is not among the extraction's claims, so the explanations
// of the claims after it must still name their own claim, not a neighbour's.
func TestExplainPairsEachClaimWithItsOwnReason(t *testing.T) {
	e := testEngine(t)
	a := schemas.Article{Name: "explain-negated", Format: schemas.FormatText,
		Body: "Germany does not support sanctions on Iran. France condemns the attack by Russia. Spain welcomes the Paris Agreement."}
	x, all := e.Explain(a)
	if len(x.Claims) != 2 || len(x.Denied) != 1 {
		t.Fatalf("want 2 claims and 1 denied, got %d and %d: %+v", len(x.Claims), len(x.Denied), x.Claims)
	}
	seen, negated := map[int]bool{}, 0
	for _, xx := range all {
		switch {
		case xx.Claim >= 0:
			c := x.Claims[xx.Claim]
			if xx.Rule != c.Rule || xx.Cue != c.Cue {
				t.Errorf("claim %d (%s %s, rule %s) explained by rule %s cue %q", xx.Claim, c.Actors, c.Predicate, c.Rule, xx.Rule, xx.Cue)
			}
			seen[xx.Claim] = true
		case strings.HasPrefix(xx.Dropped, "negated"):
			negated++
			if xx.Start != x.Denied[0].Evidence.Start {
				t.Errorf("negated explanation at %d, denied claim at %d", xx.Start, x.Denied[0].Evidence.Start)
			}
		}
	}
	if len(seen) != len(x.Claims) || negated != 1 {
		t.Errorf("explained %d of %d claims and %d negated", len(seen), len(x.Claims), negated)
	}
}

func TestEngineIsSafeForConcurrentUse(t *testing.T) {
	e := testEngine(t)
	a := schemas.Article{Name: "c", Format: schemas.FormatHTML, Body: benchZh}
	want, _ := json.Marshal(e.Extract(a))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got, _ := json.Marshal(e.Extract(a))
				if !bytes.Equal(got, want) {
					errs <- string(got)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for g := range errs {
		t.Fatalf("concurrent extraction differs: %s", g)
	}
}

func TestNewStartsQuickly(t *testing.T) {
	start := time.Now()
	if _, err := New(Options{}); err != nil {
		t.Fatal(err)
	}
	// the target is < 1 s; allow for a shared, busy machine
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("New took %v", d)
	}
}

func TestNewUsesRuleOverrides(t *testing.T) {
	dir := t.TempDir()
	cues := "rule\tlang\tpredicate\tframe\tmodality\ttarget\tconfidence\tcues\nzh.oppose.test\tzh\toppose\tstance\t\tadjacent\t0.9\t不赞成\n"
	if err := os.WriteFile(filepath.Join(dir, "cues.tsv"), []byte(cues), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{RulesDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if e.RulesVersion() == testEngine(t).RulesVersion() {
		t.Error("rules version did not change with the rules")
	}
	x := e.Extract(schemas.Article{Name: "o", Format: schemas.FormatText, Body: "中国不赞成经济胁迫。"})
	if len(x.Claims) != 1 || x.Claims[0].Rule != "zh.oppose.test" {
		t.Fatalf("claims %+v", x.Claims)
	}
	if _, err := New(Options{RulesDir: filepath.Join(dir, "missing")}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("a missing rules folder is a bad setting that names the folder; err %v", err)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "cues.tsv"), []byte("rule\tlang\tpredicate\tframe\tmodality\ttarget\tconfidence\tcues\nx\tzh\tpraise\tstance\t\tnone\t0.9\t赞\n"), 0o644)
	if _, err := New(Options{RulesDir: bad}); err == nil || !strings.Contains(err.Error(), "unknown predicate") {
		t.Fatalf("bad rules: err %v", err)
	}
}
