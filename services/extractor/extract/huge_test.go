package extract

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/claim"
)

// pathological returns texts of about size bytes built to be expensive:
// one claim repeated, Chinese without a single punctuation mark, cue words
// without a sentence end, one word without a break.
func pathological(size int) map[string]schemas.Article {
	repeat := func(unit string) string { return strings.Repeat(unit, max(1, size/len(unit))) }
	words := func(seed uint64, vocab []string, sep string) string {
		r := rand.New(rand.NewPCG(seed, seed))
		var b strings.Builder
		for b.Len() < size-64 {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteString(sep)
		}
		return b.String()
	}
	zh := []string{"中国", "美国", "坚决", "反对", "支持", "制裁", "合作", "发展", "胁迫", "日本", "俄罗斯", "乌克兰", "表示", "谴责", "和平", "外交部", "发言人", "呼吁", "各方", "双方", "同意", "将", "继续", "他说", "欢迎", "关切"}
	en := []string{"China", "the United States", "strongly", "opposes", "supports", "sanctions", "condemns", "Russia", "Ukraine", "said", "that", "and", "calls", "on", "Japan", "to", "the", "EU", "welcomes", "agreed", "will", "continue"}
	return map[string]schemas.Article{
		"repeated English claim":       {ID: "re", Format: schemas.FormatText, Body: repeat("Canada condemns the missile launch by North Korea and will keep supporting Ukraine. ")},
		"repeated Chinese claim":       {ID: "rz", Format: schemas.FormatText, Body: repeat("加拿大谴责朝鲜发射导弹，并将继续支持乌克兰。\n")},
		"Chinese without punctuation":  {ID: "zp", Format: schemas.FormatText, Body: words(1, zh, "")},
		"English without punctuation":  {ID: "ep", Format: schemas.FormatText, Body: words(2, en, " ")},
		"cues without a sentence end":  {ID: "cz", Format: schemas.FormatText, Body: repeat("法国坚决反对德国的制裁和干涉，他表示")},
		"one word":                     {ID: "ow", Format: schemas.FormatText, Body: repeat("a")},
		"nested markup around a claim": {ID: "nm", Format: schemas.FormatHTML, Body: repeat("<div><p><b>中方支持乌克兰")},
		"ever new names":               {ID: "nn", Format: schemas.FormatText, Body: names(3, size)},
	}
}

// names returns about size bytes of sentences that each name new people:
// a transliterated name with a name dot and a list of Chinese names.
func names(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, seed))
	translit := []rune("亚当金辛格柯尔斯滕约翰逊拉夫劳伦安娜米勒克里斯蒂娜")
	given := []rune("立新国华春燕明文军红伟芳")
	part := func(rs []rune, n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(rs[r.IntN(len(rs))])
		}
		return b.String()
	}
	var b strings.Builder
	for b.Len() < size-256 {
		fmt.Fprintf(&b, "%s·%s批评了这一决定，张%s、李%s、王%s表示支持。", part(translit, 3), part(translit, 3), part(given, 2), part(given, 2), part(given, 2))
	}
	return b.String()
}

// TestPathologicalInputsGiveABoundedResult reads documents at the size
// limit built to be expensive. Each gets a result of bounded size whose
// claims are well formed, or a too_large error that says why.
func TestPathologicalInputsGiveABoundedResult(t *testing.T) {
	e := testEngine(t)
	for name, a := range pathological(MaxTextBytes - 1024) {
		t.Run(name, func(t *testing.T) {
			x := e.Extract(a)
			if x.Error != nil {
				if x.Error.Code != ErrTooLarge || x.Error.Message == "" {
					t.Fatalf("error %+v, want a result or too_large with its reason", x.Error)
				}
				if len(x.Claims) != 0 {
					t.Fatalf("a failed document has %d claims", len(x.Claims))
				}
			}
			checkWellFormed(t, a, x)
			out, err := json.Marshal(x)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) > limits.Message/4 {
				t.Fatalf("extraction of %d bytes, over a quarter of the %d-byte message limit", len(out), limits.Message)
			}
			t.Logf("%d claims, %d unmapped, %d bytes of JSON, error %v", len(x.Claims), len(x.Unmapped), len(out), x.Error)
		})
	}
}

// checkWellFormed asserts what every extraction promises: each claim has
// actors, a rule and evidence that is the text at its offsets, and no more
// than claim.MaxSpans spans; no more than MaxClaims claims.
func checkWellFormed(t *testing.T, a schemas.Article, x schemas.Extraction) {
	t.Helper()
	if x.Doc == "" || x.Claims == nil || x.Entities == nil {
		t.Fatalf("incomplete extraction %+v", x)
	}
	if len(x.Claims) > MaxClaims || len(x.Unmapped) > MaxUnmapped || len(x.Entities) > MaxEntities {
		t.Fatalf("%d claims, %d unmapped objects and %d entities, over the limits %d, %d and %d", len(x.Claims), len(x.Unmapped), len(x.Entities), MaxClaims, MaxUnmapped, MaxEntities)
	}
	for _, c := range x.Claims {
		if c.Rule == "" || c.Evidence.Text == "" || len(c.Actors) == 0 {
			t.Fatalf("claim without rule, evidence or actor: %+v", c)
		}
		if len(c.Spans) > claim.MaxSpans {
			t.Fatalf("claim with %d spans, over %d", len(c.Spans), claim.MaxSpans)
		}
		for _, sp := range append([]schemas.Span{c.Evidence}, c.Spans...) {
			if sp.Start < 0 || sp.End < sp.Start || sp.Text == "" {
				t.Fatalf("bad span %+v", sp)
			}
			if a.Format == schemas.FormatText && a.Title == "" && (sp.End > len(a.Body) || a.Body[sp.Start:sp.End] != sp.Text) {
				t.Fatalf("evidence %q is not the text at %d:%d", sp.Text, sp.Start, sp.End)
			}
		}
	}
}

// TestPathologicalCostIsLinear measures the bytes allocated for each
// pathological text at 256 KB and at 1 MB: four times the text may cost
// about four times as much, not sixteen. (Allocation, unlike time, does
// not depend on what else the machine runs.)
func TestPathologicalCostIsLinear(t *testing.T) {
	e := testEngine(t)
	e.Extract(schemas.Article{ID: "warm", Body: "China opposes sanctions. 中国反对制裁。"})
	small, large := pathological(256<<10), pathological(1<<20)
	for name := range small {
		t.Run(name, func(t *testing.T) {
			a1, a4 := allocated(e, small[name]), allocated(e, large[name])
			ratio := float64(a4) / float64(max(1, a1))
			t.Logf("allocated %.1f MB for 256 KB, %.1f MB for 1 MB: ×%.2f", mb(a1), mb(a4), ratio)
			if ratio > 5 {
				t.Fatalf("4× the text allocates ×%.2f: the cost grows faster than the text", ratio)
			}
		})
	}
}

func allocated(e *Engine, a schemas.Article) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	e.Extract(a)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// BenchmarkPathological extracts each pathological text at the size limit.
func BenchmarkPathological(b *testing.B) {
	e := testEngine(b)
	for name, a := range pathological(MaxTextBytes - 1024) {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(a.Body)))
			for b.Loop() {
				if x := e.Extract(a); x.Error != nil && x.Error.Code != ErrTooLarge {
					b.Fatal(fmt.Sprint(x.Error))
				}
			}
		})
	}
}
